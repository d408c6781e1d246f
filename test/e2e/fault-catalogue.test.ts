/**
 * One end-to-end test per entry of the fault catalogue: each drives the emulator, or a
 * loopback server built for the purpose, so that `orgcfg verify --format json` reports the
 * code with the catalogue's meaning, action and check location. A meta-test keeps the
 * catalogue and these tests from drifting apart.
 */
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { FAULT_CODES } from '../../src/emulator/index.js';
import { allFaults, findFault } from '../../src/salesforce/faults.js';
import { classifyLoginError } from '../../src/verify/classify.js';
import {
  EXPIRED_CERT_FILE,
  expectCatalogueFailure,
  faultUsername,
  oauthUsername,
  ORGS,
  OTHER_CERT_FILE,
  SECRETS,
  SERVER_CERT_FILE,
  SERVER_KEY_FILE,
  VARIABLES,
  World,
  type VerifiedOrg,
} from './emulator-world.js';

let world: World;
const servers: (net.Server | HttpServer)[] = [];
const sockets = new Set<net.Socket>();

/** Starts `server` on an ephemeral port of 127.0.0.1 and returns the port. */
async function listenOnLoopback(server: net.Server | HttpServer): Promise<number> {
  servers.push(server);
  server.on('connection', (socket: net.Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as net.AddressInfo).port;
}

/** Returns a loopback port on which nothing listens: bound once, then closed again. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

beforeAll(async () => {
  world = await World.start();
});

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await Promise.all(servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
  await world?.close();
});

const soapAs = (username: string, apiVersion = '64.0') => world.verifyOne(ORGS.soap(username, apiVersion));
const oauthPasswordAs = (username: string) => world.verifyOne(ORGS.oauthPassword(username));
const clientCredentialsOn = (clientId: string, host = 'acme.my.salesforce.com', apiVersion = '66.0') =>
  world.verifyOne(ORGS.clientCredentials(clientId, `https://${host}`, apiVersion));
const jwtWithKey = (keyLines: string) => world.verifyOne(ORGS.jwt('jwt@acme.com', keyLines));
/** Verifies the production org with its My Domain sent to `url` instead of the emulator. */
const soapThrough = (url: string, args: string[] = [], env: Record<string, string> = {}) =>
  world.verifyOne(ORGS.soap(), { args: ['--connect-to', `acme.my.salesforce.com=${url}`, ...args], env });

/** How each catalogue code is produced end to end. */
const SCENARIOS: Record<string, () => Promise<VerifiedOrg>> = {
  INVALID_LOGIN: () => world.verifyOne(ORGS.soap(), { variables: { ...VARIABLES, SF_PASSWORD: SECRETS.wrongPassword } }),
  LOGIN_MUST_USE_SECURITY_TOKEN: () => world.verifyOne(ORGS.soap().replace('      securityToken: ${SF_TOKEN}\n', '')),
  LOGIN_CHALLENGE_ISSUED: () => soapAs(faultUsername('LOGIN_CHALLENGE_ISSUED')),
  LOGIN_CHALLENGE_PENDING: () => soapAs(faultUsername('LOGIN_CHALLENGE_PENDING')),
  LOGIN_DURING_RESTRICTED_DOMAIN: () => soapAs(faultUsername('LOGIN_DURING_RESTRICTED_DOMAIN')),
  LOGIN_DURING_RESTRICTED_TIME: () => soapAs(faultUsername('LOGIN_DURING_RESTRICTED_TIME')),
  PASSWORD_LOCKOUT: () => soapAs(faultUsername('PASSWORD_LOCKOUT')),
  PASSWORD_EXPIRED: () => soapAs('expired@acme.com'),
  API_DISABLED_FOR_ORG: () =>
    world.verifyOne(ORGS.soap('ci@noapi.example').replace('https://acme.my.salesforce.com', 'https://noapi.my.salesforce.com')),
  API_CURRENTLY_DISABLED: () => soapAs('noapi@acme.com'),
  INSUFFICIENT_ACCESS: () => soapAs(faultUsername('INSUFFICIENT_ACCESS')),
  INVALID_OPERATION: () =>
    world.verifyOne(ORGS.soap('ci@nosoap.example').replace('https://acme.my.salesforce.com', 'https://nosoap.my.salesforce.com')),
  // The old org serves up to 60.0, so its login endpoint rejects 62.0.
  UNSUPPORTED_API_VERSION: () =>
    world.verifyOne(ORGS.soap('ci@old.example', '62.0').replace('https://acme.my.salesforce.com', 'https://old.my.salesforce.com').replace('      securityToken: ${SF_TOKEN}\n', '')),
  ORG_LOCKED: () => soapAs(faultUsername('ORG_LOCKED')),
  TRIAL_EXPIRED: () => soapAs(faultUsername('TRIAL_EXPIRED')),
  ORG_IN_MAINTENANCE: () => soapAs(faultUsername('ORG_IN_MAINTENANCE')),
  ORG_NOT_OWNED_BY_INSTANCE: () => soapAs(faultUsername('ORG_NOT_OWNED_BY_INSTANCE')),
  SERVER_UNAVAILABLE: () => soapAs(faultUsername('SERVER_UNAVAILABLE')),
  REQUEST_LIMIT_EXCEEDED: () => soapAs(faultUsername('REQUEST_LIMIT_EXCEEDED')),
  UNKNOWN_EXCEPTION: () => soapAs(faultUsername('UNKNOWN_EXCEPTION')),
  ORG_IS_SIGNING_UP: () => soapAs(faultUsername('ORG_IS_SIGNING_UP')),
  SSO_SERVICE_DOWN: () => soapAs(faultUsername('SSO_SERVICE_DOWN')),
  INVALID_SSO_GATEWAY_URL: () => soapAs(faultUsername('INVALID_SSO_GATEWAY_URL')),
  INVALID_CLIENT: () => soapAs(faultUsername('INVALID_CLIENT')),
  UNSUPPORTED_CLIENT: () => soapAs(faultUsername('UNSUPPORTED_CLIENT')),
  CLIENT_REQUIRE_UPDATE_FOR_USER: () => soapAs(faultUsername('CLIENT_REQUIRE_UPDATE_FOR_USER')),
  CLIENT_NOT_ACCESSIBLE_FOR_USER: () => soapAs(faultUsername('CLIENT_NOT_ACCESSIBLE_FOR_USER')),
  TXN_SECURITY_TWO_FA_REQUIRED: () => soapAs(faultUsername('TXN_SECURITY_TWO_FA_REQUIRED')),
  TXN_SECURITY_NO_ACCESS: () => soapAs(faultUsername('TXN_SECURITY_NO_ACCESS')),
  TXN_SECURITY_END_A_SESSION: () => soapAs(faultUsername('TXN_SECURITY_END_A_SESSION')),
  MUTUAL_AUTHENTICATION_FAILED: () => soapAs(faultUsername('MUTUAL_AUTHENTICATION_FAILED')),
  PORTAL_NO_ACCESS: () => soapAs(faultUsername('PORTAL_NO_ACCESS')),
  INACTIVE_PORTAL: () => soapAs(faultUsername('INACTIVE_PORTAL')),
  FUNCTIONALITY_NOT_ENABLED: () => soapAs(faultUsername('FUNCTIONALITY_NOT_ENABLED')),
  CONFIG: () => world.verifyOne(ORGS.soap(), { variables: { ...VARIABLES, SF_PASSWORD: '' } }),
  HOST_NOT_ALLOWED: () => world.verifyOne(ORGS.soap().replace('https://acme.my.salesforce.com', 'https://collector.example.com')),

  invalid_grant: () => world.verifyOne(ORGS.oauthPassword(), { variables: { ...VARIABLES, SF_PASSWORD: SECRETS.wrongPassword } }),
  invalid_client_id: () => clientCredentialsOn('3MVG9unknownClientId'),
  invalid_client: () => world.verifyOne(ORGS.clientCredentials(), { variables: { ...VARIABLES, SF_CLIENT_SECRET: SECRETS.wrongSecret } }),
  unsupported_grant_type: () => world.verifyOne(ORGS.jwt('ci@acme.com', '      privateKey: ${SF_JWT_KEY}', '', '3MVG9w0rldCcOnlyClientId')),
  invalid_request: () => oauthPasswordAs(oauthUsername('invalid_request')),
  invalid_app_access: () => oauthPasswordAs(oauthUsername('invalid_app_access')),
  inactive_user: () => world.verifyOne(ORGS.jwt(oauthUsername('inactive_user'))),
  inactive_org: () => clientCredentialsOn('3MVG9w0rldClosedClientId', 'closed.my.salesforce.com'),
  rate_limit_exceeded: () => clientCredentialsOn('3MVG9w0rldThrottledClientId'),
  OAUTH_APP_BLOCKED: () => clientCredentialsOn('3MVG9w0rldBlockedClientId'),

  ECONNREFUSED: async () => soapThrough(`http://127.0.0.1:${await closedPort()}`),
  ECONNRESET: async () => {
    const port = await listenOnLoopback(net.createServer((socket) => socket.resetAndDestroy()));
    return soapThrough(`http://127.0.0.1:${port}`);
  },
  // A server that accepts the connection and never responds; --timeout is in seconds.
  TIMEOUT: async () => {
    const port = await listenOnLoopback(net.createServer(() => undefined));
    return soapThrough(`http://127.0.0.1:${port}`, ['--timeout', '1']);
  },
  // The throwaway certificate is self-signed, so Node.js does not trust it.
  TLS: async () => {
    const server = createHttpsServer({ key: fs.readFileSync(SERVER_KEY_FILE), cert: fs.readFileSync(SERVER_CERT_FILE) }, (_, response) => response.end());
    const port = await listenOnLoopback(server);
    return soapThrough(`https://127.0.0.1:${port}`);
  },
  // A loopback proxy that demands authentication for every CONNECT.
  PROXY: async () => {
    const proxy = net.createServer((socket) => {
      socket.once('data', () => socket.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="test"\r\nContent-Length: 0\r\n\r\n'));
    });
    const proxyPort = await listenOnLoopback(proxy);
    return soapThrough(`https://127.0.0.1:${await closedPort()}`, [], { HTTPS_PROXY: `http://127.0.0.1:${proxyPort}` });
  },

  UNEXPECTED_RESPONSE: async () => {
    const page = createHttpServer((_, response) => {
      response.writeHead(200, { 'Content-Type': 'text/html' });
      response.end('<html><body>Sign in to the captive portal</body></html>');
    });
    return soapThrough(`http://127.0.0.1:${await listenOnLoopback(page)}`);
  },
  INVALID_PRIVATE_KEY: () => world.verifyOne(ORGS.jwt(), { variables: { ...VARIABLES, SF_JWT_KEY: fs.readFileSync(SERVER_CERT_FILE, 'utf8') } }),
  CERTIFICATE_EXPIRED: () => jwtWithKey(`      privateKeyFile: ${SERVER_KEY_FILE}\n      certificateFile: ${EXPIRED_CERT_FILE}`),
  CERTIFICATE_KEY_MISMATCH: () => jwtWithKey(`      privateKeyFile: ${SERVER_KEY_FILE}\n      certificateFile: ${OTHER_CERT_FILE}`),
  INVALID_AUTH_URL: () => world.verifyOne(ORGS.sfdxAuthUrl(), { variables: { ...VARIABLES, SF_AUTH_URL: 'force://PlatformCLI@acme.my.salesforce.com' } }),
  API_VERSION_NOT_SERVED: () => clientCredentialsOn('3MVG9w0rldOldClientId', 'old.my.salesforce.com', '62.0'),
  WRONG_ORG: () =>
    world.verifyOne(`${ORGS.clientCredentials()}    expect:\n      organizationId: 00D000000000001AAA\n`),
  // The user has no API access, so the Organization record that tells the sandbox flag is out of reach.
  EXPECT_NOT_CHECKED: () => world.verifyOne(`${ORGS.oauthPassword('noapi@acme.com')}    expect:\n      sandbox: false\n`),
};

/**
 * Catalogue codes without an end-to-end test, and why. They are tested below by handing
 * classifyLoginError the error that undici raises for them.
 */
const UNIT_TESTED: Record<string, string> = {
  ENOTFOUND:
    'a name that does not resolve needs a DNS query, and this machine sends DNS queries to a resolver on another host, so the test would send traffic off the machine',
  EAI_AGAIN: 'a temporary DNS failure cannot be caused on loopback without a resolver of our own',
};

/** Catalogue entries whose status is "skipped": found before any login is attempted. */
const SKIPPED_CODES = new Set(['INVALID_AUTH_URL', 'CONFIG', 'HOST_NOT_ALLOWED']);

describe('fault catalogue end to end', () => {
  for (const fault of allFaults()) {
    const scenario = SCENARIOS[fault.code];
    if (!scenario) continue;
    it(`reports ${fault.code}`, async () => {
      const liveBefore = world.emulator.liveTokens().length;
      const verified = await scenario();
      expectCatalogueFailure(verified, fault.code, fault, SKIPPED_CODES.has(fault.code) ? 'skipped' : 'failed');
      expect(verified.result.error?.retryable).toBe(fault.retryable);
      expect(verified.run.code).toBe(SKIPPED_CODES.has(fault.code) ? 2 : 1);
      // A login with an expired password opens a restricted session, but jsforce throws before
      // it keeps the session id, so verify has nothing to log out.
      const leftOpen = fault.code === 'PASSWORD_EXPIRED' ? 1 : 0;
      expect(world.emulator.liveTokens().length, 'sessions left open').toBe(liveBefore + leftOpen);
    });
  }

  it('names the status a proxy refused with', async () => {
    const { result } = await SCENARIOS.PROXY!();
    expect(result.error?.message).toBe('the proxy answered CONNECT with HTTP 407');
  });

  it('names the newest version when it is not served', async () => {
    const { result } = await SCENARIOS.API_VERSION_NOT_SERVED!();
    expect(result.error?.message).toContain("newer than the org's newest version, 60.0");
  });

  it('ends the process soon after a timeout', async () => {
    const started = Date.now();
    const { result } = await SCENARIOS.TIMEOUT!();
    expect(result.error?.code).toBe('TIMEOUT');
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('does not follow a redirected login', async () => {
    let redirectTargetHits = 0;
    const target = createHttpServer((_, response) => {
      redirectTargetHits += 1;
      response.end();
    });
    const targetPort = await listenOnLoopback(target);
    const redirecting = createHttpServer((_, response) => {
      response.writeHead(307, { Location: `http://127.0.0.1:${targetPort}/services/Soap/u/64.0` });
      response.end();
    });
    const { result } = await soapThrough(`http://127.0.0.1:${await listenOnLoopback(redirecting)}`);
    expect(result.error?.code).toBe('UNEXPECTED_RESPONSE');
    expect(redirectTargetHits).toBe(0);
  });

  it.each([
    ['invalid_grant', 'auth.password'],
    ['LOGIN_MUST_USE_SECURITY_TOKEN', 'auth.securityToken (not set)'],
  ])('points %s at %s', async (code, field) => {
    const { result } = await SCENARIOS[code]!();
    expect(result.error?.check?.field).toBe(field);
  });

  it('points a bad JWT assertion at the key the org writes', async () => {
    // A valid RSA key that the app's certificate does not belong to.
    const otherKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const otherKeyFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'orgcfg-jwt-')), 'other.key');
    fs.writeFileSync(otherKeyFile, otherKey);
    const { result } = await world.verifyOne(ORGS.jwt('ci@acme.com', `      privateKeyFile: ${otherKeyFile}`));
    expect(result.error?.code).toBe('invalid_grant');
    expect(result.error?.check?.field).toBe('auth.privateKeyFile');
  });

  it('prints no secret and no issued token', () => {
    world.expectNoLeaks({ 'wrong secret': SECRETS.wrongSecret });
  });
});

describe('network faults by classification', () => {
  const undiciError = (code: string, message: string) => new TypeError('fetch failed', { cause: Object.assign(new Error(message), { code }) });

  it('classifies ENOTFOUND', () => {
    const failure = classifyLoginError(undiciError('ENOTFOUND', 'getaddrinfo ENOTFOUND acme.my.salesforce.invalid'));
    expect(failure.code).toBe('ENOTFOUND');
    expect(failure.fault).toBe(findFault('ENOTFOUND'));
  });

  it('classifies EAI_AGAIN', () => {
    const failure = classifyLoginError(undiciError('EAI_AGAIN', 'getaddrinfo EAI_AGAIN acme.my.salesforce.com'));
    expect(failure.code).toBe('EAI_AGAIN');
    expect(failure.fault).toBe(findFault('EAI_AGAIN'));
  });
});

describe('catalogue coverage', () => {
  it('has a test for every catalogue code', () => {
    const missing = allFaults()
      .map((fault) => fault.code)
      .filter((code) => !(code in SCENARIOS) && !(code in UNIT_TESTED));
    expect(missing, 'catalogue codes with neither an end-to-end scenario nor a listed exception').toEqual([]);
  });

  it('tests no code outside the catalogue', () => {
    const stale = [...Object.keys(SCENARIOS), ...Object.keys(UNIT_TESTED)].filter((code) => !findFault(code));
    expect(stale, 'scenarios for codes the catalogue no longer has').toEqual([]);
  });
});

describe('codes missing from the catalogue', () => {
  const uncatalogued = FAULT_CODES.filter((code) => !findFault(code));

  it('exist among the emulator faults', () => {
    expect(uncatalogued.length).toBeGreaterThan(0);
  });

  for (const code of uncatalogued) {
    it(`shows ${code} verbatim`, async () => {
      const { result } = await soapAs(faultUsername(code));
      expect(result.status).toBe('failed');
      expect(result.error?.code).toBe(code);
      expect(result.error?.message.startsWith(`${code}: `)).toBe(true);
      expect(result.error?.meaning).toBeUndefined();
      expect(result.error?.action).toContain('orgcfg has no explanation for this code');
    });
  }

  it('prints the code and hint as text', async () => {
    const code = uncatalogued[0]!;
    const run = await world.run({ 'orgcfg.yaml': `version: 1\norgs:\n  target:\n${ORGS.soap(faultUsername(code)).replace(/^\n/, '')}` }, ['verify']);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(new RegExp(`^failed +target +${code}: `, 'm'));
    expect(run.stdout).toContain('to do: orgcfg has no explanation for this code');
  });
});
