import { testRule } from '../rule-tester.js';

const org = (url: string) => `orgs:\n  prod:\n    loginUrl: ${url}\n`;

testRule('login-url-host', {
  valid: [org('https://acme.my.salesforce.com'), org('https://login.salesforce.com'), org('${URL}')],
  invalid: [
    { case: org('https://acme.lightning.force.com'), errors: [{ at: '3:15', message: 'serves pages, not logins; use the org\'s My Domain URL, https://acme.my.salesforce.com' }] },
    { case: org('https://acme--uat.sandbox.lightning.force.com'), errors: [{ at: '3:15', message: 'https://acme--uat.sandbox.my.salesforce.com' }] },
    { case: org('https://acme.my.site.com'), errors: [{ at: '3:15', message: 'https://acme.my.salesforce.com' }] },
    { case: org('https://acme--c.vf.force.com'), errors: [{ at: '3:15', message: 'https://acme.my.salesforce.com' }] },
  ],
});
