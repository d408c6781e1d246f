import { testRule } from '../rule-tester.js';

const org = (url: string) => `orgs:\n  prod:\n    loginUrl: ${url}\n`;

testRule('login-url-non-salesforce', {
  valid: [org('https://acme.my.salesforce.com'), org('https://acme.lightning.force.com'), org('${URL}')],
  invalid: [
    { case: org('https://acme.my.salesforce.co'), errors: [{ at: '3:15', message: 'refuses to send credentials to it unless run with --allow-host acme.my.salesforce.co', severity: 'warning' }] },
    { case: org('https://127.0.0.1:8443'), errors: [{ at: '3:15', message: 'host 127.0.0.1 is not a Salesforce host' }] },
  ],
});
