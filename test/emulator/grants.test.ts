import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { EmulatorConfigError, parseEmulatorConfig, startEmulator, type RunningEmulator } from '../../src/emulator/index.js';

const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures', 'jwt');
const SERVER_KEY = readFileSync(path.join(FIXTURES, 'server.key'), 'utf8');
const SERVER_CERT = readFileSync(path.join(FIXTURES, 'server.crt'), 'utf8');
const JWT_GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

const CONFIG = `
orgs:
  prod:
    myDomain: prod.my.salesforce.com
    users:
      - username: ci@prod.example
        password: ci-password
      - username: other@prod.example
        password: other-password
      - username: restricted@prod.example
        password: restricted-password
        oauthError: ip_restricted
    apps:
      - name: jwt
        clientId: jwtClientId
        clientSecret: jwt-secret
        flows: [jwt_bearer]
        certificate: ${path.join(FIXTURES, 'server.crt')}
        preAuthorizedUsers: [ci@prod.example, restricted@prod.example]
      - name: jwt-all
        clientId: jwtAllClientId
        clientSecret: jwt-all-secret
        flows: [jwt_bearer]
        certificate: |
${SERVER_CERT.trim().split('\n').map((line) => `          ${line}`).join('\n')}
        preAuthorizedUsers: all
        oauthError: OAUTH_APP_BLOCKED
      - name: no-jwt
        clientId: noJwtClientId
        clientSecret: no-jwt-secret
        flows: [refresh_token]
        requireSecret: false
        refreshTokens:
          - { user: ci@prod.example, token: rt-open-1 }
      - name: refresh
        clientId: refreshClientId
        clientSecret: refresh-secret
        flows: [refresh_token]
        scopes: [api, refresh_token]
        refreshTokens:
          - { user: ci@prod.example, token: rt-good-1 }
          - { user: ci@prod.example, token: rt-revoked-1, revoked: true }
  sandbox:
    myDomain: prod--qa.sandbox.my.salesforce.com
    oauthError: inactive_org
    users:
      - username: ci@prod.example.qa
        password: qa-password
    apps:
      - name: jwt
        clientId: qaJwtClientId
        clientSecret: qa-secret
        flows: [jwt_bearer]
        certificate: ${path.join(FIXTURES, 'server.crt')}
        preAuthorizedUsers: all
`;

let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startEmulator(parseEmulatorConfig(CONFIG, 'grants.yaml'));
});

afterAll(async () => {
  await emulator.close();
});

function urlOf(host: string): string {
  return emulator.domains.find((domain) => domain.host === host)!.url;
}

