import { testRule, yaml, CC_AUTH } from '../rule-tester.js';

const SOAP = '{ method: soap-password, username: u@acme.com, password: "${P}", securityToken: "${T}" }';
const soapOrg = (version: string) => `orgs:\n  legacy:\n    apiVersion: "${version}"\n    auth: ${SOAP}\n`;

testRule('api-version-outdated', {
  valid: [
    `defaults:\n  apiVersion: "59.0"\n`,
    `defaults:\n  apiVersion: "68.0"\n`,
    // 38.0 has an announced retirement and belongs to api-version-retiring.
    `defaults:\n  apiVersion: "38.0"\n`,
    { code: `defaults:\n  apiVersion: "50.0"\nlint:\n  maxReleasesBehind: 20\n` },
    // A soap-password org at 64.0 cannot go higher; soap-login-retiring covers it.
    `lint:\n  maxReleasesBehind: 2\n${soapOrg('64.0')}`,
  ],
  invalid: [
    {
      name: 'ten releases behind at defaults',
      case: `defaults:\n  apiVersion: "58.0"\n`,
      errors: [{ at: '2:15', message: 'defaults: apiVersion "58.0" (Summer \'23) is 10 releases behind 68.0', severity: 'warning' }],
    },
    {
      name: 'org value and a lower threshold',
      case: yaml`
        lint:
          maxReleasesBehind: 2
        orgs:
          prod:
            apiVersion: "64.0"
            loginUrl: https://acme.my.salesforce.com
            auth: ${CC_AUTH}
      `,
      errors: [{ at: '5:17', message: 'org "prod": apiVersion "64.0" (Summer \'25) is 4 releases behind' }],
    },
    {
      name: 'soap-password org below 64.0',
      case: soapOrg('50.0'),
      errors: [{ at: '3:17', message: 'raise it to "64.0", the last version with SOAP login(), after testing the integration on it, and move the org to OAuth' }],
    },
    {
      name: 'defaults shared by soap and other orgs',
      case: `lint:\n  maxReleasesBehind: 2\ndefaults:\n  apiVersion: "64.0"\norgs:\n  legacy:\n    auth: ${SOAP}\n  api:\n    auth: { method: jwt }\n`,
      errors: [{ at: '4:15', message: 'the soap-password orgs that inherit it must stay at "64.0", the last version with SOAP login(), until they move to OAuth' }],
    },
  ],
});
