import { testRule } from '../rule-tester.js';

const org = (auth: string) => `orgs:\n  legacy:\n    apiVersion: "64.0"\n    auth:\n${auth}`;

testRule('security-token-missing', {
  valid: [
    org('      method: soap-password\n      username: u@acme.com\n      password: ${P}\n      securityToken: ${T}\n'),
    org('      method: jwt\n      clientId: a\n      username: u@acme.com\n      privateKey: ${K}\n'),
  ],
  invalid: [
    { case: org('      method: soap-password\n      username: u@acme.com\n      password: ${P}\n'), errors: [{ at: '4:5', message: 'add securityToken: ${SF_LEGACY_SECURITY_TOKEN}', severity: 'warning' }] },
    {
      case: 'orgs:\n  warehouse:\n    apiVersion: "64.0"\n    auth:\n      method: soap-password\n      username: ${SF_WH_USERNAME}\n      password: ${SF_WH_PASSWORD}\n',
      errors: [{ at: '4:5', message: 'add securityToken: ${SF_WH_SECURITY_TOKEN}' }],
    },
    { case: org('      method: oauth-password\n      clientId: a\n      clientSecret: ${C}\n      username: u@acme.com\n      password: ${P}\n'), errors: [{ at: '4:5', message: 'oauth-password login' }] },
  ],
});
