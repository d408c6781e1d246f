import { testRule } from '../rule-tester.js';

const org = (url: string) => `orgs:\n  prod:\n    loginUrl: ${url}\n`;

testRule('login-url-format', {
  valid: [org('https://acme.my.salesforce.com'), org('"${SF_LOGIN_URL}/"'), org('https://127.0.0.1:8443'), org('http://127.0.0.1:41003'), org('http://localhost:8080')],
  invalid: [
    { name: 'trailing slash', case: org('https://acme.my.salesforce.com/'), errors: [{ at: '3:15', message: 'ends with a slash' }], output: org('https://acme.my.salesforce.com') },
    { name: 'path, double quotes kept', case: org('"https://acme.my.salesforce.com/services/Soap/u/64.0"'), errors: [{ at: '3:15', message: 'has the path /services/Soap/u/64.0' }], output: org('"https://acme.my.salesforce.com"') },
    { name: 'query', case: org("'https://login.salesforce.com?x=1'"), errors: [{ at: '3:15', message: 'has a query' }], output: org("'https://login.salesforce.com'") },
    { name: 'http', case: org('http://acme.my.salesforce.com'), errors: [{ at: '3:15', message: 'uses http' }], output: org('https://acme.my.salesforce.com') },
    { name: 'port on a Salesforce host', case: org('https://acme.my.salesforce.com:8443'), errors: [{ at: '3:15', message: 'has a port' }], output: org('https://acme.my.salesforce.com') },
    { name: 'not a URL', case: org('acme.my.salesforce.com'), errors: [{ at: '3:15', message: 'is not a URL' }], output: org('acme.my.salesforce.com') },
    { name: 'credentials, no fix', case: org('https://user:pw@acme.my.salesforce.com'), errors: [{ at: '3:15', message: 'contains a user name or password' }], output: org('https://user:pw@acme.my.salesforce.com') },
    { name: 'at defaults', case: 'defaults:\n  loginUrl: " https://test.salesforce.com"\n', errors: [{ at: '2:13', message: 'defaults: loginUrl "https://test.salesforce.com" has spaces around it' }], output: 'defaults:\n  loginUrl: "https://test.salesforce.com"\n' },
  ],
});
