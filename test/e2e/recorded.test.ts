import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProject } from '../../src/project/load.js';
import { layerEnvironments } from '../../src/resolve/environment.js';
import { verifyProject } from '../../src/verify/verify.js';
import { memoryHost } from '../helpers/memory-host.js';

const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures', 'recorded');

interface Reply {
  status: number;
  file: string;
  contentType: string;
}

let reply: Reply;
let server: http.Server;
let origin: string;

/**
 * Serves the current recorded body for login requests. Absolute https URLs inside the body
 * are rewritten to this server, so post-login calls stay on loopback.
 */
beforeAll(async () => {
  server = http.createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      const isLogin = request.method === 'POST' && /^\/services\/(Soap\/[uc]\/\d+\.\d+$|oauth2\/token$)/.test(request.url ?? '');
      if (!isLogin) {
        response.writeHead(request.url?.includes('/revoke') ? 200 : 404, { 'content-type': 'application/json;charset=UTF-8' });
        response.end('[{"errorCode":"NOT_FOUND","message":"The requested resource does not exist"}]');
        return;
      }
      const body = fs.readFileSync(path.join(FIXTURES, reply.file), 'utf8').replace(/https:\/\/[^/<"\s]+/g, origin);
      response.writeHead(reply.status, { 'content-type': reply.contentType });
      response.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function verifyAgainstRecording(method: 'soap-password' | 'client-credentials', recording: Reply) {
  reply = recording;
  const auth =
    method === 'soap-password'
      ? '{ method: soap-password, username: user@example.com, password: "${PW}", securityToken: "${TOKEN}" }'
      : '{ method: client-credentials, clientId: "3MVG9x", clientSecret: "${SECRET}" }';
  const project = loadProject(
    'orgcfg.yaml',
    memoryHost({ 'orgcfg.yaml': `orgs:\n  replay:\n    loginUrl: ${origin}\n    apiVersion: "42.0"\n    auth: ${auth}\n` }),
  );
  expect(project.diagnostics).toEqual([]);
  const outcome = await verifyProject(project, {
    environment: layerEnvironments([{ origin: 'test', variables: { PW: 'replay-password', TOKEN: 'replay-token', SECRET: 'replay-secret' } }]),
    policy: { allowedHosts: new Set([new URL(origin).host]), connectTo: new Map() },
    concurrency: 1,
    timeoutMs: 10_000,
  });
  expect(outcome.diagnostics).toEqual([]);
  return outcome.results[0]!;
}

const xml = 'text/xml;charset=UTF-8';
const json = 'application/json;charset=UTF-8';

describe('verify on recorded Salesforce responses', () => {
  it.each([
    ['soap-login-success-partner-v23.xml'],
    ['soap-login-success-enterprise-v29.xml'],
  ])('accepts the SOAP login success %s', async (file) => {
    const result = await verifyAgainstRecording('soap-password', { status: 200, file, contentType: xml });
    expect(result.status).toBe('ok');
    expect(result.organizationId).toMatch(/^00D[0-9A-Za-z]{12,15}$/);
    expect(result.instanceUrl).toBe(origin);
  });

  it.each([
    ['soap-login-success-passwordexpired-partner-v42.xml'],
    ['soap-login-success-passwordexpired-partner-v37-sandbox.xml'],
  ])('reports passwordExpired in %s', async (file) => {
    const result = await verifyAgainstRecording('soap-password', { status: 200, file, contentType: xml });
    expect(result.status).toBe('failed');
    expect(result.error?.code).toBe('PASSWORD_EXPIRED');
    expect(result.error?.action).toContain('set a new password');
  });

  it.each([
    ['soap-login-fault-invalid-login-partner.xml'],
    ['soap-login-fault-invalid-login-partner-sf-prefix.xml'],
    ['soap-login-fault-invalid-login-enterprise.xml'],
  ])('classifies INVALID_LOGIN in %s', async (file) => {
    const result = await verifyAgainstRecording('soap-password', { status: 500, file, contentType: xml });
    expect(result.error?.code).toBe('INVALID_LOGIN');
    expect(result.error?.message).toBe('INVALID_LOGIN: Invalid username, password, security token; or user locked out.');
    expect(result.error?.meaning).toBeDefined();
  });

  it('classifies an UNKNOWN_EXCEPTION fault', async () => {
    const result = await verifyAgainstRecording('soap-password', { status: 500, file: 'soap-login-fault-unknown-exception.xml', contentType: xml });
    expect(result.error?.code).toBe('UNKNOWN_EXCEPTION');
  });

  it('classifies an HTML error page as an unexpected response', async () => {
    const result = await verifyAgainstRecording('soap-password', {
      status: 405,
      file: 'soap-login-error-405-get-only-post-allowed.html',
      contentType: 'text/html;charset=utf-8',
    });
    expect(result.error?.code).toBe('UNEXPECTED_RESPONSE');
    expect(result.error?.message).not.toContain('<');
  });

  it('accepts a recorded OAuth token response', async () => {
    const result = await verifyAgainstRecording('client-credentials', { status: 200, file: 'oauth-token-success-password-sandbox.json', contentType: json });
    expect(result.status).toBe('ok');
    expect(result.organizationId).toBe('00D000000000001AAA');
    expect(result.userId).toBe('005000000000001AAA');
  });

  it.each([
    ['oauth-token-error-invalid-grant-authentication-failure.json', 'invalid_grant', 'authentication failure'],
    ['oauth-token-error-invalid-grant-authentication-failure-2015-key-order.json', 'invalid_grant', 'authentication failure'],
    ['oauth-token-error-client-credentials-wrong-domain.json', 'invalid_grant', 'request not supported on this domain'],
    ['oauth-token-error-invalid-client-id.json', 'invalid_client_id', 'client identifier invalid'],
    ['oauth-token-error-unsupported-grant-type.json', 'unsupported_grant_type', 'grant type not supported'],
  ])('classifies %s', async (file, code, message) => {
    const result = await verifyAgainstRecording('client-credentials', { status: 400, file, contentType: json });
    expect(result.status).toBe('failed');
    expect(result.error?.code).toBe(code);
    expect(result.error?.message).toBe(message);
    expect(result.error?.action).toBeDefined();
  });
});
