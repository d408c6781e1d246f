import { testRule } from '../rule-tester.js';

const auth = (secret: string) => `orgs:\n  prod:\n    auth:\n      method: client-credentials\n      clientId: a\n      clientSecret: ${secret}\n`;

testRule('no-literal-secret', {
  valid: [auth('${SF_PROD_CLIENT_SECRET}'), auth('"${S:?set S}"')],
  invalid: [
    { case: auth('s3cr3t-value'), errors: [{ at: '6:21', message: 'is a literal value' }] },
    { case: auth('"${S:-fallback}"'), errors: [{ at: '6:21', message: 'has a default value' }] },
  ],
});
