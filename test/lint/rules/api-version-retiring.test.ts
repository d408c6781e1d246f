import { testRule } from '../rule-tester.js';

testRule('api-version-retiring', {
  valid: [`defaults:\n  apiVersion: "41.0"\n`, `defaults:\n  apiVersion: "30.0"\n`],
  invalid: [
    {
      case: `defaults:\n  apiVersion: "31.0"\n`,
      errors: [{ at: '2:15', message: "is retired in Summer '28 (about June 2028); move to 41.0 or later", severity: 'warning' }],
    },
    { case: `orgs:\n  a:\n    apiVersion: "40.0"\n`, errors: [{ at: '3:17', message: 'org "a": apiVersion "40.0" (Summer \'17)' }] },
  ],
});
