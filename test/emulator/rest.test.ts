import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { NEWEST_KNOWN_API_VERSION } from '../../src/salesforce/api-versions.js';
import { connect, LOGIN_HOST, MAIN_PASSWORD, MAIN_TOKEN, PROD_HOST, startTestEmulator, TEST_HOST, UAT_HOST, type TestEmulator } from './helpers.js';

const ORG_ID = '00D5g000004AbCdEAK';
const NOT_FOUND = '[{"errorCode":"NOT_FOUND","message":"The requested resource does not exist"}]';
const INVALID_SESSION = '[{"message":"Session expired or invalid","errorCode":"INVALID_SESSION_ID"}]';

let test: TestEmulator;
let prodUrl: string;
/** A jsforce connection logged in by SOAP through the generic production host. */
let conn: ReturnType<typeof connect>;
let token: string;

beforeAll(async () => {
  test = await startTestEmulator();
  prodUrl = test.url(PROD_HOST);
  conn = connect({ loginUrl: test.url(LOGIN_HOST) });
  await conn.login('main@prod.example', MAIN_PASSWORD + MAIN_TOKEN);
  token = conn.accessToken!;
});

afterAll(async () => {
  await test.emulator.close();
});

/** GETs `url` with `bearer` as the Bearer token, or with no token when it is null. */
async function get(url: string, bearer: string | null = token) {
  const response = await fetch(url, { headers: bearer ? { Authorization: `Bearer ${bearer}` } : {} });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

/** Returns the error that `promise` rejects with. */
async function rejection(promise: PromiseLike<unknown>): Promise<Error & { errorCode?: string }> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('the promise resolved');
}

describe('REST version list', () => {
  it('lists every served version on generic hosts', async () => {
    const response = await get(`${test.url(LOGIN_HOST)}/services/data/`, null);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json;charset=UTF-8');
    const versions = JSON.parse(response.text) as { label: string; url: string; version: string }[];
    expect(Object.keys(versions[0]!)).toEqual(['label', 'url', 'version']);
    expect(versions[0]).toEqual({ label: "Summer '14", url: '/services/data/v31.0', version: '31.0' });
    expect(versions.at(-1)!.version).toBe(NEWEST_KNOWN_API_VERSION);
    expect(versions).toContainEqual({ label: "Summer '25", url: '/services/data/v64.0', version: '64.0' });
  });

  it('stops at the org release on My Domain', async () => {
    const versions = JSON.parse((await get(`${test.url('old.my.salesforce.com')}/services/data`, null)).text);
    expect(versions.at(-1)).toEqual({ label: "Spring '24", url: '/services/data/v60.0', version: '60.0' });
    expect(versions[0].version).toBe('31.0');
  });

  it('sends the versions in compact JSON', async () => {
    const { text } = await get(`${test.url(TEST_HOST)}/services/data/`, null);
    expect(text.startsWith(`[{"label":"Summer '14","url":"/services/data/v31.0","version":"31.0"},{"label":"Winter '15"`)).toBe(true);
  });
});

describe('REST resources by version', () => {
  it('lists the resources of a version', async () => {
    const response = await get(`${prodUrl}/services/data/v64.0/`);
    expect(response.status).toBe(200);
    const resources = JSON.parse(response.text) as Record<string, string>;
    expect(resources.sobjects).toBe('/services/data/v64.0/sobjects');
    expect(resources.limits).toBe('/services/data/v64.0/limits');
    expect(resources.query).toBe('/services/data/v64.0/query');
    expect(resources.identity).toBe(conn.userInfo!.url);
  });

  it.each([
    ['an unknown version', PROD_HOST, 'v99.0'],
    ['a version after the org release', 'old.my.salesforce.com', 'v61.0'],
    ['a version without ".0"', PROD_HOST, 'v38'],
    ['a version without "v"', PROD_HOST, '64.0'],
  ])('answers %s with 404', async (_case, host, version) => {
    const bearer = host === PROD_HOST ? token : await oldOrgToken();
    const response = await get(`${test.url(host)}/services/data/${version}/`, bearer);
    expect(response.status).toBe(404);
    expect(response.text).toBe(NOT_FOUND);
  });

  it('answers a retired version with 410', async () => {
    const response = await get(`${prodUrl}/services/data/v30.0/`);
    expect(response.status).toBe(410);
    expect(JSON.parse(response.text)[0].errorCode).toBe('GONE');
  });

  it('answers an unknown resource with 404', async () => {
    const response = await get(`${prodUrl}/services/data/v64.0/sobjects`);
    expect(response.status).toBe(404);
    expect(response.text).toBe(NOT_FOUND);
  });

  it('rejects POST with 405', async () => {
    const response = await fetch(`${prodUrl}/services/data/v64.0/limits`, { method: 'POST', headers: { Authorization: `Bearer ${token}` } });
    expect(response.status).toBe(405);
    expect(JSON.parse(await response.text())[0].errorCode).toBe('METHOD_NOT_ALLOWED');
  });
});

