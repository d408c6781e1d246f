/**
 * Types and checks shared by the OAuth 2.0 grant handlers of the token endpoint.
 */

import type { EmulatorApp, EmulatorOrg, EmulatorUser } from './config.js';
import { orgsServedBy, type EmulatorRequest } from './context.js';

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
} as const;

/**
 * Finds the connected app with `clientId` among the apps of the orgs that the receiving host
 * serves, and checks its secret and that it allows `flow`. An app logs in only users of its
 * own org.
 */
export function authenticateClient(
  context: GrantContext,
  flow: EmulatorApp['flows'][number],
): { ok: true; org: EmulatorOrg; app: EmulatorApp } | { ok: false; error: OAuthError } {
  const { clientId, clientSecret } = context.client;
  const { state, listener } = context.request;

  for (const org of orgsServedBy(state, listener)) {
    const app = org.apps.find((candidate) => candidate.clientId === clientId);
    if (!app) continue;
    if (clientSecret !== app.clientSecret) return OAUTH_ERRORS.wrongSecret;
    if (!app.flows.includes(flow)) return OAUTH_ERRORS.flowNotAllowed;
    return { ok: true, org, app };
  }
  return OAUTH_ERRORS.unknownClient;
}
