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
    // Comments: references, placeholders, prose and one-class words are no secrets.
    '# password: ${SF_PROD_PASSWORD}\n# clientSecret: <your-secret>\n# token: changeme\n# password: xxxxxxxx\nversion: 1\n',
    '# the password: see the vault entry\n# secret: rotated\nversion: 1\n',
    'orgs:\n  prod:\n    description: "password: S3cretPass123 # not a comment"\n',
    // .env.example: empty values, placeholders, references and names that hold no secret.
    { code: 'version: 1\n', envExample: 'SF_PROD_PASSWORD=\nSF_PROD_CLIENT_SECRET=""\nSF_UAT_TOKEN=<your-token>\nSF_KEY=changeme # set me\nSF_A_SECRET=${VAULT_SECRET}\nSF_PROD_CLIENT_ID=3MVG9FakeConsumerKey\nSF_TOKEN_URL=https://x\n' },
  ],
  invalid: [
    { name: 'session id in a comment', case: `# debug: ${SESSION}\nversion: 1\n`, errors: [{ at: '1:10', message: 'a Salesforce session id or access token' }] },
    { name: 'auth URL in a description', case: `orgs:\n  prod:\n    description: ${AUTH_URL}\n`, errors: [{ at: '3:18', message: 'Salesforce CLI auth URL' }] },
    { name: 'PEM key in a block scalar', case: 'orgs:\n  prod:\n    description: |\n      -----BEGIN RSA PRIVATE KEY-----\n      MIIE\n', errors: [{ at: '4:7', message: 'a PEM private key' }] },
    {
      name: 'password in a commented-out line',
      case: 'orgs:\n  prod:\n    auth:\n      method: jwt\n      # password: S3cretPass123\n',
      errors: [{ at: '5:19', message: 'this comment contains a value for "password" that looks like a credential' }],
    },
    { name: 'secret after a value', case: 'version: 1 # clientSecret=Abc123def456\n', errors: [{ at: '1:27', message: '"clientSecret"' }] },
    {
      name: '.env.example value under a secret name',
      case: { code: 'version: 1\n', envExample: '# copied from .env\nSF_PROD_CLIENT_ID=3MVG9Fake\nexport SF_PROD_CLIENT_SECRET="RealSecretValue1234567890ABCDEF"\nSF_PROD_PASSWORD=hunter2\n' },
      errors: [
        { at: 'p/.env.example:3:30', message: 'SF_PROD_CLIENT_SECRET has a value, and its name marks it as a credential; leave it empty (SF_PROD_CLIENT_SECRET=)' },
        { at: 'p/.env.example:4:18', message: 'SF_PROD_PASSWORD has a value' },
      ],
    },
    {
      name: 'session id and auth URL in .env.example',
      case: { code: 'version: 1\n', envExample: `SF_SESSION=${SESSION}\nSF_AUTH_URL=${AUTH_URL}\n` },
      errors: [
        { at: 'p/.env.example:1:12', message: 'a Salesforce session id or access token' },
        { at: 'p/.env.example:2:13', message: 'Salesforce CLI auth URL' },
      ],
    },
    { name: 'password with token under an unknown key', case: `orgs:\n  prod:\n    auth:\n      method: soap-password\n      pwd: ${PASSWORD_WITH_TOKEN}\n`, errors: [{ at: '5:12', message: 'looks like a password with the security token appended' }] },
  ],
});

describe('no-secret-shaped-string messages', () => {
  it.each([SESSION, AUTH_URL, PASSWORD_WITH_TOKEN])('never repeat the value %#', (value) => {
    const text = JSON.stringify(lintCase(`# ${value}\norgs:\n  prod:\n    description: "${value}"\n    auth:\n      pwd: ${value}\n`));
    expect(text).not.toContain(value);
    expect(text).not.toContain(value.slice(4, 20));
  });

  it('never repeat a value from a comment or .env.example', () => {
    const value = 'RealSecretValue1234567890ABCDEF';
    const found = lintCase({ code: `# secret: ${value}\nversion: 1\n`, envExample: `SF_PROD_CLIENT_SECRET="${value}"\n` }).filter((d) => d.ruleId === 'no-secret-shaped-string');
    expect(found).toHaveLength(2);
    expect(JSON.stringify(found)).not.toContain(value.slice(0, 12));
  });
});
