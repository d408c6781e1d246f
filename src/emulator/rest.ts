/**
 * The REST endpoints under `/services/data`: the version list, the resources of a version,
 * SOQL queries on Organization, and limits.
 */

import {
  API_VERSIONS,
  API_VERSION_PATTERN,
  NEWEST_KNOWN_API_VERSION,
  compareApiVersions,
  oldestServedApiVersion,
} from '../salesforce/api-versions.js';
import type { EmulatorOrg } from './config.js';
import {
  bearerToken,
  jsonResponse,
  restErrorResponse,
  type EmulatorRequest,
  type EmulatorResponse,
} from './context.js';
import { runQuery } from './rest-query.js';
import type { Session } from './sessions.js';

/** Resources listed by `GET /services/data/vNN.N/`, in the order Salesforce lists them. */
const RESOURCE_NAMES = [
  'tooling',
  'metadata',
  'eclair',
  'folders',
  'prechatForms',
  'chatter',
  'tabs',
  'appMenu',
  'quickActions',
  'queryAll',
  'commerce',
  'wave',
  'iot',
  'analytics',
  'search',
  'identity',
  'composite',
  'parameterizedSearch',
  'fingerprint',
  'theme',
  'nouns',
  'event',
  'serviceTemplates',
  'recent',
  'connect',
  'licensing',
  'limits',
  'process',
  'async-queries',
  'query',
  'match',
  'emailConnect',
  'compactLayouts',
  'knowledgeManagement',
  'sobjects',
  'actions',
  'support',
];

/** Limits other than DailyApiRequests, as a Developer Edition org reports them when unused. */
const FIXED_LIMITS: Readonly<Record<string, number>> = {
  ConcurrentAsyncGetReportInstances: 200,
  ConcurrentSyncReportRuns: 20,
  DailyAsyncApexExecutions: 250000,
  DailyBulkApiRequests: 5000,
  DailyDurableGenericStreamingApiEvents: 10000,
  DailyDurableStreamingApiEvents: 10000,
  DailyGenericStreamingApiEvents: 10000,
  DailyStreamingApiEvents: 10000,
  DailyWorkflowEmails: 390,
  DataStorageMB: 5,
  DurableStreamingApiConcurrentClients: 20,
  FileStorageMB: 20,
  HourlyAsyncReportRuns: 1200,
  HourlyDashboardRefreshes: 200,
  HourlyDashboardResults: 5000,
  HourlyDashboardStatuses: 999999999,
  HourlyODataCallout: 10000,
  HourlySyncReportRuns: 500,
  HourlyTimeBasedWorkflow: 50,
  MassEmail: 10,
  SingleEmail: 15,
  StreamingApiConcurrentClients: 20,
};

export const SESSION_INVALID_MESSAGE = 'Session expired or invalid';
export const EXPIRED_PASSWORD_MESSAGE = 'Your password has expired. Please reset your password.';

export function handleRest(request: EmulatorRequest): EmulatorResponse {
  const segments = request.path.split('/').slice(3); // after "", "services", "data"
  const allowed = request.method === 'GET' || request.method === 'HEAD';

  if (segments.length === 0) {
    if (!allowed) return methodNotAllowed(request.method);
    return versionList(request);
  }

  const session = authenticate(request);
  if ('response' in session) return session.response;
  const { org } = session;

  const version = /^v(.+)$/.exec(segments[0]!)?.[1] ?? '';
  if (!API_VERSION_PATTERN.test(version) || compareApiVersions(version, org.maxApiVersion) > 0) {
    return notFound();
  }
  if (compareApiVersions(version, oldestServedApiVersion()) < 0) {
    // The status and code are Salesforce's, but the message is the emulator's own.
    return restErrorResponse(410, 'GONE', `API version ${version} has been retired.`, 'code-first');
  }
  if (!allowed) return methodNotAllowed(request.method);

  const resource = segments.slice(1).join('/');
  let response: EmulatorResponse;
  if (resource === '') response = jsonResponse(200, resources(version, session), 'resources');
  else if (resource === 'limits') response = jsonResponse(200, limits(org), 'limits');
  else if (resource === 'query') response = runQuery(request.query.get('q'), version, org);
  else return notFound();

  const used = org.dailyApiRequests.max - org.dailyApiRequests.remaining;
  return { ...response, headers: { ...response.headers, 'Sforce-Limit-Info': `api-usage=${used}/${org.dailyApiRequests.max}` } };
}

/**
 * Resolves the Bearer token of a REST request to its session. A My Domain host accepts only
 * sessions of its own org. Sessions from an expired-password login, and sessions of orgs or
 * users without API access, are refused with the errors Salesforce gives for them.
 */
export function authenticate(request: EmulatorRequest): Session | { response: EmulatorResponse } {
  const session = request.state.sessions.find(bearerToken(request.headers));
  const { listener } = request;
  if (!session || (listener.org && session.org !== listener.org)) {
    return { response: restErrorResponse(401, 'INVALID_SESSION_ID', SESSION_INVALID_MESSAGE) };
  }
  if (session.restricted) {
    return { response: restErrorResponse(401, 'INVALID_OPERATION_WITH_EXPIRED_PASSWORD', EXPIRED_PASSWORD_MESSAGE) };
  }
  if (!session.org.apiEnabled) {
    return { response: restErrorResponse(403, 'API_DISABLED_FOR_ORG', 'The REST API is not enabled for this Organization.') };
  }
  if (!session.user.apiEnabled) {
    return { response: restErrorResponse(403, 'API_CURRENTLY_DISABLED', 'API is disabled for this User') };
  }
  return session;
}

/**
 * Lists the served versions, oldest first. A My Domain host lists its org's versions; the
 * generic hosts list every version up to the newest one known.
 */
function versionList(request: EmulatorRequest): EmulatorResponse {
  const newest = request.listener.org?.maxApiVersion ?? NEWEST_KNOWN_API_VERSION;
  const oldest = oldestServedApiVersion();
  const versions = API_VERSIONS.filter(
    (info) => compareApiVersions(info.version, oldest) >= 0 && compareApiVersions(info.version, newest) <= 0,
  ).map((info) => ({ label: info.release, url: `/services/data/v${info.version}`, version: info.version }));
  return jsonResponse(200, versions, 'version list');
}

function resources(version: string, session: Session): Record<string, string> {
  const map: Record<string, string> = {};
  for (const name of RESOURCE_NAMES) {
    map[name] = name === 'identity' ? session.identityUrl : `/services/data/v${version}/${name}`;
  }
  return map;
}

function limits(org: EmulatorOrg): Record<string, { Max: number; Remaining: number }> {
  const entries: [string, { Max: number; Remaining: number }][] = Object.entries(FIXED_LIMITS).map(([name, max]) => [
    name,
    { Max: max, Remaining: max },
  ]);
  entries.push(['DailyApiRequests', { Max: org.dailyApiRequests.max, Remaining: org.dailyApiRequests.remaining }]);
  // Salesforce lists limits in code-point order of their names.
  entries.sort(([a], [b]) => compareCodePoints(a, b));
  return Object.fromEntries(entries);
}

function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

function notFound(): EmulatorResponse {
  return restErrorResponse(404, 'NOT_FOUND', 'The requested resource does not exist', 'code-first');
}

function methodNotAllowed(method: string): EmulatorResponse {
  const response = restErrorResponse(405, 'METHOD_NOT_ALLOWED', `HTTP Method '${method}' not allowed. Allowed are GET,HEAD`, 'code-first');
  return { ...response, headers: { ...response.headers, Allow: 'GET, HEAD' } };
}
