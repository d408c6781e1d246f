/**
 * The OAuth 2.0 endpoints `/services/oauth2/token` and `/services/oauth2/revoke`.
 */

import { createHmac } from 'node:crypto';

import { jsonResponse, myDomainListener, textResponse, type EmulatorRequest, type EmulatorResponse } from './context.js';
import { clientCredentialsGrant } from './grant-client-credentials.js';
import { jwtBearerGrant } from './grant-jwt-bearer.js';
import { passwordGrant } from './grant-password.js';
import { refreshTokenGrant } from './grant-refresh-token.js';
import { OAUTH_ERRORS, type ClientCredentials, type GrantHandler, type OAuthError } from './oauth-common.js';

/** Grant handlers by `grant_type`. Any other value gets `unsupported_grant_type`. */
const GRANT_HANDLERS: ReadonlyMap<string, GrantHandler> = new Map([
  ['client_credentials', clientCredentialsGrant],
  ['password', passwordGrant],
  ['refresh_token', refreshTokenGrant],
  ['urn:ietf:params:oauth:grant-type:jwt-bearer', jwtBearerGrant],
]);

export function handleToken(request: EmulatorRequest): EmulatorResponse {
  if (request.method !== 'POST') {
    return oauthErrorResponse({ status: 400, error: 'invalid_request', description: 'must use HTTP POST' });
  }

  const params = readFormParameters(request);
  const grantType = params.get('grant_type') ?? '';
  const handler = GRANT_HANDLERS.get(grantType);
  // A missing grant_type gets the same error as an unknown one, although Salesforce may send
  // invalid_request for it instead.
  if (!handler) return oauthErrorResponse(OAUTH_ERRORS.flowNotAllowed.error, `grant_type=${grantType || '(none)'}`);

  const result = handler({ request, params, client: clientCredentials(request, params) });
  if (!result.ok) return oauthErrorResponse(result.error, `grant_type=${grantType} client_id=${params.get('client_id') ?? ''}`);

  const { org, user, app, scope } = result;
  const session = request.state.sessions.create({
    org,
    user,
    origin: `oauth:${grantType}`,
    restricted: false,
    identityUrl: `${request.listener.url}/id/${org.organizationId}/${user.userId}`,
  });
  const issuedAt = String(session.issuedAt);
  const signature = createHmac('sha256', app.clientSecret)
    .update(session.identityUrl + issuedAt)
    .digest('base64');
  const instanceUrl = myDomainListener(request.state, org).url;

  // Key order of current Salesforce responses.
  const body = {
    access_token: session.token,
    signature,
    ...(scope === undefined ? {} : { scope }),
    instance_url: instanceUrl,
    id: session.identityUrl,
    token_type: 'Bearer',
    issued_at: issuedAt,
  };
  const response = jsonResponse(200, body, `token issued: grant_type=${grantType} app=${app.name} user=${user.username} org=${org.organizationId}`);
  // Tokens must not be cached by anything between client and server (RFC 6749 section 5.1).
  return { ...response, headers: { ...response.headers, 'Cache-Control': 'no-store', Pragma: 'no-cache' } };
}

/**
 * Revokes an access token or session id, which stops working at once. Errors are
 * form-encoded, because Salesforce sends them that way and jsforce parses them that way.
 */
export function handleRevoke(request: EmulatorRequest): EmulatorResponse {
  if (request.method !== 'POST' && request.method !== 'GET') {
    return formErrorResponse('invalid_request', 'must use HTTP POST or GET', 'revoke: wrong method');
  }
  const params = request.method === 'POST' ? readFormParameters(request) : request.query;
  const token = params.get('token');

  // Salesforce returns this pair when the token parameter is missing or malformed.
  if (!token) return formErrorResponse('unsupported_token_type', 'this token type is not supported', 'revoke: no token');

  const session = request.state.sessions.find(token);
  if (!session) {
    // Salesforce documents this error code for invalid tokens, but the description is the emulator's own.
    return formErrorResponse('invalid_token', 'invalid token', 'revoke: unknown token');
  }
  request.state.sessions.end(token);
  return { ...textResponse(200, ''), outcome: `revoked: user=${session.user.username}` };
}

/**
 * Reads the form parameters of a request. Query parameters count too, because Salesforce
 * accepts them, but the body wins.
 */
function readFormParameters(request: EmulatorRequest): URLSearchParams {
  const params = new URLSearchParams(request.query);
  const mediaType = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (mediaType === 'application/x-www-form-urlencoded') {
    for (const [name, value] of new URLSearchParams(request.body.toString('utf8'))) params.set(name, value);
  }
  return params;
}

/**
 * Reads the client id and secret from the form, or else from HTTP Basic authentication, where
 * RFC 6749 section 2.3.1 has both form-encoded before Base64.
 */
function clientCredentials(request: EmulatorRequest, params: URLSearchParams): ClientCredentials {
  const basic = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(request.headers.authorization ?? '');
  let basicId: string | undefined;
  let basicSecret: string | undefined;
  if (basic) {
    const decoded = Buffer.from(basic[1]!, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon >= 0) {
      basicId = formDecode(decoded.slice(0, colon));
      basicSecret = formDecode(decoded.slice(colon + 1));
    }
  }
  return {
    clientId: params.get('client_id') ?? basicId,
    clientSecret: params.get('client_secret') ?? basicSecret,
  };
}

function formDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

function oauthErrorResponse(error: OAuthError, detail?: string): EmulatorResponse {
  // Key order of current Salesforce responses: error, then error_description.
  return jsonResponse(
    error.status,
    { error: error.error, error_description: error.description },
    `OAuth error ${error.error}${detail ? `: ${detail}` : ''}`,
  );
}

function formErrorResponse(error: string, description: string, outcome: string): EmulatorResponse {
  const body = `error=${encodeURIComponent(error)}&error_description=${encodeURIComponent(description)}`;
  return { ...textResponse(400, body, 'application/x-www-form-urlencoded;charset=UTF-8'), outcome };
}
