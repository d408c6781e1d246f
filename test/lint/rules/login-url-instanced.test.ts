import { testRule } from '../rule-tester.js';

const org = (url: string) => `orgs:\n  prod:\n    loginUrl: ${url}\n`;

testRule('login-url-instanced', {
  valid: [org('https://acme.my.salesforce.com'), org('https://acme--uat.sandbox.my.salesforce.com'), org('https://acme-dev-ed.develop.my.salesforce.com')],
  invalid: [
    { case: org('https://na1.salesforce.com'), errors: [{ at: '3:15', message: 'is an instanced host', severity: 'warning' }] },
    { case: org('https://cs42.salesforce.com'), errors: [{ at: '3:15', message: 'instanced host' }] },
    { case: org('https://acme--uat.my.salesforce.com'), errors: [{ at: '3:15', message: 'use https://acme--uat.sandbox.my.salesforce.com' }] },
    { case: org('https://acme--uat.cs42.my.salesforce.com'), errors: [{ at: '3:15', message: 'use https://acme--uat.sandbox.my.salesforce.com' }] },
    { case: org('https://acme-dev-ed.my.salesforce.com'), errors: [{ at: '3:15', message: 'use https://acme-dev-ed.develop.my.salesforce.com' }] },
  ],
});
