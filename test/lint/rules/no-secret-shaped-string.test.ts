import { describe, expect, it } from 'vitest';
import { lintCase, testRule } from '../rule-tester.js';

const SESSION = '00D5g000000abcd!AQ4AQFakeSessionIdValue0123456789';
const AUTH_URL = 'force://PlatformCLI::5Aep861FakeRefreshToken@acme.my.salesforce.com';
const PASSWORD_WITH_TOKEN = 'hunter2ABCDEFGHIJKLMNOPQRSTUVWX';

testRule('no-secret-shaped-string', {
  valid: [
    'orgs:\n  prod:\n    description: "Acme, see 00D5g000000abcd for the org id"\n',
    // A literal in a secret field is no-literal-secret's to report.
    `orgs:\n  prod:\n    auth:\n      method: sfdx-auth-url\n      authUrl: ${AUTH_URL}\n`,
  ],
  invalid: [
    { name: 'session id in a comment', case: `# debug: ${SESSION}\nversion: 1\n`, errors: [{ at: '1:10', message: 'a Salesforce session id or access token' }] },
    { name: 'auth URL in a description', case: `orgs:\n  prod:\n    description: ${AUTH_URL}\n`, errors: [{ at: '3:18', message: 'Salesforce CLI auth URL' }] },
    { name: 'PEM key in a block scalar', case: 'orgs:\n  prod:\n    description: |\n      -----BEGIN RSA PRIVATE KEY-----\n      MIIE\n', errors: [{ at: '4:7', message: 'a PEM private key' }] },
    { name: 'password with token under an unknown key', case: `orgs:\n  prod:\n    auth:\n      method: soap-password\n      pwd: ${PASSWORD_WITH_TOKEN}\n`, errors: [{ at: '5:12', message: 'looks like a password with the security token appended' }] },
  ],
});

describe('no-secret-shaped-string messages', () => {
  it.each([SESSION, AUTH_URL, PASSWORD_WITH_TOKEN])('never repeat the value %#', (value) => {
    const text = JSON.stringify(lintCase(`# ${value}\norgs:\n  prod:\n    description: "${value}"\n    auth:\n      pwd: ${value}\n`));
    expect(text).not.toContain(value);
    expect(text).not.toContain(value.slice(4, 20));
  });
});
