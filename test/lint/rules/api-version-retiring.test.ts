import { testRule } from '../rule-tester.js';

const SOAP = '{ method: soap-password, username: u@acme.com, password: "${P}", securityToken: "${T}" }';
const soapOrg = (version: string) => `orgs:\n  legacy:\n    apiVersion: "${version}"\n    auth: ${SOAP}\n`;

testRule('api-version-retiring', {
  valid: [`defaults:\n  apiVersion: "41.0"\n`, `defaults:\n  apiVersion: "30.0"\n`],
  invalid: [
    {
      case: `defaults:\n  apiVersion: "31.0"\n`,
      errors: [{ at: '2:15', message: "is retired in Summer '28 (about June 2028); move to 41.0 or later", severity: 'warning' }],
    },
    { case: `orgs:\n  a:\n    apiVersion: "40.0"\n`, errors: [{ at: '3:17', message: 'org "a": apiVersion "40.0" (Summer \'17)' }] },
    {
      name: 'soap-password org gets 64.0',
      case: soapOrg('38.0'),
      errors: [{ at: '3:17', message: 'move to "64.0", the last version with SOAP login(), before then, and move the org to OAuth (orgcfg upgrade --auth client-credentials)' }],
    },
  ],
});
