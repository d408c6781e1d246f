import { testRule } from '../rule-tester.js';

const SOAP = '{ method: soap-password, username: u@acme.com, password: "${P}", securityToken: "${T}" }';
const soapOrg = (version: string) => `orgs:\n  legacy:\n    apiVersion: "${version}"\n    auth: ${SOAP}\n`;

testRule('api-version-retired', {
  valid: [`defaults:\n  apiVersion: "31.0"\n`, `defaults:\n  apiVersion: "\${API_VERSION}"\n`],
  invalid: [
    { case: `defaults:\n  apiVersion: "30.0"\n`, errors: [{ at: '2:15', message: "was retired in Summer '25", severity: 'error' }] },
    { case: `orgs:\n  old:\n    apiVersion: '9.0'\n`, errors: [{ at: '3:17', message: "was retired in Summer '22" }] },
    // 31.0 to 40.0 are themselves retiring, so the advice starts above them.
    { name: 'advice skips retiring versions', case: `defaults:\n  apiVersion: "29.0"\n`, errors: [{ at: '2:15', message: 'use 41.0 or later, such as "68.0"' }] },
    {
      name: 'soap-password org gets 64.0',
      case: soapOrg('29.0'),
      errors: [{ at: '3:17', message: /use "64\.0", the last version with SOAP login\(\), and move the org to OAuth \(orgcfg upgrade --auth client-credentials\)(?!.*68\.0)/ }],
    },
    {
      name: 'defaults shared by soap and other orgs',
      case: `defaults:\n  apiVersion: "29.0"\norgs:\n  legacy:\n    auth: ${SOAP}\n  api:\n    auth: { method: jwt }\n`,
      errors: [{ at: '2:15', message: 'use "64.0", the last version with SOAP login(), because soap-password orgs inherit this value' }],
    },
  ],
});
