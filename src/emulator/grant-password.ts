/**
 * The OAuth 2.0 username-password grant: a connected app sends a user's username and password
 * (with the security token appended).
 */

import { checkCredentials } from './credentials.js';
import { authenticateClient, forcedError, OAUTH_ERRORS, type GrantHandler } from './oauth-common.js';

export const passwordGrant: GrantHandler = (context) => {
  const client = authenticateClient(context, 'password');
  if (!client.ok) return client;

  const { state, listener } = context.request;
  const username = context.params.get('username') ?? '';
  const password = context.params.get('password') ?? '';
  const check = checkCredentials(state, listener, username, password);

  // Salesforce sends the same description for every rejected user, whatever the reason.
  // NOTE: an expired password is rejected here too, although no captured response shows
  // whether Salesforce rejects it or issues a restricted token.
  if (!check.ok || check.org !== client.org || check.user.passwordExpired) {
    return OAUTH_ERRORS.authenticationFailure;
  }
  const forced = forcedError(check.org, client.app, check.user);
  if (forced) return forced;
  // The username-password flow grants no scopes, so its response has no `scope`.
  return { ok: true, org: check.org, user: check.user, app: client.app, scope: undefined };
};
