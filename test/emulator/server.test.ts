import { readFileSync } from 'node:fs';
import { connect as connectSocket } from 'node:net';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { MAX_BODY_BYTES, parseEmulatorConfig, startEmulator } from '../../src/emulator/index.js';
import {
  connect,
  LOGIN_HOST,
  MAIN_PASSWORD,
  MAIN_TOKEN,
  postSoap,
  PROD_HOST,
  soapLoginBody,
  startTestEmulator,
  TEST_CONFIG_YAML,
  TEST_HOST,
  type TestEmulator,
} from './helpers.js';

let test: TestEmulator;

beforeAll(async () => {
  test = await startTestEmulator();
});

afterAll(async () => {
  await test.emulator.close();
});

/** Sends raw bytes over TCP and returns everything the server sends back before it closes. */
function sendRaw(url: string, data: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connectSocket(Number(port), hostname);
    let received = '';
    socket.on('data', (chunk) => (received += chunk.toString('latin1')));
    socket.on('end', () => resolve(received));
    socket.on('error', reject);
    socket.write(data);
  });
}

async function isAlive(): Promise<boolean> {
  const response = await postSoap(`${test.url(PROD_HOST)}/services/Soap/u/64.0`, soapLoginBody('main@prod.example', MAIN_PASSWORD + MAIN_TOKEN));
  return response.status === 200;
}

describe('startEmulator', () => {
  it.each(['0.0.0.0', '127.0.0.2', '::1', 'localhost'])('refuses the bind address %s', async (bindAddress) => {
    const config = parseEmulatorConfig(TEST_CONFIG_YAML, 'test.yaml');
    await expect(startEmulator(config, { bindAddress })).rejects.toThrow(
      `The emulator binds only 127.0.0.1, so it is never reachable from other machines; remove the bind address "${bindAddress}".`,
    );
  });

  it('serves the generic hosts first, then each My Domain', () => {
    expect(test.emulator.domains.map((domain) => domain.host)).toEqual([
      'login.salesforce.com',
      'test.salesforce.com',
      'prod.my.salesforce.com',
      'prod--uat.sandbox.my.salesforce.com',
      'trusted.my.salesforce.com',
      'noapi.my.salesforce.com',
      'nosoap.my.salesforce.com',
      'old.my.salesforce.com',
    ]);
  });

  it('gives every host its own loopback port', () => {
    const urls = test.emulator.domains.map((domain) => domain.url);
    for (const url of urls) expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(new Set(urls).size).toBe(urls.length);
  });

  it('lists host=url pairs in connectTo', () => {
    const expected = test.emulator.domains.map((domain) => `${domain.host}=${domain.url}`).join(',');
    expect(test.emulator.connectTo).toBe(expected);
    expect(test.emulator.connectTo).toMatch(/^login\.salesforce\.com=http:\/\/127\.0\.0\.1:\d+,test\.salesforce\.com=http:\/\/127\.0\.0\.1:\d+,/);
  });

  it('stops listening on close', async () => {
    const other = await startEmulator(parseEmulatorConfig(TEST_CONFIG_YAML, 'test.yaml'));
    const url = other.domains[0]!.url;
    expect((await fetch(`${url}/services/data/`)).status).toBe(200);
    await other.close();
    await other.close();
    await expect(fetch(`${url}/services/data/`)).rejects.toThrow();
  });
});

