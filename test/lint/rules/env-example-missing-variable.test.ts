import { testRule, yaml } from '../rule-tester.js';

const code = yaml`
  orgs:
    prod:
      loginUrl: https://acme.my.salesforce.com
      auth:
        method: client-credentials
        clientId: \${SF_PROD_CLIENT_ID}
        clientSecret: \${SF_PROD_CLIENT_SECRET}
`;

testRule('env-example-missing-variable', {
  valid: [
    code,
    { code, envExample: '# comment\nSF_PROD_CLIENT_ID=\nexport SF_PROD_CLIENT_SECRET=\n' },
  ],
  invalid: [
    {
      case: { code, envExample: 'SF_PROD_CLIENT_ID=\n' },
      errors: [{ at: '7:21', message: '${SF_PROD_CLIENT_SECRET} is not listed in p/.env.example', severity: 'warning' }],
    },
  ],
});
