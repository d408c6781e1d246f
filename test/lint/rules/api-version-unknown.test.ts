import { testRule } from '../rule-tester.js';

testRule('api-version-unknown', {
  valid: [`defaults:\n  apiVersion: "68.0"\n`, `defaults:\n  apiVersion: "99"\n`],
  invalid: [
    { case: `defaults:\n  apiVersion: "69.0"\n`, errors: [{ at: '2:15', message: 'is newer than 68.0', severity: 'warning' }] },
    { case: `orgs:\n  a:\n    apiVersion: "86.0"\n`, errors: [{ at: '3:17', message: 'check for a typo' }] },
  ],
});
