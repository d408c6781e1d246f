/**
 * The OAuth 2.0 client credentials grant: a connected app logs in as its run-as user.
 */

import { authenticateClient, forcedError, grantError, OAUTH_ERRORS, type GrantHandler } from './oauth-common.js';

export const clientCredentialsGrant: GrantHandler = (context) => {
  // Salesforce serves this grant only on an org's My Domain, because the generic hosts cannot
  // tell which org's app is meant before the client is authenticated.
  if (context.request.listener.kind !== 'my-domain') return OAUTH_ERRORS.wrongDomain;

  const client = authenticateClient(context, 'client_credentials');
  if (!client.ok) return client;
  const { org, app } = client;

  const user = org.users.find((candidate) => candidate.username === app.runAs);
  if (!user) {
    // NOTE: no captured response confirms this description for an app without a run-as user.
    return grantError('invalid_grant', 'no client credentials user enabled');
  }
  return forcedError(org, app, user) ?? { ok: true, org, user, app, scope: app.scopes.join(' ') };
};
