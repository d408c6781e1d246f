import { testRule } from '../rule-tester.js';

const org = (lines: string) => `orgs:\n  x:\n${lines}`;

testRule('sandbox-login-url', {
  valid: [
    org('    sandbox: true\n    loginUrl: https://test.salesforce.com\n'),
    org('    sandbox: true\n    loginUrl: https://acme--uat.sandbox.my.salesforce.com\n'),
    org('    loginUrl: https://acme.my.salesforce.com\n'),
    org('    sandbox: true\n'),
    org('    sandbox: true\n    loginUrl: ${URL}\n'),
    // An invalid flag is the schema rule's problem; the host may be the right one.
    org('    sandbox: yes\n    loginUrl: https://acme--uat.sandbox.my.salesforce.com\n'),
    org('    sandbox: "true"\n    loginUrl: https://login.salesforce.com\n'),
    'defaults:\n  sandbox: 1\n' + org('    loginUrl: https://acme--uat.sandbox.my.salesforce.com\n'),
  ],
  invalid: [
    { case: org('    sandbox: true\n    loginUrl: https://login.salesforce.com\n'), errors: [{ at: '4:15', message: 'org "x" has sandbox: true but logs in at login.salesforce.com, a production login host' }] },
    { case: org('    sandbox: true\n    loginUrl: https://acme.my.salesforce.com\n'), errors: [{ at: '4:15', message: 'a production login host' }] },
    { case: org('    sandbox: false\n    loginUrl: https://test.salesforce.com\n'), errors: [{ at: '4:15', message: 'a sandbox login host' }] },
    { case: org('    loginUrl: https://acme--uat.sandbox.my.salesforce.com\n'), errors: [{ at: '3:15', message: 'no sandbox flag (so production)' }] },
    { name: 'login URL from defaults, flag on the org', case: 'defaults:\n  loginUrl: https://login.salesforce.com\n' + org('    sandbox: true\n'), errors: [{ at: '5:14' }] },
  ],
});
