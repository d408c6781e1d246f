/**
 * The JWT bearer flow's assertion: key checks before any request, and RS256 signing with
 * node:crypto. Claims follow Salesforce's OAuth 2.0 JWT bearer flow: iss is the client id, sub
 * the username, aud the login host, and exp at most three minutes ahead.
 */
import { createPrivateKey, sign, X509Certificate, type KeyObject } from 'node:crypto';
import type { Secret } from '../resolve/secret.js';
import { VerificationError } from './verification-error.js';

/** Seconds until the assertion expires; Salesforce requires at most three minutes. */
export const ASSERTION_LIFETIME_SECONDS = 180;

export interface KeySource {
  readonly privateKey?: Secret;
  readonly privateKeyFile?: string;
  readonly certificateFile?: string;
}

/**
 * Loads and checks the private key (and the certificate, when given): readable, a private key,
 * RSA, matching the certificate, certificate not expired. Messages never include key text.
 */
export function loadSigningKey(source: KeySource, readFile: (file: string) => string, now: Date): KeyObject {
  let pem: string;
  if (source.privateKey) {
    // CI secret stores often keep PEM text on one line with literal \n sequences.
    const text = source.privateKey.reveal();
    pem = text.includes('\n') ? text : text.replace(/\\n/g, '\n');
  } else if (source.privateKeyFile) {
    try {
      pem = readFile(source.privateKeyFile);
    } catch (error) {
      throw new VerificationError('INVALID_PRIVATE_KEY', `cannot read the private key file ${source.privateKeyFile}: ${describeReadError(error)}`);
    }
  } else {
    throw new VerificationError('INVALID_PRIVATE_KEY', 'no private key: set auth.privateKey or auth.privateKeyFile');
  }

  let key: KeyObject;
  try {
    key = createPrivateKey({ key: pem, format: 'pem' });
  } catch {
    const hint = /BEGIN CERTIFICATE|BEGIN PUBLIC KEY/.test(pem)
      ? 'it is a certificate or public key; give the private key instead'
      : /ENCRYPTED/.test(pem)
        ? 'it is encrypted with a passphrase; give the unencrypted key'
        : 'it is not a PEM private key';
    throw new VerificationError('INVALID_PRIVATE_KEY', `the JWT private key cannot be used: ${hint}`);
  }
  if (key.asymmetricKeyType !== 'rsa') {
    throw new VerificationError('INVALID_PRIVATE_KEY', `the JWT private key is ${key.asymmetricKeyType ?? 'not asymmetric'}; the RS256 signature Salesforce checks needs an RSA key`);
  }

  if (source.certificateFile) checkCertificate(source.certificateFile, key, readFile, now);
  return key;
}

function checkCertificate(file: string, key: KeyObject, readFile: (file: string) => string, now: Date): void {
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(readFile(file));
  } catch (error) {
    throw new VerificationError('INVALID_PRIVATE_KEY', `cannot read the certificate file ${file}: ${describeReadError(error)}`);
  }
  if (new Date(certificate.validTo) < now) {
    throw new VerificationError('CERTIFICATE_EXPIRED', `the certificate ${file} expired on ${new Date(certificate.validTo).toISOString().slice(0, 10)}`);
  }
  if (!certificate.checkPrivateKey(key)) {
    throw new VerificationError('CERTIFICATE_KEY_MISMATCH', `the private key does not belong to the certificate ${file}`);
  }
}

export interface AssertionClaims {
  readonly clientId: string;
  readonly username: string;
  readonly audience: string;
}

/** Returns a signed RS256 JWT for the bearer flow. */
export function signAssertion(claims: AssertionClaims, key: KeyObject, now: Date): string {
  const header = { alg: 'RS256' };
  const payload = {
    iss: claims.clientId,
    sub: claims.username,
    aud: claims.audience,
    exp: Math.floor(now.getTime() / 1000) + ASSERTION_LIFETIME_SECONDS,
  };
  const encode = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  const signingInput = `${encode(header)}.${encode(payload)}`;
  const signature = sign('sha256', Buffer.from(signingInput), key).toString('base64url');
  return `${signingInput}.${signature}`;
}

/** Describes a file read failure without repeating the path the message already names. */
function describeReadError(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a directory';
  return error instanceof Error ? error.message : String(error);
}
