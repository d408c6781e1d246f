import { testRule } from '../rule-tester.js';

const auth = (secret: string) => `orgs:\n  prod:\n    auth:\n      method: client-credentials\n      clientId: a\n      clientSecret: ${secret}\n`;

testRule('no-literal-secret', {
  valid: [auth('${SF_PROD_CLIENT_SECRET}'), auth('"${S:?set S}"')],
  invalid: [
    { case: auth('s3cr3t-value'), errors: [{ at: '6:21', message: 'is a literal value' }] },
    { case: auth('"${S:-fallback}"'), errors: [{ at: '6:21', message: 'has a default value' }] },
    { case: auth('s3cr3t-value'), errors: [{ at: '6:21', message: 'write clientSecret: ${SF_PROD_CLIENT_SECRET} and set SF_PROD_CLIENT_SECRET' }] },
    {
      case: 'orgs:\n  eu-dev:\n    auth:\n      method: oauth-password\n      clientId: ${SF_EUDEV_CLIENT_ID}\n      clientSecret: s3cr3t-value\n      username: u@acme.com\n      password: ${SF_EUDEV_PASSWORD}\n',
      errors: [{ at: '6:21', message: 'write clientSecret: ${SF_EUDEV_CLIENT_SECRET}' }],
    },
    {
      case: 'orgs:\n  prod:\n    auth: { method: soap-password, username: u@acme.com, password: "${SF_PASSWORD}", securityToken: "${SF_SECURITY_TOKEN}" }\n  uat:\n    auth: { method: soap-password, username: u@acme.com, password: "${SF_PASSWORD}", securityToken: literal-token }\n',
      errors: [{ at: '5:101', message: 'write securityToken: ${SF_UAT_SECURITY_TOKEN}' }],
    },
  ],
});
