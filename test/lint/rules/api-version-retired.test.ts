import { testRule } from '../rule-tester.js';

testRule('api-version-retired', {
  valid: [`defaults:\n  apiVersion: "31.0"\n`, `defaults:\n  apiVersion: "\${API_VERSION}"\n`],
  invalid: [
    { case: `defaults:\n  apiVersion: "30.0"\n`, errors: [{ at: '2:15', message: "was retired in Summer '25", severity: 'error' }] },
    { case: `orgs:\n  old:\n    apiVersion: '9.0'\n`, errors: [{ at: '3:17', message: "was retired in Summer '22" }] },
  ],
});