describe('REST authentication', () => {
  it('rejects a request without a token', async () => {
    const response = await get(`${prodUrl}/services/data/v64.0/limits`, null);
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toBe('application/json;charset=UTF-8');
    expect(response.text).toBe(INVALID_SESSION);
  });

  it('rejects an unknown token', async () => {
    const response = await get(`${prodUrl}/services/data/v64.0/limits`, '00D5g000004AbCd!unknown');
    expect(response.status).toBe(401);
    expect(response.text).toBe(INVALID_SESSION);
  });

  it('rejects a token of another org', async () => {
    const response = await get(`${test.url(UAT_HOST)}/services/data/v64.0/limits`);
    expect(response.status).toBe(401);
    expect(response.text).toBe(INVALID_SESSION);
  });

  it('accepts the OAuth header scheme', async () => {
    const response = await fetch(`${prodUrl}/services/data/v64.0/limits`, { headers: { Authorization: `OAuth ${token}` } });
    expect(response.status).toBe(200);
  });
});

describe('REST query', () => {
  it('returns the Organization record through jsforce', async () => {
    const result = await conn.query<Record<string, unknown>>(
      'SELECT Id, Name, IsSandbox, InstanceName, OrganizationType FROM Organization',
    );
    expect(result.totalSize).toBe(1);
    expect(result.done).toBe(true);
    const record = result.records[0]!;
    expect(Object.keys(record)).toEqual(['attributes', 'Id', 'Name', 'IsSandbox', 'InstanceName', 'OrganizationType']);
    expect(record.attributes).toEqual({ type: 'Organization', url: `/services/data/v64.0/sobjects/Organization/${ORG_ID}` });
    expect(record.Id).toBe(ORG_ID);
    expect(record.Name).toBe('Prod & Co');
    expect(record.IsSandbox).toBe(false);
    expect(record.InstanceName).toMatch(/^USA\d+$/);
    expect(record.OrganizationType).toBe('Enterprise Edition');
  });

  it('marks a sandbox', async () => {
    const uat = connect({ loginUrl: test.url(TEST_HOST) });
    await uat.login('main@prod.example.uat', 'uat-passwordUatToken');
    const result = await uat.query<{ IsSandbox: boolean; InstanceName: string }>('select issandbox, instancename from organization limit 1');
    expect(result.records[0]!.IsSandbox).toBe(true);
    expect(result.records[0]!.InstanceName).toMatch(/^USA\d+S$/);
  });

  it('returns no record with LIMIT 0', async () => {
    const result = await conn.query('SELECT Id FROM Organization LIMIT 0');
    expect(result.totalSize).toBe(0);
    expect(result.records).toEqual([]);
  });

  it('rejects other queries with MALFORMED_QUERY', async () => {
    const error = await rejection(conn.query('SELECT Id FROM Account'));
    expect(error.name).toBe('MALFORMED_QUERY');
    const response = await get(`${prodUrl}/services/data/v64.0/query?q=${encodeURIComponent('SELECT Id FROM Account')}`);
    expect(response.status).toBe(400);
    expect(JSON.parse(response.text)[0].errorCode).toBe('MALFORMED_QUERY');
  });

  it('rejects a missing query string', async () => {
    const response = await get(`${prodUrl}/services/data/v64.0/query`);
    expect(response.status).toBe(400);
    expect(response.text).toBe('[{"message":"A query string has to be specified","errorCode":"MALFORMED_QUERY"}]');
  });

  it('rejects an unknown field with INVALID_FIELD', async () => {
    const error = await rejection(conn.query('SELECT Id, Foo FROM Organization'));
    expect(error.name).toBe('INVALID_FIELD');
    expect(error.message).toBe(
      "\nSELECT Id, Foo FROM Organization\n           ^\nERROR at Row:1:Column:12\nNo such column 'Foo' on entity 'Organization'. " +
        "If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. " +
        'Please reference your WSDL or the describe call for the appropriate names.',
    );
  });
});

