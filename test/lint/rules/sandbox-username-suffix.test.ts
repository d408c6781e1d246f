import { testRule } from '../rule-tester.js';

const org = (url: string, username: string, sandbox = 'true') =>
  `orgs:\n  uat:\n    sandbox: ${sandbox}\n    loginUrl: ${url}\n    auth: { method: jwt, clientId: a, username: ${username}, privateKey: "\${K}" }\n`;

testRule('sandbox-username-suffix', {
  valid: [
    org('https://acme--uat.sandbox.my.salesforce.com', 'ci@acme.com.uat'),
    org('https://test.salesforce.com', 'ci@acme.com.qa'),
    org('https://login.salesforce.com', 'ci@acme.com', 'false'),
    org('https://test.salesforce.com', '"${SF_USER}"'),
  ],
  invalid: [
    { case: org('https://test.salesforce.com', 'ci@acme.com'), errors: [{ at: '5:49', message: 'write "ci@acme.com.SANDBOXNAME"', severity: 'info' }] },
    { case: org('https://acme--uat.sandbox.my.salesforce.com', 'ci@acme.com.qa'), errors: [{ at: '5:49', message: 'has no .uat suffix' }] },
  ],
});
