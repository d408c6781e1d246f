import { testRule, yaml } from '../rule-tester.js';

const auth = '{ method: client-credentials, clientId: a, clientSecret: "${S}" }';

testRule('client-credentials-my-domain', {
  valid: [
    // With an invalid loginUrl or sandbox flag the login host is unknown.
    `orgs:\n  prod:\n    sandbox: yes\n    auth: ${auth}\n`,
    `orgs:\n  prod:\n    loginUrl: 42\n    auth: ${auth}\n`,
    `orgs:\n  prod:\n    loginUrl: https://acme.my.salesforce.com\n    auth: ${auth}\n`,
    `orgs:\n  prod:\n    loginUrl: \${SF_LOGIN_URL}\n    auth: ${auth}\n`,
    `orgs:\n  prod:\n    loginUrl: https://login.salesforce.com\n    auth: { method: jwt, clientId: a, username: u@acme.com, privateKey: "\${K}" }\n`,
  ],
  invalid: [
    {
      name: 'generic production host',
      case: `orgs:\n  prod:\n    loginUrl: https://login.salesforce.com\n    auth: ${auth}\n`,
      errors: [{ at: '3:15', message: 'request not supported on this domain', severity: 'error' }],
    },
    {
      name: 'generic host from defaults, reported at the org',
      case: yaml`
        defaults:
          loginUrl: https://test.salesforce.com
        orgs:
          uat:
            sandbox: true
            auth:
              method: client-credentials
              clientId: a
              clientSecret: \${S}
      `,
      errors: [{ at: '7:15', message: '(from defaults.loginUrl)' }],
    },
  ],
});
