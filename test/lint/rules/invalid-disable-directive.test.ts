import { testRule } from '../rule-tester.js';

const soap = (directive: string) =>
  `orgs:\n  legacy:\n    apiVersion: "64.0"\n    auth:\n      ${directive}\n      method: soap-password\n      username: u@acme.com\n      password: \${P}\n      securityToken: \${T}\n`;

testRule('invalid-disable-directive', {
  valid: [soap('# orgcfg-disable-next-line soap-login-retiring -- moving to jwt in Q3')],
  invalid: [
    { name: 'missing reason', case: soap('# orgcfg-disable-next-line soap-login-retiring'), errors: [{ at: '5:7', message: 'has no reason, so it suppresses nothing' }] },
    { name: 'no rule', case: soap('# orgcfg-disable-next-line -- why'), errors: [{ at: '5:7', message: 'names no rule' }] },
    { name: 'unknown rule', case: soap('# orgcfg-disable-next-line soap-login-retire -- why'), errors: [{ at: '5:7', message: 'did you mean "soap-login-retiring"?' }] },
    { name: 'misspelt directive', case: soap('# orgcfg-disable-line soap-login-retiring -- why'), errors: [{ at: '5:7', message: 'unknown directive "orgcfg-disable-line"' }] },
  ],
});
