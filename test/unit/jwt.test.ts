import { createPublicKey, generateKeyPairSync, verify } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Secret } from '../../src/resolve/secret.js';
import { parseSfdxAuthUrl } from '../../src/resolve/resolve.js';
import { ASSERTION_LIFETIME_SECONDS, loadSigningKey, signAssertion } from '../../src/verify/jwt.js';
import { VerificationError } from '../../src/verify/verification-error.js';

const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const rsaPem = rsa.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const ecPem = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const now = new Date('2026-12-04T12:00:00Z');
const noFiles = (file: string): string => {
  throw new Error(`no file ${file}`);
};

function codeOf(action: () => unknown): string | undefined {
  try {
    action();
  } catch (error) {
    if (error instanceof VerificationError) return error.code;
    throw error;
  }
  return undefined;
}

describe('loadSigningKey', () => {
  it('accepts an RSA key from a variable', () => {
    expect(loadSigningKey({ privateKey: new Secret(rsaPem) }, noFiles, now).asymmetricKeyType).toBe('rsa');
  });

  it('accepts PEM text with literal \\n sequences', () => {
    const oneLine = rsaPem.trim().replace(/\n/g, '\\n');
    expect(loadSigningKey({ privateKey: new Secret(oneLine) }, noFiles, now).asymmetricKeyType).toBe('rsa');
  });

  it('reads the key from a file', () => {
    const key = loadSigningKey({ privateKeyFile: '/keys/server.key' }, (file) => (file === '/keys/server.key' ? rsaPem : noFiles(file)), now);
    expect(key.type).toBe('private');
  });

  it.each([
    ['not a key', 'hello', /not a PEM private key/],
    ['a public key', createPublicKey(rsa.privateKey).export({ type: 'spki', format: 'pem' }).toString(), /certificate or public key/],
    ['an EC key', ecPem, /needs an RSA key/],
  ])('rejects %s without printing it', (_, pem, message) => {
    let thrown: unknown;
    try {
      loadSigningKey({ privateKey: new Secret(pem) }, noFiles, now);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(VerificationError);
    expect((thrown as VerificationError).code).toBe('INVALID_PRIVATE_KEY');
    expect((thrown as Error).message).toMatch(message);
    expect((thrown as Error).message).not.toContain('BEGIN');
  });

  it('reports an unreadable key file', () => {
    expect(codeOf(() => loadSigningKey({ privateKeyFile: '/missing.key' }, noFiles, now))).toBe('INVALID_PRIVATE_KEY');
  });
});

describe('certificate checks', () => {
  const fixtures = path.join(import.meta.dirname, '..', 'fixtures', 'jwt');
  const read = (file: string): string => fs.readFileSync(path.join(fixtures, file), 'utf8');
  const keyPem = read('server.key');

  it('accepts a matching, valid certificate', () => {
    const key = loadSigningKey({ privateKey: new Secret(keyPem), certificateFile: 'server.crt' }, read, now);
    expect(key.asymmetricKeyType).toBe('rsa');
  });

  it('rejects an expired certificate', () => {
    const after = new Date('2057-01-01T00:00:00Z');
    expect(codeOf(() => loadSigningKey({ privateKey: new Secret(keyPem), certificateFile: 'server.crt' }, read, after))).toBe('CERTIFICATE_EXPIRED');
  });

  it('rejects a certificate of another key', () => {
    expect(codeOf(() => loadSigningKey({ privateKey: new Secret(keyPem), certificateFile: 'other.crt' }, read, now))).toBe('CERTIFICATE_KEY_MISMATCH');
  });
});

describe('signAssertion', () => {
  it('signs RS256 claims that the public key verifies', () => {
    const token = signAssertion({ clientId: '3MVG9id', username: 'ci@acme.com', audience: 'https://login.salesforce.com' }, rsa.privateKey, now);
    const [header, payload, signature] = token.split('.') as [string, string, string];
    expect(JSON.parse(Buffer.from(header, 'base64url').toString())).toEqual({ alg: 'RS256' });
    expect(JSON.parse(Buffer.from(payload, 'base64url').toString())).toEqual({
      iss: '3MVG9id',
      sub: 'ci@acme.com',
      aud: 'https://login.salesforce.com',
      exp: now.getTime() / 1000 + ASSERTION_LIFETIME_SECONDS,
    });
    expect(verify('sha256', Buffer.from(`${header}.${payload}`), createPublicKey(rsa.privateKey), Buffer.from(signature, 'base64url'))).toBe(true);
  });
});

describe('parseSfdxAuthUrl', () => {
  it('splits the four parts and keeps secrets wrapped', () => {
    const auth = parseSfdxAuthUrl(new Secret('force://PlatformCLI::5Aep861refresh.token@acme.my.salesforce.com'));
    expect(typeof auth).toBe('object');
    if (typeof auth === 'string' || auth.method !== 'sfdx-auth-url') throw new Error('not parsed');
    expect(auth.clientId).toBe('PlatformCLI');
    expect(auth.clientSecret).toBeUndefined();
    expect(auth.refreshToken.reveal()).toBe('5Aep861refresh.token');
    expect(auth.instanceUrl).toBe('https://acme.my.salesforce.com');
  });

  it('keeps an explicit scheme and a client secret', () => {
    const auth = parseSfdxAuthUrl(new Secret('force://id:sec:tok@http://127.0.0.1:4000'));
    if (typeof auth === 'string' || auth.method !== 'sfdx-auth-url') throw new Error('not parsed');
    expect(auth.clientSecret?.reveal()).toBe('sec');
    expect(auth.instanceUrl).toBe('http://127.0.0.1:4000');
  });

  it('describes a malformed URL without quoting it', () => {
    const problem = parseSfdxAuthUrl(new Secret('https://not-force-url-9931'));
    expect(problem).toMatch(/is not an SFDX auth URL/);
    expect(problem).not.toContain('9931');
  });
});