describe('REST limits', () => {
  it('reports the configured API requests through jsforce', async () => {
    const limits = await conn.limits();
    expect(limits.DailyApiRequests).toEqual({ Max: 15000, Remaining: 14998 });
    const names = Object.keys(limits);
    expect(names).toEqual([...names].sort());
    expect(names).toHaveLength(23);
  });

  it('sends the API usage header', async () => {
    const response = await get(`${prodUrl}/services/data/v64.0/limits`);
    expect(response.headers.get('sforce-limit-info')).toBe('api-usage=2/15000');
  });
});

describe('identity URL', () => {
  it('describes the user through jsforce', async () => {
    const identity = await conn.identity();
    expect(identity.username).toBe('main@prod.example');
    expect(identity.organization_id).toBe(ORG_ID);
    expect(identity.user_id).toBe(conn.userInfo!.id);
    expect(identity.display_name).toBe('Main User');
    expect(identity.urls.partner).toBe(`${prodUrl}/services/Soap/u/{version}/00D5g000004AbCd`);
    expect(identity.urls.rest).toBe(`${prodUrl}/services/data/v{version}/`);
  });

  it('uses the key order of Salesforce', async () => {
    const response = await get(`${conn.userInfo!.url}?format=json&oauth_token=${encodeURIComponent(token)}`, null);
    expect(response.status).toBe(200);
    expect(Object.keys(JSON.parse(response.text)).slice(0, 6)).toEqual([
      'id',
      'asserted_user',
      'user_id',
      'organization_id',
      'username',
      'nick_name',
    ]);
  });

  it('fills in a requested version', async () => {
    const response = await get(`${conn.userInfo!.url}?version=62.0`);
    expect(JSON.parse(response.text).urls.query).toBe(`${prodUrl}/services/data/v62.0/query/`);
    const latest = await get(`${conn.userInfo!.url}?version=latest`);
    expect(JSON.parse(latest.text).urls.query).toBe(`${prodUrl}/services/data/v${NEWEST_KNOWN_API_VERSION}/query/`);
  });

  it.each([
    ['a missing token', null, 'Missing_OAuth_Token'],
    ['an unknown token', 'bad', 'Bad_OAuth_Token'],
  ])('answers %s with 403', async (_case, bearer, body) => {
    const response = await get(conn.userInfo!.url, bearer);
    expect(response.status).toBe(403);
    expect(response.text).toBe(body);
  });

  it('answers another org with Wrong_Org', async () => {
    const response = await get(conn.userInfo!.url.replace(ORG_ID, '00D000000000001AAA'));
    expect(response.status).toBe(403);
    expect(response.text).toBe('Wrong_Org');
  });

  it('answers an unknown user with Bad_Id', async () => {
    const response = await get(conn.userInfo!.url.replace(/005\w{15}$/, '005000000000001AAA'));
    expect(response.status).toBe(404);
    expect(response.text).toBe('Bad_Id');
  });
});

describe('userinfo endpoint', () => {
  it('describes the token user', async () => {
    const response = await get(`${prodUrl}/services/oauth2/userinfo`);
    expect(response.status).toBe(200);
    const body = JSON.parse(response.text);
    expect(body.sub).toBe(conn.userInfo!.url);
    expect(body.preferred_username).toBe('main@prod.example');
    expect(body.organization_id).toBe(ORG_ID);
    expect(body.name).toBe('Main User');
    expect(body.given_name).toBe('Main');
    expect(body.family_name).toBe('User');
  });

  it('rejects an unknown token', async () => {
    const response = await get(`${prodUrl}/services/oauth2/userinfo`, 'bad');
    expect(response.status).toBe(403);
  });
});

describe('unknown paths', () => {
  it('answers with 404', async () => {
    const response = await get(`${prodUrl}/nothing/here`);
    expect(response.status).toBe(404);
    expect(response.text).toBe(NOT_FOUND);
  });
});

async function oldOrgToken(): Promise<string> {
  const old = connect({ loginUrl: test.url('old.my.salesforce.com'), version: '60.0' });
  await old.login('user@old.example', 'old-password');
  return old.accessToken!;
}
