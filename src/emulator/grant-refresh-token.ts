/**
 * The OAuth 2.0 refresh token grant: a connected app exchanges a refresh token that it issued
 * earlier for a new access token. As on Salesforce without refresh token rotation, the
 * response carries no new refresh token.
 */

import { findClientApp, forcedError, OAUTH_ERRORS, type GrantHandler } from './oauth-common.js';

export const refreshTokenGrant: GrantHandler = (context) => {
  const { clientId, clientSecret } = context.client;
  const found = findClientApp(context, clientId);
  if (!found) return OAUTH_ERRORS.unknownClient;
  const { org, app } = found;

  // A secret that is sent must be right even when the app does not require one.
  // NOTE: the error for a missing secret when the app requires one is unverified; the
  // emulator sends the one for a wrong secret.
  if (clientSecret !== undefined ? clientSecret !== app.clientSecret : app.requireSecret) return OAUTH_ERRORS.wrongSecret;
  if (!app.flows.includes('refresh_token')) return OAUTH_ERRORS.flowNotAllowed;

  const token = context.params.get('refresh_token') ?? '';
  const issued = app.refreshTokens.find((candidate) => candidate.token === token);
  if (!issued || issued.revoked) return OAUTH_ERRORS.expiredToken;
  const user = org.users.find((candidate) => candidate.username === issued.user);
  if (!user) return OAUTH_ERRORS.expiredToken;

  return forcedError(org, app, user) ?? { ok: true, org, user, app, scope: app.scopes.join(' ') };
};