async function requestToken(host: string, params: Record<string, string>): Promise<{ status: number; body: Record<string, string> }> {
  const response = await fetch(`${urlOf(host)}/services/oauth2/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(params).toString(),
  });
  return { status: response.status, body: (await response.json()) as Record<string, string> };
}

function assertion(claims: Record<string, unknown>, key: KeyObject | string = SERVER_KEY, header: object = { alg: 'RS256' }): string {
  const encode = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  const input = `${encode(header)}.${encode(claims)}`;
  return `${input}.${sign('sha256', Buffer.from(input), key).toString('base64url')}`;
}

function claims(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { iss: 'jwtClientId', sub: 'ci@prod.example', aud: 'https://login.salesforce.com', exp: Math.floor(Date.now() / 1000) + 180, ...overrides };
}

async function jwtLogin(host: string, token: string) {
  return requestToken(host, { grant_type: JWT_GRANT, assertion: token });
}

describe('JWT bearer grant', () => {
  it('issues a token for a valid assertion', async () => {
    const { status, body } = await jwtLogin('login.salesforce.com', assertion(claims()));
    expect(status).toBe(200);
    expect(body.token_type).toBe('Bearer');
    expect(body.scope).toBe('api');
    expect(body.refresh_token).toBeUndefined();
    expect(body.instance_url).toBe(urlOf('prod.my.salesforce.com'));
    expect(emulator.issuedTokens()).toContain(body.access_token);
  });

  it('accepts the My Domain as audience', async () => {
    const { status } = await jwtLogin('prod.my.salesforce.com', assertion(claims({ aud: 'https://prod.my.salesforce.com' })));
    expect(status).toBe(200);
  });

  it('accepts a millisecond exp', async () => {
    const { status } = await jwtLogin('login.salesforce.com', assertion(claims({ exp: Date.now() + 300 })));
    expect(status).toBe(200);
  });

  it('rejects a signature by another key', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const { status, body } = await jwtLogin('login.salesforce.com', assertion(claims(), privateKey));
    expect(status).toBe(400);
    expect(body).toEqual({ error: 'invalid_grant', error_description: 'invalid assertion' });
  });

  it('rejects a malformed assertion', async () => {
    const { body } = await jwtLogin('login.salesforce.com', 'not-a-jwt');
    expect(body).toEqual({ error: 'invalid_grant', error_description: 'invalid assertion' });
  });

  it('rejects an algorithm other than RS256', async () => {
    const { body } = await jwtLogin('login.salesforce.com', assertion(claims(), SERVER_KEY, { alg: 'RS512' }));
    expect(body.error_description).toBe('invalid assertion');
  });

  it('rejects an expired or missing exp', async () => {
    const expired = await jwtLogin('login.salesforce.com', assertion(claims({ exp: Math.floor(Date.now() / 1000) - 10 })));
    expect(expired.body.error_description).toBe('invalid assertion');
    const missing = await jwtLogin('login.salesforce.com', assertion(claims({ exp: undefined })));
    expect(missing.body.error_description).toBe('invalid assertion');
  });

  it('rejects an unknown issuer', async () => {
    const { body } = await jwtLogin('login.salesforce.com', assertion(claims({ iss: 'nobody' })));
    expect(body).toEqual({ error: 'invalid_client_id', error_description: 'client identifier invalid' });
  });

  it('rejects an app without the flow', async () => {
    const { body } = await jwtLogin('login.salesforce.com', assertion(claims({ iss: 'noJwtClientId' })));
    expect(body).toEqual({ error: 'unsupported_grant_type', error_description: 'grant type not supported' });
  });

  it('rejects a user who is not pre-authorized', async () => {
    const { body } = await jwtLogin('login.salesforce.com', assertion(claims({ sub: 'other@prod.example' })));
    expect(body).toEqual({ error: 'invalid_grant', error_description: "user hasn't approved this consumer" });
  });

  it('rejects a subject outside the org', async () => {
    const { body } = await jwtLogin('login.salesforce.com', assertion(claims({ sub: 'ci@prod.example.qa' })));
    expect(body.error_description).toBe("user hasn't approved this consumer");
  });

  it('rejects the sandbox audience for production', async () => {
    const { body } = await jwtLogin('login.salesforce.com', assertion(claims({ aud: 'https://test.salesforce.com' })));
    expect(body.error_description).toBe("user hasn't approved this consumer");
  });

  it('rejects an unknown audience', async () => {
    const { body } = await jwtLogin('login.salesforce.com', assertion(claims({ aud: 'https://example.com' })));
    expect(body).toEqual({ error: 'invalid_grant', error_description: 'audience is invalid' });
  });

  it('applies forced errors after the checks', async () => {
    const user = await jwtLogin('login.salesforce.com', assertion(claims({ sub: 'restricted@prod.example' })));
    expect(user.body).toEqual({ error: 'invalid_grant', error_description: 'ip restricted' });
    const app = await jwtLogin('login.salesforce.com', assertion(claims({ iss: 'jwtAllClientId', sub: 'other@prod.example' })));
    expect(app.body.error).toBe('OAUTH_APP_BLOCKED');
    const org = await jwtLogin(
      'test.salesforce.com',
      assertion(claims({ iss: 'qaJwtClientId', sub: 'ci@prod.example.qa', aud: 'https://test.salesforce.com' })),
    );
    expect(org.body.error).toBe('inactive_org');
  });
});

describe('refresh token grant', () => {
  const refresh = (params: Record<string, string>) => requestToken('prod.my.salesforce.com', { grant_type: 'refresh_token', ...params });

  it('issues an access token without a new refresh token', async () => {
    const { status, body } = await refresh({ refresh_token: 'rt-good-1', client_id: 'refreshClientId', client_secret: 'refresh-secret' });
    expect(status).toBe(200);
    expect(Object.keys(body)).toEqual(['access_token', 'signature', 'scope', 'instance_url', 'id', 'token_type', 'issued_at']);
    expect(body.scope).toBe('api refresh_token');
  });

  it('rejects a revoked or unknown token', async () => {
    for (const token of ['rt-revoked-1', 'rt-unknown', 'rt-open-1']) {
      const { status, body } = await refresh({ refresh_token: token, client_id: 'refreshClientId', client_secret: 'refresh-secret' });
      expect(status).toBe(400);
      expect(body).toEqual({ error: 'invalid_grant', error_description: 'expired access/refresh token' });
    }
  });

  it('checks the client secret when required', async () => {
    const missing = await refresh({ refresh_token: 'rt-good-1', client_id: 'refreshClientId' });
    expect(missing.body).toEqual({ error: 'invalid_client', error_description: 'invalid client credentials' });
    const wrong = await refresh({ refresh_token: 'rt-good-1', client_id: 'refreshClientId', client_secret: 'nope' });
    expect(wrong.body.error).toBe('invalid_client');
  });

  it('accepts no secret when not required', async () => {
    const { status } = await refresh({ refresh_token: 'rt-open-1', client_id: 'noJwtClientId' });
    expect(status).toBe(200);
  });

  it('rejects an unknown client or a disabled flow', async () => {
    const unknown = await refresh({ refresh_token: 'rt-good-1', client_id: 'nobody' });
    expect(unknown.body.error).toBe('invalid_client_id');
    const disabled = await refresh({ refresh_token: 'rt-good-1', client_id: 'jwtClientId', client_secret: 'jwt-secret' });
    expect(disabled.body.error).toBe('unsupported_grant_type');
  });
});

describe('issued and live tokens', () => {
  it('lists tokens until they are revoked', async () => {
    const { body } = await requestToken('prod.my.salesforce.com', {
      grant_type: 'refresh_token',
      refresh_token: 'rt-good-1',
      client_id: 'refreshClientId',
      client_secret: 'refresh-secret',
    });
    expect(emulator.liveTokens()).toContain(body.access_token);
    const revoke = await fetch(`${urlOf('login.salesforce.com')}/services/oauth2/revoke`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: body.access_token! }).toString(),
    });
    expect(revoke.status).toBe(200);
    expect(emulator.liveTokens()).not.toContain(body.access_token);
    expect(emulator.issuedTokens()).toContain(body.access_token);
  });
});

describe('emulator file: new app keys', () => {
  function configError(text: string): EmulatorConfigError {
    try {
      parseEmulatorConfig(text, path.join(FIXTURES, 'bad.yaml'));
    } catch (error) {
      expect(error).toBeInstanceOf(EmulatorConfigError);
      return error as EmulatorConfigError;
    }
    throw new Error('the file was accepted');
  }
  const app = (lines: string) => `
orgs:
  solo:
    myDomain: solo.my.salesforce.com
    users:
      - { username: a@solo.example, password: pw }
    apps:
      - name: app
        clientId: id
        clientSecret: secret
${lines}`;

  it('reads a certificate path relative to the file', () => {
    const config = parseEmulatorConfig(app('        flows: [jwt_bearer]\n        certificate: server.crt\n'), path.join(FIXTURES, 'emulator.yaml'));
    expect(config.orgs[0]!.apps[0]!.certificate?.asymmetricKeyType).toBe('rsa');
  });

  it('requires a certificate for jwt_bearer', () => {
    expect(configError(app('        flows: [jwt_bearer]\n')).message).toContain('allows jwt_bearer but has no "certificate"');
  });

  it('reports an unreadable certificate', () => {
    const error = configError(app('        flows: [jwt_bearer]\n        certificate: missing.crt\n'));
    expect(error.message).toContain('missing.crt: no such file');
  });

  it('reports a file that is not a certificate', () => {
    const error = configError(app('        flows: [jwt_bearer]\n        certificate: server.key\n'));
    expect(error.message).toContain('is not a PEM X.509 certificate');
  });

  it('reports refresh tokens of unknown users', () => {
    const error = configError(app('        flows: [refresh_token]\n        refreshTokens: [{ user: b@solo.example, token: t1 }]\n'));
    expect(error.message).toContain('user "b@solo.example" is not a user of org "solo"');
  });

  it('reports a duplicate refresh token without its value', () => {
    const error = configError(app('        flows: [refresh_token]\n        refreshTokens: [{ user: a@solo.example, token: dup-token-value }, { user: a@solo.example, token: dup-token-value }]\n'));
    expect(error.message).toContain('is already used at line');
    expect(error.message).not.toContain('dup-token-value');
  });

  it('reports an unknown pre-authorized user', () => {
    const error = configError(app('        flows: [jwt_bearer]\n        certificate: server.crt\n        preAuthorizedUsers: [c@solo.example]\n'));
    expect(error.message).toContain('preAuthorizedUsers has "c@solo.example"');
  });

  it('suggests a known OAuth error', () => {
    const error = configError(app('        flows: [password]\n        oauthError: inactive_usr\n'));
    expect(error.message).toContain('did you mean "inactive_user"?');
  });
});
