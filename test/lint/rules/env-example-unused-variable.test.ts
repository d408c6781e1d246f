import { testRule } from '../rule-tester.js';

const code = 'orgs:\n  prod:\n    loginUrl: https://acme.my.salesforce.com\n    auth: { method: client-credentials, clientId: a, clientSecret: "${SF_S}" }\n';

testRule('env-example-unused-variable', {
  valid: [code, { code, envExample: 'SF_S=\n' }],
  invalid: [
    {
      case: { code, envExample: 'SF_S=\n\n  export SF_OLD_PASSWORD=x\r\nOTHER=1\n' },
      errors: [
        { at: 'p/.env.example:3:10', message: 'SF_OLD_PASSWORD is listed here but no file of p/orgcfg.yaml references it' },
        { at: 'p/.env.example:4:1', message: 'OTHER is listed' },
      ],
    },
  ],
});
