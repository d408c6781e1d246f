import { testRule } from '../rule-tester.js';

testRule('soap-login-retiring', {
  valid: ['orgs:\n  a:\n    auth: { method: client-credentials }\n'],
  invalid: [
    {
      case: 'orgs:\n  a:\n    auth:\n      method: soap-password\n',
      errors: [{ at: '4:15', message: "retires for every API version in Summer '27 (about June 2027); move to client-credentials or jwt (orgcfg upgrade --auth)", severity: 'warning' }],
    },
  ],
});
