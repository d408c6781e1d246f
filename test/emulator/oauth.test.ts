import { createHmac } from 'node:crypto';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { connect, LOGIN_HOST, MAIN_PASSWORD, MAIN_TOKEN, PROD_HOST, startTestEmulator, TEST_HOST, UAT_HOST, type TestEmulator } from './helpers.js';

const ORG_ID = '00D5g000004AbCdEAK';
const PROD_CLIENT = { clientId: 'prodClientId', clientSecret: 'prod-client-secret' };

let test: TestEmulator;
let prodUrl: string;

beforeAll(async () => {
  test = await startTestEmulator();
  prodUrl = test.url(PROD_HOST);
});

afterAll(async () => {
  await test.emulator.close();
});

/** POSTs form parameters to the token endpoint of `host` and returns status, headers and text. */
async function requestToken(host: string, params: Record<string, string>, headers: Record<string, string> = {}) {
  const response = await fetch(`${test.url(host)}/services/oauth2/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(params).toString(),
  });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

function clientCredentials(client = PROD_CLIENT): Record<string, string> {
  return { grant_type: 'client_credentials', client_id: client.clientId, client_secret: client.clientSecret };
}

/** Returns the error that `promise` rejects with. */
async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('the promise resolved');
}

describe('client credentials grant', () => {
  it('authorizes jsforce on My Domain', async () => {
    const conn = connect({ oauth2: { ...PROD_CLIENT, loginUrl: prodUrl } });
    const userInfo = await conn.authorize({ grant_type: 'client_credentials' });
    expect(userInfo.organizationId).toBe(ORG_ID);
    expect(conn.instanceUrl).toBe(prodUrl);
    const result = await conn.query<{ Id: string }>('SELECT Id FROM Organization');
    expect(result.records[0]!.Id).toBe(ORG_ID);
  });

  it('returns the success JSON of Salesforce', async () => {
    const before = Date.now();
    const response = await requestToken(PROD_HOST, clientCredentials());
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json;charset=UTF-8');
    expect(response.headers.get('cache-control')).toBe('no-store');

    const body = JSON.parse(response.text) as Record<string, string>;
    expect(Object.keys(body)).toEqual(['access_token', 'signature', 'scope', 'instance_url', 'id', 'token_type', 'issued_at']);
    expect(body.access_token).toMatch(/^00D5g000004AbCd![A-Za-z0-9._]{96}$/);
    expect(body.scope).toBe('api');
    expect(body.instance_url).toBe(prodUrl);
    expect(body.id).toMatch(new RegExp(`^${prodUrl}/id/${ORG_ID}/005\\w{15}$`));
    expect(body.token_type).toBe('Bearer');
    expect(body.issued_at).toMatch(/^\d{13}$/);
    expect(Number(body.issued_at)).toBeGreaterThanOrEqual(before);
  });

  it('signs id and issued_at with the client secret', async () => {
    const body = JSON.parse((await requestToken(PROD_HOST, clientCredentials())).text) as Record<string, string>;
    const expected = createHmac('sha256', PROD_CLIENT.clientSecret).update(body.id! + body.issued_at!).digest('base64');
    expect(body.signature).toBe(expected);
  });

  it('accepts client credentials by HTTP Basic', async () => {
    const basic = Buffer.from(`${PROD_CLIENT.clientId}:${PROD_CLIENT.clientSecret}`).toString('base64');
    const response = await requestToken(PROD_HOST, { grant_type: 'client_credentials' }, { Authorization: `Basic ${basic}` });
    expect(response.status).toBe(200);
  });

  it('serves a sandbox on its My Domain', async () => {
    const conn = connect({ oauth2: { clientId: 'uatClientId', clientSecret: 'uat-client-secret', loginUrl: test.url(UAT_HOST) } });
    const userInfo = await conn.authorize({ grant_type: 'client_credentials' });
    expect(userInfo.url.startsWith(`${test.url(UAT_HOST)}/id/`)).toBe(true);
    expect(conn.instanceUrl).toBe(test.url(UAT_HOST));
  });

  it.each([LOGIN_HOST, TEST_HOST])('is not supported on %s', async (host) => {
    const response = await requestToken(host, clientCredentials());
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/json;charset=UTF-8');
    expect(response.text).toBe('{"error":"invalid_grant","error_description":"request not supported on this domain"}');
  });

  it('rejects an unknown client id', async () => {
    const response = await requestToken(PROD_HOST, clientCredentials({ ...PROD_CLIENT, clientId: 'unknown' }));
    expect(response.status).toBe(400);
    expect(response.text).toBe('{"error":"invalid_client_id","error_description":"client identifier invalid"}');
  });

  it('rejects a client id of another org', async () => {
    const response = await requestToken(UAT_HOST, clientCredentials());
    expect(response.text).toBe('{"error":"invalid_client_id","error_description":"client identifier invalid"}');
  });

  it('rejects a wrong client secret', async () => {
    const response = await requestToken(PROD_HOST, clientCredentials({ ...PROD_CLIENT, clientSecret: 'wrong' }));
    expect(response.status).toBe(400);
    expect(response.text).toBe('{"error":"invalid_client","error_description":"invalid client credentials"}');
  });

  it('names the OAuth error in jsforce', async () => {
    const conn = connect({ oauth2: { ...PROD_CLIENT, clientSecret: 'wrong', loginUrl: prodUrl } });
    const error = await rejection(conn.authorize({ grant_type: 'client_credentials' }));
    expect(error.name).toBe('invalid_client');
    expect(error.message).toBe('invalid client credentials');
  });

  it('rejects an app without the flow', async () => {
    const response = await requestToken(PROD_HOST, clientCredentials({ clientId: 'passwordOnlyClientId', clientSecret: 'password-only-secret' }));
    expect(response.text).toBe('{"error":"unsupported_grant_type","error_description":"grant type not supported"}');
  });

  it('rejects an app without a run-as user', async () => {
    const response = await requestToken(PROD_HOST, clientCredentials({ clientId: 'noRunAsClientId', clientSecret: 'no-run-as-secret' }));
    expect(response.status).toBe(400);
    expect(response.text).toBe('{"error":"invalid_grant","error_description":"no client credentials user enabled"}');
  });

  it('issues tokens that REST refuses without API access', async () => {
    const blocked = JSON.parse((await requestToken(PROD_HOST, clientCredentials({ clientId: 'blockedUserClientId', clientSecret: 'blocked-user-secret' }))).text);
    const userResponse = await fetch(`${prodUrl}/services/data/v64.0/limits`, { headers: { Authorization: `Bearer ${blocked.access_token}` } });
    expect(userResponse.status).toBe(403);
    expect(await userResponse.text()).toBe('[{"message":"API is disabled for this User","errorCode":"API_CURRENTLY_DISABLED"}]');

    const noApiUrl = test.url('noapi.my.salesforce.com');
    const org = JSON.parse(
      (await requestToken('noapi.my.salesforce.com', clientCredentials({ clientId: 'noApiOrgClientId', clientSecret: 'noapi-org-secret' }))).text,
    );
    const orgResponse = await fetch(`${noApiUrl}/services/data/v64.0/limits`, { headers: { Authorization: `Bearer ${org.access_token}` } });
    expect(orgResponse.status).toBe(403);
    expect(await orgResponse.text()).toBe('[{"message":"The REST API is not enabled for this Organization.","errorCode":"API_DISABLED_FOR_ORG"}]');
  });
});

describe('password grant', () => {
  it('logs jsforce in on the generic host', async () => {
    const conn = connect({ oauth2: { ...PROD_CLIENT, loginUrl: test.url(LOGIN_HOST) } });
    const userInfo = await conn.login('main@prod.example', MAIN_PASSWORD + MAIN_TOKEN);
    expect(userInfo.organizationId).toBe(ORG_ID);
    expect(userInfo.url.startsWith(`${test.url(LOGIN_HOST)}/id/${ORG_ID}/`)).toBe(true);
    expect(conn.instanceUrl).toBe(prodUrl);
    const identity = await conn.identity();
    expect(identity.username).toBe('main@prod.example');
  });

  it('omits scope from the response', async () => {
    const response = await requestToken(LOGIN_HOST, {
      grant_type: 'password',
      username: 'main@prod.example',
      password: MAIN_PASSWORD + MAIN_TOKEN,
      client_id: PROD_CLIENT.clientId,
      client_secret: PROD_CLIENT.clientSecret,
    });
    expect(response.status).toBe(200);
    expect(Object.keys(JSON.parse(response.text))).toEqual(['access_token', 'signature', 'instance_url', 'id', 'token_type', 'issued_at']);
  });

  it.each([
    ['a wrong password', 'main@prod.example', 'wrong'],
    ['a missing token', 'main@prod.example', MAIN_PASSWORD],
    ['an unknown user', 'nobody@prod.example', 'x'],
    ['a sandbox user', 'main@prod.example.uat', 'uat-passwordUatToken'],
    ['an expired password', 'expired@prod.example', 'expired-passwordExpiredToken'],
    ['a forced fault', 'locked@prod.example', 'locked-password'],
  ])('rejects %s with authentication failure', async (_case, username, password) => {
    const response = await requestToken(LOGIN_HOST, { grant_type: 'password', username, password, ...clientParams() });
    expect(response.status).toBe(400);
    expect(response.text).toBe('{"error":"invalid_grant","error_description":"authentication failure"}');
  });

  it('rejects an app without the flow', async () => {
    const response = await requestToken(PROD_HOST, {
      grant_type: 'password',
      username: 'main@prod.example',
      password: MAIN_PASSWORD + MAIN_TOKEN,
      client_id: 'noRunAsClientId',
      client_secret: 'no-run-as-secret',
    });
    expect(response.text).toBe('{"error":"unsupported_grant_type","error_description":"grant type not supported"}');
  });

  it('surfaces invalid_grant through jsforce', async () => {
    const conn = connect({ oauth2: { ...PROD_CLIENT, loginUrl: prodUrl } });
    const error = await rejection(conn.login('main@prod.example', 'wrong'));
    expect(error.name).toBe('invalid_grant');
    expect(error.message).toBe('authentication failure');
  });
});

describe('token endpoint requests', () => {
  it('rejects an unknown grant type', async () => {
    const response = await requestToken(PROD_HOST, { grant_type: 'urn:example:unknown', ...clientParams() });
    expect(response.status).toBe(400);
    expect(response.text).toBe('{"error":"unsupported_grant_type","error_description":"grant type not supported"}');
  });

  it('rejects a missing grant type', async () => {
    const response = await requestToken(PROD_HOST, clientParams());
    expect(response.text).toBe('{"error":"unsupported_grant_type","error_description":"grant type not supported"}');
  });

  it('rejects GET', async () => {
    const response = await fetch(`${prodUrl}/services/oauth2/token?grant_type=client_credentials`);
    expect(response.status).toBe(400);
    expect(await response.text()).toBe('{"error":"invalid_request","error_description":"must use HTTP POST"}');
  });
});

describe('token revocation', () => {
  it('stops a revoked token from working', async () => {
    const { access_token: token } = JSON.parse((await requestToken(PROD_HOST, clientCredentials())).text);
    const before = await fetch(`${prodUrl}/services/data/v64.0/`, { headers: { Authorization: `Bearer ${token}` } });
    expect(before.status).toBe(200);

    const revoke = await fetch(`${prodUrl}/services/oauth2/revoke`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token }).toString(),
    });
    expect(revoke.status).toBe(200);

    const after = await fetch(`${prodUrl}/services/data/v64.0/`, { headers: { Authorization: `Bearer ${token}` } });
    expect(after.status).toBe(401);
    expect(await after.text()).toBe('[{"message":"Session expired or invalid","errorCode":"INVALID_SESSION_ID"}]');
  });

  it('revokes through a jsforce logout', async () => {
    const conn = connect({ oauth2: { ...PROD_CLIENT, loginUrl: prodUrl } });
    await conn.authorize({ grant_type: 'client_credentials' });
    const token = conn.accessToken!;
    await conn.logout();

    const stale = connect({ instanceUrl: prodUrl, accessToken: token });
    const error = await rejection(stale.limits());
    expect(error.name).toBe('INVALID_SESSION_ID');
    expect(error.message).toBe('Session expired or invalid');
  });

  it('rejects an unknown token', async () => {
    const response = await fetch(`${prodUrl}/services/oauth2/revoke`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'token=unknown',
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toBe('error=invalid_token&error_description=invalid%20token');
  });

  it('rejects a request without a token', async () => {
    const response = await fetch(`${prodUrl}/services/oauth2/revoke`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'token%5Baccess_token%5D=x',
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toBe('error=unsupported_token_type&error_description=this%20token%20type%20is%20not%20supported');
  });
});

function clientParams(): Record<string, string> {
  return { client_id: PROD_CLIENT.clientId, client_secret: PROD_CLIENT.clientSecret };
}
