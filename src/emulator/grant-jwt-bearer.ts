/**
 * The OAuth 2.0 JWT bearer grant (RFC 7523): a connected app sends an RS256 assertion signed
 * with the key whose certificate is uploaded to the app, and gets a token for the assertion's
 * subject without any password.
 */

import { verify } from 'node:crypto';

import { PRODUCTION_LOGIN_URL, SANDBOX_LOGIN_URL } from '../salesforce/login-hosts.js';
import type { EmulatorOrg } from './config.js';
import { findClientApp, forcedError, OAUTH_ERRORS, type GrantHandler } from './oauth-common.js';

interface AssertionParts {
  readonly header: Record<string, unknown>;
  readonly claims: Record<string, unknown>;
  readonly signingInput: string;
  readonly signature: Buffer;
}

/**
 * Checks the assertion in the order that reveals least: its form, the issuer (the app), the
 * signature, the expiry, the subject, the audience, and last the user's pre-authorization.
 */
export const jwtBearerGrant: GrantHandler = (context) => {
  const assertion = parseAssertion(context.params.get('assertion') ?? '');
  if (!assertion) return OAUTH_ERRORS.invalidAssertion;
  const { header, claims } = assertion;

  const found = findClientApp(context, typeof claims.iss === 'string' ? claims.iss : undefined);
  if (!found) return OAUTH_ERRORS.unknownClient;
  const { org, app } = found;
  if (!app.flows.includes('jwt_bearer')) return OAUTH_ERRORS.flowNotAllowed;

  if (header.alg !== 'RS256' || !app.certificate) return OAUTH_ERRORS.invalidAssertion;
  if (!verify('sha256', Buffer.from(assertion.signingInput), app.certificate, assertion.signature)) {
    return OAUTH_ERRORS.invalidAssertion;
  }

  // Salesforce accepts an exp in milliseconds (sfdx-core signs Date.now() + 300), so only a
  // missing or past expiry is rejected, never a far-future one.
  // NOTE: no captured response shows the description for an expired assertion; the emulator
  // sends "invalid assertion".
  if (typeof claims.exp !== 'number' || claims.exp * 1000 < Date.now()) return OAUTH_ERRORS.invalidAssertion;

  const subject = typeof claims.sub === 'string' ? claims.sub.toLowerCase() : '';
  const user = org.users.find((candidate) => candidate.username.toLowerCase() === subject);
  // NOTE: the description for a subject that is no user of the org is unverified; the
  // emulator sends the one Salesforce sends for a user who may not use the app.
  if (!user) return OAUTH_ERRORS.notApproved;

  const audienceCheck = checkAudience(claims.aud, org);
  if (audienceCheck === 'other-generic-host') return OAUTH_ERRORS.notApproved;
  if (audienceCheck === 'invalid') return OAUTH_ERRORS.audienceInvalid;

  const approved = app.preAuthorizedUsers === 'all' || app.preAuthorizedUsers.includes(user.username);
  if (!approved) return OAUTH_ERRORS.notApproved;

  return forcedError(org, app, user) ?? { ok: true, org, user, app, scope: app.scopes.join(' ') };
};

/** Splits and decodes a compact JWS. Returns undefined for anything that is not one. */
function parseAssertion(assertion: string): AssertionParts | undefined {
  const parts = assertion.split('.');
  if (parts.length !== 3 || parts.some((part) => !/^[A-Za-z0-9_-]+$/.test(part))) return undefined;
  const [encodedHeader, encodedClaims, encodedSignature] = parts as [string, string, string];
  const header = decodeJsonObject(encodedHeader);
  const claims = decodeJsonObject(encodedClaims);
  if (!header || !claims) return undefined;
  return { header, claims, signingInput: `${encodedHeader}.${encodedClaims}`, signature: Buffer.from(encodedSignature, 'base64url') };
}

function decodeJsonObject(part: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Compares `aud` with the audiences the org accepts: login.salesforce.com for production
 * orgs, test.salesforce.com for sandboxes, and the org's My Domain URL. The generic host of
 * the other kind of org is told apart, because Salesforce answers it with "user hasn't
 * approved this consumer" rather than an audience error.
 */
function checkAudience(aud: unknown, org: EmulatorOrg): 'ok' | 'other-generic-host' | 'invalid' {
  const audiences = typeof aud === 'string' ? [aud] : Array.isArray(aud) ? aud.filter((item): item is string => typeof item === 'string') : [];
  const own = org.sandbox ? SANDBOX_LOGIN_URL : PRODUCTION_LOGIN_URL;
  const other = org.sandbox ? PRODUCTION_LOGIN_URL : SANDBOX_LOGIN_URL;
  const accepted = [own, `https://${org.myDomain}`];
  if (audiences.some((audience) => accepted.includes(audience))) return 'ok';
  if (audiences.includes(other)) return 'other-generic-host';
  return 'invalid';
}
