/**
 * Types and checks shared by the OAuth 2.0 grant handlers of the token endpoint.
 */

import type { EmulatorApp, EmulatorOrg, EmulatorUser, OAuthFlow } from './config.js';
import { orgsServedBy, type EmulatorRequest } from './context.js';
import { OAUTH_ERROR_SWITCHES } from './oauth-errors.js';

/** An OAuth error: `{"error": …, "error_description": …}` with an HTTP status. */
export interface OAuthError {
  readonly status: number;
  readonly error: string;
  readonly description: string;
}

/** Client credentials from the form body (`client_id`, `client_secret`) or from HTTP Basic authentication. */
export interface ClientCredentials {
  readonly clientId: string | undefined;
  readonly clientSecret: string | undefined;
}

export interface GrantContext {
  readonly request: EmulatorRequest;
  /** Form parameters of the token request. */
  readonly params: URLSearchParams;
  readonly client: ClientCredentials;
}

/** A grant that succeeded: whom the token acts for and what it may do. */
export interface GrantSuccess {
  readonly ok: true;
  readonly org: EmulatorOrg;
  readonly user: EmulatorUser;
  readonly app: EmulatorApp;
  /** Space-separated granted scopes, or undefined for flows whose response carries no `scope`. */
  readonly scope: string | undefined;
}

export type GrantResult = GrantSuccess | { readonly ok: false; readonly error: OAuthError };

/**
 * Handles one `grant_type`. A new grant type (such as the JWT bearer or refresh token grant)
 * is one new handler and one entry in the token endpoint's registry.
 */
export type GrantHandler = (context: GrantContext) => GrantResult;

export function grantError(error: string, description: string, status = 400): { ok: false; error: OAuthError } {
  return { ok: false, error: { status, error, description } };
}

/** The wire strings Salesforce uses for the common token endpoint errors. */
export const OAUTH_ERRORS = {
  unknownClient: grantError('invalid_client_id', 'client identifier invalid'),
  wrongSecret: grantError('invalid_client', 'invalid client credentials'),
  flowNotAllowed: grantError('unsupported_grant_type', 'grant type not supported'),
  authenticationFailure: grantError('invalid_grant', 'authentication failure'),
  wrongDomain: grantError('invalid_grant', 'request not supported on this domain'),
  invalidAssertion: grantError('invalid_grant', 'invalid assertion'),
  notApproved: grantError('invalid_grant', "user hasn't approved this consumer"),
  // NOTE: sf CLI surfaces "audience is invalid" verbatim, and a Salesforce help page shows
  // "Audience validation failed"; which one the token endpoint sends today is unverified.
  audienceInvalid: grantError('invalid_grant', 'audience is invalid'),
  expiredToken: grantError('invalid_grant', 'expired access/refresh token'),
} as const;

/** Finds the connected app with `clientId` among the apps of the orgs that the receiving host serves. */
export function findClientApp(
  context: GrantContext,
  clientId: string | undefined,
): { org: EmulatorOrg; app: EmulatorApp } | undefined {
  const { state, listener } = context.request;
  for (const org of orgsServedBy(state, listener)) {
    const app = org.apps.find((candidate) => candidate.clientId === clientId);
    if (app) return { org, app };
  }
  return undefined;
}

/**
 * Finds the connected app with the request's client id among the apps of the orgs that the
 * receiving host serves, and checks its secret and that it allows `flow`. An app logs in only
 * users of its own org.
 */
export function authenticateClient(
  context: GrantContext,
  flow: OAuthFlow,
): { ok: true; org: EmulatorOrg; app: EmulatorApp } | { ok: false; error: OAuthError } {
  const found = findClientApp(context, context.client.clientId);
  if (!found) return OAUTH_ERRORS.unknownClient;
  if (context.client.clientSecret !== found.app.clientSecret) return OAUTH_ERRORS.wrongSecret;
  if (!found.app.flows.includes(flow)) return OAUTH_ERRORS.flowNotAllowed;
  return { ok: true, ...found };
}

/**
 * Returns the OAuth error that the emulator file forces on this org, app or user, or undefined.
 * The org's switch wins over the app's, and the app's over the user's.
 */
export function forcedError(org: EmulatorOrg, app: EmulatorApp, user: EmulatorUser): { ok: false; error: OAuthError } | undefined {
  const name = org.oauthError ?? app.oauthError ?? user.oauthError;
  if (!name) return undefined;
  const forced = OAUTH_ERROR_SWITCHES[name];
  return grantError(forced.error, forced.description);
}
