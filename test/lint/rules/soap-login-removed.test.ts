import { testRule } from '../rule-tester.js';

const auth = '    auth: { method: soap-password, username: u@acme.com, password: "${P}", securityToken: "${T}" }\n';

testRule('soap-login-removed', {
  valid: [`orgs:\n  a:\n    apiVersion: "64.0"\n${auth}`, `orgs:\n  a:\n    apiVersion: "66.0"\n    auth: { method: jwt }\n`],
  invalid: [
    { case: `orgs:\n  a:\n    apiVersion: "65.0"\n${auth}`, errors: [{ at: '3:17', message: 'SOAP login() does not exist at API version 65.0', severity: 'error' }] },
    { name: 'version from defaults, reported at the method', case: `defaults:\n  apiVersion: "66.0"\norgs:\n  a:\n${auth}`, errors: [{ at: '5:21', message: '(from defaults.apiVersion)' }] },
  ],
});
