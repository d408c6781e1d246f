import { testRule } from '../rule-tester.js';

const code = 'orgs:\n  prod:\n    loginUrl: https://acme.my.salesforce.com\n    auth: { method: client-credentials, clientId: a, clientSecret: "${SF_S}" }\n';

testRule('env-example-unused-variable', {
  valid: [
    code,
    { code, envExample: 'SF_S=\n' },
    // The references of a file with syntax errors are unknown, so no listed variable is unused.
    { code: `${code}  broken\n    key: value\n`, envExample: 'SF_S=\nSF_OTHER=\n' },
    { code: `version: 1\ninclude: o.yaml\n${code}`, files: { 'p/o.yaml': 'orgs:\n  uat\n    auth: { clientSecret: "${SF_UAT}" }\n' }, envExample: 'SF_S=\nSF_UAT=\n' },
  ],
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
