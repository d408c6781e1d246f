/**
 * Every auth method through the built CLI against the emulator: a successful login, and the
 * failures characteristic of each method.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  EXPIRED_CERT_FILE,
  ORGS,
  OTHER_CERT_FILE,
  SECRETS,
  SERVER_CERT_FILE,
  SERVER_KEY_FILE,
  SFDX_CLIENT_ID,
  VARIABLES,
  World,
} from './emulator-world.js';

let world: World;

beforeAll(async () => {
  world = await World.start();
});

afterAll(async () => {
  await world?.close();
});

describe('soap-password', () => {
  it('logs in with password and token', async () => {
    const { result } = await world.verifyOne(ORGS.soap());
    expect(result.status).toBe('ok');
    expect(result.username).toBe('ci@acme.com');
    expect(result.sandbox).toBe(false);
  });

  it('reports a wrong password', async () => {
    const { result } = await world.verifyOne(ORGS.soap(), { variables: { ...VARIABLES, SF_PASSWORD: SECRETS.wrongPassword } });
    expect(result.error?.code).toBe('INVALID_LOGIN');
  });

  it('reports a missing security token', async () => {
    const { result } = await world.verifyOne(ORGS.soap().replace('      securityToken: ${SF_TOKEN}\n', ''));
    expect(result.error?.code).toBe('LOGIN_MUST_USE_SECURITY_TOKEN');
  });

  it('reports login() at API 65.0', async () => {
    const { result } = await world.verifyOne(ORGS.soap('ci@acme.com', '65.0'));
    expect(result.error?.code).toBe('INVALID_OPERATION');
    expect(result.error?.message).toContain('not available in the API version specified (65.0)');
  });

  it('logs in to a sandbox on test.salesforce.com', async () => {
    const org = `
    sandbox: true
    apiVersion: "64.0"
    auth:
      method: soap-password
      username: ci@acme.com.qa
      password: \${SF_QA_PASSWORD}
      securityToken: \${SF_QA_TOKEN}
`;
    const { result } = await world.verifyOne(org);
    expect(result.status).toBe('ok');
    expect(result.sandbox).toBe(true);
  });
});

describe('oauth-password', () => {
  it('logs in through the token endpoint', async () => {
    const { result } = await world.verifyOne(ORGS.oauthPassword());
    expect(result.status).toBe('ok');
    expect(result.username).toBe('ci@acme.com');
  });

  it('reports a wrong password as invalid_grant', async () => {
    const { result } = await world.verifyOne(ORGS.oauthPassword(), { variables: { ...VARIABLES, SF_PASSWORD: SECRETS.wrongPassword } });
    expect(result.error?.code).toBe('invalid_grant');
    expect(result.error?.message).toBe('authentication failure');
  });

  it('reports a wrong client secret', async () => {
    const { result } = await world.verifyOne(ORGS.oauthPassword(), { variables: { ...VARIABLES, SF_CLIENT_SECRET: SECRETS.wrongSecret } });
    expect(result.error?.code).toBe('invalid_client');
  });
});

describe('client-credentials', () => {
  it('logs in as the run-as user', async () => {
    const { result } = await world.verifyOne(ORGS.clientCredentials());
    expect(result.status).toBe('ok');
    expect(result.username).toBe('ci@acme.com');
  });

  it('reports the generic login host', async () => {
    const { result } = await world.verifyOne(ORGS.clientCredentials('${SF_CLIENT_ID}', 'https://login.salesforce.com'));
    expect(result.error?.code).toBe('invalid_grant');
    expect(result.error?.message).toBe('request not supported on this domain');
  });

  it('reports an unknown client id', async () => {
    const { result } = await world.verifyOne(ORGS.clientCredentials('3MVG9unknownClientId'));
    expect(result.error?.code).toBe('invalid_client_id');
  });
});

describe('jwt', () => {
  it('logs in with privateKey from a variable', async () => {
    const { result } = await world.verifyOne(ORGS.jwt());
    expect(result.status).toBe('ok');
    expect(result.username).toBe('jwt@acme.com');
  });

  it('logs in with privateKey on one line', async () => {
    const oneLine = VARIABLES.SF_JWT_KEY!.trim().replace(/\n/g, '\\n');
    const { result } = await world.verifyOne(ORGS.jwt(), { variables: { ...VARIABLES, SF_JWT_KEY: oneLine } });
    expect(result.status).toBe('ok');
  });

  it('logs in with privateKeyFile and certificateFile', async () => {
    const keyLines = `      privateKeyFile: ${SERVER_KEY_FILE}\n      certificateFile: ${SERVER_CERT_FILE}`;
    const { result } = await world.verifyOne(ORGS.jwt('jwt@acme.com', keyLines));
    expect(result.status).toBe('ok');
  });

  it('logs in to a sandbox with the test audience', async () => {
    const org = `
    sandbox: true
    apiVersion: "66.0"
    auth:
      method: jwt
      clientId: 3MVG9w0rldQaClientId
      username: ci@acme.com.qa
      privateKey: \${SF_JWT_KEY}
`;
    const { result } = await world.verifyOne(org);
    expect(result.status).toBe('ok');
    expect(result.sandbox).toBe(true);
  });

  it('reports a user who is not pre-authorized', async () => {
    const { result } = await world.verifyOne(ORGS.jwt('unapproved@acme.com'));
    expect(result.error?.code).toBe('invalid_grant');
    expect(result.error?.message).toBe("user hasn't approved this consumer");
  });

  it('reports the sandbox audience on production', async () => {
    const { result } = await world.verifyOne(ORGS.jwt('jwt@acme.com', '      privateKey: ${SF_JWT_KEY}', '      audience: https://test.salesforce.com\n'));
    expect(result.error?.message).toBe("user hasn't approved this consumer");
  });

  it('reports an audience that is no login host', async () => {
    const { result } = await world.verifyOne(ORGS.jwt('jwt@acme.com', '      privateKey: ${SF_JWT_KEY}', '      audience: https://example.com\n'));
    expect(result.error?.message).toBe('audience is invalid');
  });

  it('reports a key the app does not trust', async () => {
    const { generateKeyPairSync } = await import('node:crypto');
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const otherKey = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const { result } = await world.verifyOne(ORGS.jwt(), { variables: { ...VARIABLES, SF_JWT_KEY: otherKey } });
    expect(result.error?.code).toBe('invalid_grant');
    expect(result.error?.message).toBe('invalid assertion');
    world.expectNoLeaks({ 'the untrusted private key': otherKey.split('\n')[1]! });
  });

  it('reports an unknown client id', async () => {
    const { result } = await world.verifyOne(ORGS.jwt('jwt@acme.com', '      privateKey: ${SF_JWT_KEY}', '', '3MVG9unknownClientId'));
    expect(result.error?.code).toBe('invalid_client_id');
  });

  it('reports an app without the JWT flow', async () => {
    const { result } = await world.verifyOne(ORGS.jwt('ci@acme.com', '      privateKey: ${SF_JWT_KEY}', '', '3MVG9w0rldCcOnlyClientId'));
    expect(result.error?.code).toBe('unsupported_grant_type');
  });

  it('reports a certificate of another key', async () => {
    const keyLines = `      privateKeyFile: ${SERVER_KEY_FILE}\n      certificateFile: ${OTHER_CERT_FILE}`;
    const { result } = await world.verifyOne(ORGS.jwt('jwt@acme.com', keyLines));
    expect(result.error?.code).toBe('CERTIFICATE_KEY_MISMATCH');
  });

  it('reports an expired certificate', async () => {
    const keyLines = `      privateKeyFile: ${SERVER_KEY_FILE}\n      certificateFile: ${EXPIRED_CERT_FILE}`;
    const { result } = await world.verifyOne(ORGS.jwt('jwt@acme.com', keyLines));
    expect(result.error?.code).toBe('CERTIFICATE_EXPIRED');
    expect(result.error?.message).toContain('expired on 2001-01-01');
  });

  it('reports a certificate given as the key', async () => {
    const { result } = await world.verifyOne(ORGS.jwt(), { variables: { ...VARIABLES, SF_JWT_KEY: (await import('node:fs')).readFileSync(SERVER_CERT_FILE, 'utf8') } });
    expect(result.error?.code).toBe('INVALID_PRIVATE_KEY');
    expect(result.error?.message).toContain('it is a certificate or public key');
  });
});

describe('refresh-token', () => {
  it('exchanges the refresh token', async () => {
    const { result } = await world.verifyOne(ORGS.refreshToken());
    expect(result.status).toBe('ok');
    expect(result.username).toBe('ci@acme.com');
  });

  it('reports a revoked refresh token', async () => {
    const { result } = await world.verifyOne(ORGS.refreshToken(), { variables: { ...VARIABLES, SF_REFRESH_TOKEN: SECRETS.revokedRefreshToken } });
    expect(result.error?.code).toBe('invalid_grant');
    expect(result.error?.message).toBe('expired access/refresh token');
  });

  it('reports a wrong client secret', async () => {
    const { result } = await world.verifyOne(ORGS.refreshToken(), { variables: { ...VARIABLES, SF_CLIENT_SECRET: SECRETS.wrongSecret } });
    expect(result.error?.code).toBe('invalid_client');
  });
});

describe('sfdx-auth-url', () => {
  const authUrl = (instance: string, secret = '', token = SECRETS.sfdxRefreshToken) => `force://${SFDX_CLIENT_ID}:${secret}:${token}@${instance}`;

  it('logs in through a loopback instance URL', async () => {
    const instance = world.url('acme.my.salesforce.com');
    const { result } = await world.verifyOne(ORGS.sfdxAuthUrl(), { variables: { ...VARIABLES, SF_AUTH_URL: authUrl(instance) } });
    expect(result.status).toBe('ok');
    expect(result.username).toBe('ci@acme.com');
  });

  it('logs in through a mapped My Domain', async () => {
    const { result } = await world.verifyOne(ORGS.sfdxAuthUrl(), {
      variables: { ...VARIABLES, SF_AUTH_URL: authUrl('acme.my.salesforce.com', SECRETS.sfdxClientSecret) },
    });
    expect(result.status).toBe('ok');
  });

  it('reports an unknown refresh token', async () => {
    const { result } = await world.verifyOne(ORGS.sfdxAuthUrl(), {
      variables: { ...VARIABLES, SF_AUTH_URL: authUrl('acme.my.salesforce.com', '', SECRETS.revokedRefreshToken) },
    });
    expect(result.error?.code).toBe('invalid_grant');
    expect(result.error?.message).toBe('expired access/refresh token');
  });

  it('reports a wrong client secret', async () => {
    const { result } = await world.verifyOne(ORGS.sfdxAuthUrl(), {
      variables: { ...VARIABLES, SF_AUTH_URL: authUrl('acme.my.salesforce.com', SECRETS.wrongSecret) },
    });
    expect(result.error?.code).toBe('invalid_client');
  });

  it('reports a malformed auth URL', async () => {
    const { result } = await world.verifyOne(ORGS.sfdxAuthUrl(), { variables: { ...VARIABLES, SF_AUTH_URL: `force://${SECRETS.sfdxRefreshToken}` } });
    expect(result.status).toBe('skipped');
    expect(result.error?.code).toBe('INVALID_AUTH_URL');
  });
});

describe('sessions and secrets', () => {
  it('leaves no live session behind', () => {
    expect(world.emulator.issuedTokens().length).toBeGreaterThan(10);
    expect(world.emulator.liveTokens()).toEqual([]);
  });

  it('prints no secret and no issued token', () => {
    world.expectNoLeaks({ 'wrong secret': SECRETS.wrongSecret });
  });
});
