/**
 * The identity URL `/id/<orgId>/<userId>` and the OpenID Connect endpoint
 * `/services/oauth2/userinfo`. Both take the token as a Bearer header or as the `oauth_token`
 * query parameter, which is how jsforce's `identity()` sends it.
 */

import { API_VERSION_PATTERN } from '../salesforce/api-versions.js';
import type { EmulatorOrg, EmulatorUser } from './config.js';
import {
  bearerToken,
  jsonResponse,
  myDomainListener,
  restErrorResponse,
  textResponse,
  type EmulatorRequest,
  type EmulatorResponse,
} from './context.js';
import { EXPIRED_PASSWORD_MESSAGE } from './rest.js';
import type { Session } from './sessions.js';

/** Offset of America/Los_Angeles from UTC in winter, in milliseconds; every emulated user lives there. */
const UTC_OFFSET_MS = -8 * 60 * 60 * 1000;

/** The fixed date every emulated user record was last changed. */
const LAST_MODIFIED = '2025-01-01T00:00:00.000+0000';

/**
 * Serves the identity URL. Errors are plain-text codes, as Salesforce sends them for this
 * endpoint (403 for token problems, 404 for unknown ids), not REST error arrays.
 */
export function handleIdentity(request: EmulatorRequest): EmulatorResponse {
  const [orgId = '', userId = ''] = request.path.split('/').slice(2);
  const found = identitySession(request);
  if ('response' in found) return found.response;
  const { org } = found;

  if (orgId.slice(0, 15) !== org.organizationId.slice(0, 15)) return textResponse(403, 'Wrong_Org');
  const user = org.users.find((candidate) => candidate.userId.slice(0, 15) === userId.slice(0, 15) && userId.length >= 15);
  if (!user) return textResponse(404, 'Bad_Id');

  const idUrl = `${request.listener.url}/id/${org.organizationId}/${user.userId}`;
  const body = {
    id: idUrl,
    asserted_user: user === found.user,
    user_id: user.userId,
    organization_id: org.organizationId,
    username: user.username,
    nick_name: nickName(user),
    display_name: user.fullName,
    email: user.email,
    email_verified: true,
    first_name: firstName(user),
    last_name: lastName(user),
    timezone: 'America/Los_Angeles',
    photos: photos(request, org, user),
    addr_street: null,
    addr_city: null,
    addr_state: null,
    addr_country: null,
    addr_zip: null,
    mobile_phone: null,
    mobile_phone_verified: false,
    is_lightning_login_user: false,
    status: { created_date: null, body: null },
    urls: urls(request, org, user),
    active: true,
    user_type: 'STANDARD',
    language: 'en_US',
    locale: 'en_US',
    utcOffset: UTC_OFFSET_MS,
    last_modified_date: LAST_MODIFIED,
    is_app_installed: true,
  };
  return jsonResponse(200, body, `identity: user=${user.username}`);
}

/** Serves the OpenID Connect UserInfo endpoint for the token's own user. */
export function handleUserInfo(request: EmulatorRequest): EmulatorResponse {
  const found = identitySession(request);
  if ('response' in found) return found.response;
  const { org, user } = found;

  const body = {
    sub: found.identityUrl,
    user_id: user.userId,
    organization_id: org.organizationId,
    preferred_username: user.username,
    nickname: nickName(user),
    name: user.fullName,
    email: user.email,
    email_verified: true,
    given_name: firstName(user),
    family_name: lastName(user),
    zoneinfo: 'America/Los_Angeles',
    photos: photos(request, org, user),
    profile: `${myDomainListener(request.state, org).url}/${user.userId}`,
    picture: photos(request, org, user).picture,
    address: {},
    is_salesforce_integration_user: false,
    urls: urls(request, org, user),
    active: true,
    user_type: 'STANDARD',
    language: 'en_US',
    locale: 'en_US',
    utcOffset: UTC_OFFSET_MS,
    updated_at: LAST_MODIFIED,
    is_app_installed: true,
  };
  return jsonResponse(200, body, `userinfo: user=${user.username}`);
}

function identitySession(request: EmulatorRequest): Session | { response: EmulatorResponse } {
  const token = request.query.get('oauth_token') ?? bearerToken(request.headers);
  if (!token) return { response: textResponse(403, 'Missing_OAuth_Token') };
  const session = request.state.sessions.find(token);
  if (!session) return { response: textResponse(403, 'Bad_OAuth_Token') };
  if (session.restricted) {
    return { response: restErrorResponse(401, 'INVALID_OPERATION_WITH_EXPIRED_PASSWORD', EXPIRED_PASSWORD_MESSAGE) };
  }
  return session;
}

/**
 * Returns the API URLs of the user's org. They keep the literal `{version}` placeholder unless
 * the request names a version (or `latest`).
 */
function urls(request: EmulatorRequest, org: EmulatorOrg, user: EmulatorUser): Record<string, string> {
  const requested = request.query.get('version');
  const version =
    requested === 'latest' ? org.maxApiVersion : requested && API_VERSION_PATTERN.test(requested) ? requested : '{version}';
  const origin = myDomainListener(request.state, org).url;
  const org15 = org.organizationId.slice(0, 15);
  const data = `${origin}/services/data/v${version}`;
  return {
    enterprise: `${origin}/services/Soap/c/${version}/${org15}`,
    metadata: `${origin}/services/Soap/m/${version}/${org15}`,
    partner: `${origin}/services/Soap/u/${version}/${org15}`,
    rest: `${data}/`,
    sobjects: `${data}/sobjects/`,
    search: `${data}/search/`,
    query: `${data}/query/`,
    recent: `${data}/recent/`,
    tooling_soap: `${origin}/services/Soap/T/${version}/${org15}`,
    tooling_rest: `${data}/tooling/`,
    profile: `${origin}/${user.userId}`,
    feeds: `${data}/chatter/feeds`,
    groups: `${data}/chatter/groups`,
    users: `${data}/chatter/users`,
    feed_items: `${data}/chatter/feed-items`,
    feed_elements: `${data}/chatter/feed-elements`,
    custom_domain: origin,
  };
}

function photos(request: EmulatorRequest, org: EmulatorOrg, user: EmulatorUser): { picture: string; thumbnail: string } {
  const base = `${myDomainListener(request.state, org).url}/profilephoto/${user.userId.slice(0, 15)}`;
  return { picture: `${base}/F`, thumbnail: `${base}/T` };
}

function nickName(user: EmulatorUser): string {
  return user.username.split('@')[0]!;
}

function firstName(user: EmulatorUser): string {
  const space = user.fullName.lastIndexOf(' ');
  return space < 0 ? '' : user.fullName.slice(0, space);
}

function lastName(user: EmulatorUser): string {
  return user.fullName.slice(user.fullName.lastIndexOf(' ') + 1);
}