describe('emulator robustness', () => {
  it('rejects a body over 1 MiB with 413', async () => {
    const body = 'x'.repeat(MAX_BODY_BYTES + 1);
    const response = await postSoap(`${test.url(PROD_HOST)}/services/Soap/u/64.0`, body);
    expect(response.status).toBe(413);
    expect(await isAlive()).toBe(true);
  });

  it('accepts a body of exactly 1 MiB', async () => {
    const body = soapLoginBody('nobody@prod.example', 'x'.padEnd(MAX_BODY_BYTES - 300, 'x'));
    const response = await postSoap(`${test.url(PROD_HOST)}/services/Soap/u/64.0`, body);
    expect(response.status).toBe(500);
    expect(response.text).toContain('INVALID_LOGIN');
  });

  it('answers malformed HTTP with 400', async () => {
    const reply = await sendRaw(test.url(PROD_HOST), 'NOT HTTP AT ALL\r\n\r\n');
    expect(reply.startsWith('HTTP/1.1 400 Bad Request')).toBe(true);
    expect(await isAlive()).toBe(true);
  });

  it('survives garbage on every endpoint', async () => {
    const base = test.url(PROD_HOST);
    const garbage = Buffer.from(Array.from({ length: 4096 }, (_, index) => (index * 7919) % 256));
    const paths = [
      '/services/Soap/u/64.0',
      '/services/Soap/c/64.0/00D5g000004AbCd',
      '/services/Soap/u/%ZZ',
      '/services/oauth2/token',
      '/services/oauth2/revoke',
      '/services/oauth2/userinfo',
      '/services/data/v64.0/query?q=%',
      '/services/data/v64.0/../../id',
      '/id/%00/%FF',
      `/${'a'.repeat(4000)}`,
    ];
    const contentTypes = ['text/xml', 'application/x-www-form-urlencoded', 'application/json'];
    for (const path of paths) {
      for (const contentType of contentTypes) {
        const response = await fetch(`${base}${path}`, {
          method: 'POST',
          headers: { 'Content-Type': contentType, Authorization: 'Basic !!!' },
          body: garbage,
        });
        // SOAP faults are 500 too, so a crash shows only in the body and the log.
        expect(await response.text(), `${path} ${contentType}`).not.toBe('Emulator internal error.');
      }
    }
    expect(test.logs.filter((line) => line.includes('internal error'))).toEqual([]);
    expect(await isAlive()).toBe(true);
  });

  it('answers HEAD without a body', async () => {
    const response = await fetch(`${test.url(LOGIN_HOST)}/services/data/`, { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });
});

describe('emulator log', () => {
  it('names users and outcomes but no secret', async () => {
    const logs: string[] = [];
    const emulator = await startEmulator(parseEmulatorConfig(TEST_CONFIG_YAML, 'test.yaml'), { log: (line) => logs.push(line) });
    const url = (host: string) => emulator.domains.find((domain) => domain.host === host)!.url;
    const issued: string[] = [];
    try {
      const soap = connect({ loginUrl: url(LOGIN_HOST) });
      await soap.login('main@prod.example', MAIN_PASSWORD + MAIN_TOKEN);
      issued.push(soap.accessToken!);
      await soap.query('SELECT Id FROM Organization');
      await soap.identity();
      await soap.logout();
      await connect({ loginUrl: url(LOGIN_HOST) }).login('main@prod.example', 'wrong-password').catch(() => undefined);

      const oauth = connect({ oauth2: { clientId: 'prodClientId', clientSecret: 'prod-client-secret', loginUrl: url(PROD_HOST) } });
      await oauth.authorize({ grant_type: 'client_credentials' });
      issued.push(oauth.accessToken!);
      await oauth.limits();
      await oauth.logout();
      await connect({ oauth2: { clientId: 'prodClientId', clientSecret: 'prod-client-secret', loginUrl: url(TEST_HOST) } })
        .login('main@prod.example.uat', 'uat-passwordUatToken')
        .catch(() => undefined);
    } finally {
      await emulator.close();
    }

    const text = logs.join('\n');
    expect(text).toContain('login ok: user=main@prod.example org=00D5g000004AbCdEAK');
    expect(text).toContain('fault INVALID_LOGIN: user=main@prod.example');
    expect(text).toContain('token issued: grant_type=client_credentials app=ci user=main@prod.example');
    expect(text).toContain('revoked: user=main@prod.example');
    expect(text).toContain('emulator stopped');
    const secrets = [MAIN_PASSWORD, MAIN_TOKEN, 'wrong-password', 'prod-client-secret', 'uat-password', 'UatToken', ...issued];
    for (const secret of secrets) expect(text, secret).not.toContain(secret);
    for (const token of issued) expect(text).not.toContain(token.slice(16, 40));
  });

  it('keeps control characters out of log lines', async () => {
    await postSoap(`${test.url(PROD_HOST)}/services/Soap/u/64.0`, soapLoginBody('evil\nfault INVALID_LOGIN: forged', 'x'));
    const line = test.logs.find((candidate) => candidate.includes('evil'));
    expect(line).toBeDefined();
    expect(line).toContain('user=evil?fault INVALID_LOGIN: forged');
  });
});

describe('demo emulator file', () => {
  it('serves the demo credentials', async () => {
    const config = parseEmulatorConfig(readFileSync('examples/emulator.yaml', 'utf8'), 'examples/emulator.yaml');
    const emulator = await startEmulator(config);
    const url = (host: string) => emulator.domains.find((domain) => domain.host === host)!.url;
    try {
      const prod = connect({
        oauth2: { clientId: '3MVG9demoProdClientId', clientSecret: 'demo-prod-client-secret', loginUrl: url('acme.my.salesforce.com') },
      });
      await prod.authorize({ grant_type: 'client_credentials' });
      expect(prod.instanceUrl).toBe(url('acme.my.salesforce.com'));

      const uat = connect({
        oauth2: { clientId: '3MVG9demoUatClientId', clientSecret: 'demo-uat-client-secret', loginUrl: url('acme--uat.sandbox.my.salesforce.com') },
      });
      const uatUser = await uat.authorize({ grant_type: 'client_credentials' });
      expect((await uat.identity()).username).toBe('integration@acme.com.uat');
      expect(uatUser.organizationId.startsWith('00D')).toBe(true);

      const legacy = connect({ loginUrl: url('test.salesforce.com') });
      await legacy.login('integration@acme.com.legacy', 'demo-legacy-passwordDemoLegacyToken123');
      expect(legacy.instanceUrl).toBe(url('acme--legacy.sandbox.my.salesforce.com'));
    } finally {
      await emulator.close();
    }
  });
});
