/**
 * The only module that calls jsforce. It logs in with the org's method, checks what it logged
 * in to, and logs out again so verification leaves no live session behind.
 */
import type { Connection as ConnectionType } from 'jsforce';
import type { ResolvedOrg } from '../resolve/resolve.js';
import { compareApiVersions } from '../salesforce/api-versions.js';
import { bypassesProxy, checkEndpoint, type HostPolicy } from './host-policy.js';
import { loadSigningKey, signAssertion } from './jwt.js';
import { VerificationError } from './verification-error.js';

interface JsforceModule {
  readonly Connection: typeof import('jsforce').Connection;
}

let jsforce: Promise<JsforceModule> | undefined;

/**
 * Loads jsforce once, with transport defaults orgcfg controls: no redirects (jsforce would
 * re-send the Authorization header to the redirect target) and no proxy taken implicitly from
 * the environment (jsforce ignores NO_PROXY, so loopback traffic would go to the proxy).
 */
async function loadJsforce(timeoutMs: number): Promise<JsforceModule> {
  jsforce ??= (async () => {
    // jsforce first: loading it runs its transport module, which replaces the request defaults
    // with its own (the proxy from the environment, no timeout, redirects followed).
    const { Connection } = await import('jsforce');
    const request = (await import('jsforce/lib/request.js')) as unknown as {
      setDefaults(defaults: { httpProxy?: string; timeout?: number; followRedirect?: boolean }): void;
    };
    request.setDefaults({ timeout: timeoutMs, followRedirect: false });
    return { Connection };
  })();
  return jsforce;
}

export interface LoginOptions {
  readonly policy: HostPolicy;
  /** The URL to connect to: the login URL or its --connect-to mapping. */
  readonly target: URL;
  readonly timeoutMs: number;
  /** Proxy for https targets, from the user's environment (HTTPS_PROXY). */
  readonly httpsProxy?: string;
  /** Hosts that bypass the proxy, in NO_PROXY syntax. */
  readonly noProxy?: string;
  /** Reads key and certificate files for the JWT flow. */
  readonly readFile: (file: string) => string;
  readonly now: () => Date;
}

export interface LoginIdentity {
  readonly userId: string;
  readonly organizationId: string;
  readonly instanceUrl: string;
  readonly username?: string;
  readonly organizationName?: string;
  readonly sandbox?: boolean;
  /** Newest API version the org serves, from GET /services/data/. */
  readonly newestApiVersion?: string;
  readonly dailyApiRequests?: { readonly max: number; readonly remaining: number };
  /** Problems after a successful login, such as a post-login call that failed. */
  readonly warnings: readonly string[];
}

/** Logs in to one org, checks it, and logs out; throws what jsforce throws on failure. */
export async function login(org: ResolvedOrg, options: LoginOptions): Promise<LoginIdentity> {
  const { Connection } = await loadJsforce(options.timeoutMs);
  const loginUrl = options.target.origin;
  const useProxy =
    options.httpsProxy !== undefined && options.target.protocol === 'https:' && !bypassesProxy(options.target, options.noProxy);
  const common = {
    loginUrl,
    version: org.apiVersion,
    // Explicit, so JSFORCE_LOG_LEVEL=DEBUG in the environment cannot print the SOAP response.
    logLevel: 'NONE' as const,
    ...(useProxy ? { httpProxy: options.httpsProxy } : {}),
  };
  const auth = org.auth;

  let conn: ConnectionType;
  switch (auth.method) {
    case 'soap-password': {
      conn = new Connection(common);
      await conn.login(auth.username, auth.password.reveal() + (auth.securityToken?.reveal() ?? ''));
      break;
    }
    case 'oauth-password': {
      // jsforce uses the OAuth username-password flow when client id and secret are both set.
      conn = new Connection({ ...common, oauth2: { clientId: auth.clientId, clientSecret: auth.clientSecret.reveal(), loginUrl } });
      await conn.login(auth.username, auth.password.reveal() + (auth.securityToken?.reveal() ?? ''));
      break;
    }
    case 'client-credentials': {
      conn = new Connection({ ...common, oauth2: { clientId: auth.clientId, clientSecret: auth.clientSecret.reveal(), loginUrl } });
      await conn.authorize({ grant_type: 'client_credentials' });
      break;
    }
    case 'jwt': {
      const key = loadSigningKey(auth, options.readFile, options.now());
      const assertion = signAssertion({ clientId: auth.clientId, username: auth.username, audience: auth.audience }, key, options.now());
      conn = new Connection({ ...common, oauth2: { clientId: auth.clientId, loginUrl } });
      await conn.authorize({ grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion });
      break;
    }
    case 'refresh-token':
    case 'sfdx-auth-url': {
      conn = new Connection({
        ...common,
        oauth2: { clientId: auth.clientId, ...(auth.clientSecret ? { clientSecret: auth.clientSecret.reveal() } : {}), loginUrl },
      });
      await conn.authorize({ grant_type: 'refresh_token', refresh_token: auth.refreshToken.reveal() });
      break;
    }
  }

  try {
    return await inspectSession(conn, org, options.policy);
  } finally {
    await logout(conn);
  }
}

/**
 * Reads who and where the session belongs to, then runs the post-login checks: the API
 * version must be served, the expect block must match, and the API allowance is compared
 * with the threshold.
 */
async function inspectSession(conn: ConnectionType, org: ResolvedOrg, policy: HostPolicy): Promise<LoginIdentity> {
  const userInfo = conn.userInfo;
  if (!userInfo?.id || !userInfo.organizationId || !conn.instanceUrl) {
    throw new Error('could not extract session information from login response');
  }
  const base = { userId: userInfo.id, organizationId: userInfo.organizationId, instanceUrl: conn.instanceUrl };
  const warnings: string[] = [];

  // The token goes only where credentials may go; a login response cannot redirect it.
  const instance = checkEndpoint(new URL(conn.instanceUrl), policy);
  if (!instance.ok) {
    const reason = `instance URL refused: ${instance.reason}`;
    // The org id is known from the login itself; username and sandbox need the instance.
    checkExpectations(base, org, reason);
    return { ...base, warnings: [`did not run post-login checks: ${reason}`] };
  }

  const newestApiVersion = await checkApiVersion(conn, org, warnings);
  const username = await readUsername(conn, policy, warnings);
  const organization = await readOrganization(conn, warnings);
  const identity: LoginIdentity = {
    ...base,
    ...(username !== undefined ? { username } : {}),
    ...(organization?.name !== undefined ? { organizationName: organization.name } : {}),
    ...(organization?.sandbox !== undefined ? { sandbox: organization.sandbox } : {}),
    ...(newestApiVersion !== undefined ? { newestApiVersion } : {}),
    warnings,
  };
  checkExpectations(identity, org, warnings.join('; '));
  const dailyApiRequests = await checkLimits(conn, org, warnings);
  return { ...identity, ...(dailyApiRequests ? { dailyApiRequests } : {}) };
}

/** Fails when the org does not serve the configured version; returns the org's newest. */
async function checkApiVersion(conn: ConnectionType, org: ResolvedOrg, warnings: string[]): Promise<string | undefined> {
  let versions: { version: string }[];
  try {
    versions = await conn.request<{ version: string }[]>('/services/data/');
  } catch (error) {
    warnings.push(`could not read the org's API versions: ${describe(error)}`);
    return undefined;
  }
  if (!Array.isArray(versions) || versions.length === 0) return undefined;
  const served = versions.map((entry) => entry.version).sort(compareApiVersions);
  const oldest = served[0]!;
  const newest = served[served.length - 1]!;
  if (!served.includes(org.apiVersion)) {
    const why = compareApiVersions(org.apiVersion, newest) > 0 ? `newer than the org's newest version, ${newest}` : `older than the org's oldest version, ${oldest} (it is retired)`;
    throw new VerificationError('API_VERSION_NOT_SERVED', `the org does not serve apiVersion "${org.apiVersion}": it is ${why}. Set apiVersion to a version from ${oldest} to ${newest}`);
  }
  return newest;
}

async function readUsername(conn: ConnectionType, policy: HostPolicy, warnings: string[]): Promise<string | undefined> {
  const identityUrl = conn.userInfo?.url ? safeUrl(conn.userInfo.url) : undefined;
  if (!identityUrl) return undefined;
  if (!checkEndpoint(identityUrl, policy).ok) {
    warnings.push(`did not read the identity URL: its host ${identityUrl.host} is not an allowed host`);
    return undefined;
  }
  try {
    return (await conn.identity()).username;
  } catch (error) {
    warnings.push(`could not read the identity URL: ${describe(error)}`);
    return undefined;
  }
}

async function readOrganization(conn: ConnectionType, warnings: string[]): Promise<{ name?: string; sandbox?: boolean } | undefined> {
  try {
    const result = await conn.query<{ Name: string; IsSandbox: boolean }>('SELECT Id, Name, IsSandbox FROM Organization');
    const record = result.records[0];
    return record ? { name: record.Name, sandbox: record.IsSandbox } : undefined;
  } catch (error) {
    warnings.push(`could not read the Organization record: ${describe(error)}`);
    return undefined;
  }
}

/**
 * Compares the session with the org's expect block; 15- and 18-character ids both match. A
 * pinned value that could not be read fails too: an unconfirmed pin must not pass a CI gate.
 */
function checkExpectations(identity: Pick<LoginIdentity, 'organizationId' | 'username' | 'sandbox'>, org: ResolvedOrg, whyUnknown: string): void {
  const expected = org.definition.expect;
  if (!expected) return;
  const mismatches: string[] = [];
  const unknown: string[] = [];
  if (expected.organizationId && identity.organizationId.slice(0, 15) !== expected.organizationId.slice(0, 15)) {
    mismatches.push(`org id is ${identity.organizationId}, expected ${expected.organizationId}`);
  }
  if (expected.username) {
    if (identity.username === undefined) unknown.push('expect.username');
    else if (identity.username.toLowerCase() !== expected.username.toLowerCase()) {
      mismatches.push(`username is ${identity.username}, expected ${expected.username}`);
    }
  }
  if (expected.sandbox !== undefined) {
    if (identity.sandbox === undefined) unknown.push('expect.sandbox');
    else if (identity.sandbox !== expected.sandbox) {
      mismatches.push(`the org is ${identity.sandbox ? 'a sandbox' : 'not a sandbox'}, expected ${expected.sandbox ? 'a sandbox' : 'production'}`);
    }
  }
  if (mismatches.length > 0) {
    const refreshHint = org.sandbox && mismatches[0]!.startsWith('org id') ? '. A sandbox refresh gives the sandbox a new org id; if it was refreshed, update expect.organizationId' : '';
    throw new VerificationError('WRONG_ORG', `logged in to a different org: ${mismatches.join('; ')}${refreshHint}`);
  }
  if (unknown.length > 0) {
    throw new VerificationError('EXPECT_NOT_CHECKED', `logged in, but could not confirm ${unknown.join(' and ')}${whyUnknown ? `: ${whyUnknown}` : ''}`);
  }
}

async function checkLimits(conn: ConnectionType, org: ResolvedOrg, warnings: string[]): Promise<{ max: number; remaining: number } | undefined> {
  const threshold = org.definition.limits?.dailyApiRequests;
  if (threshold === undefined) return undefined;
  try {
    const limits = (await conn.limits()) as unknown as Record<string, { Max?: number | string; Remaining?: number | string }>;
    const daily = limits.DailyApiRequests;
    // Current orgs send numbers; the v29-era pilot sent strings, so both are read.
    const max = Number(daily?.Max);
    const remaining = Number(daily?.Remaining);
    if (!Number.isFinite(max) || !Number.isFinite(remaining)) {
      warnings.push('the limits response has no DailyApiRequests entry');
      return undefined;
    }
    if (remaining < threshold) {
      warnings.push(`only ${remaining} of ${max} daily API requests remain, below the threshold of ${threshold} (limits.dailyApiRequests)`);
    }
    return { max, remaining };
  } catch (error) {
    warnings.push(`could not read the org's limits: ${describe(error)}`);
    return undefined;
  }
}

/** Ends the session: SOAP logout for SOAP sessions, token revocation for OAuth ones. */
async function logout(conn: ConnectionType): Promise<void> {
  try {
    // With `false`, jsforce revokes the access token of an OAuth session and calls SOAP
    // logout() for a SOAP session.
    await conn.logout(false);
  } catch {
    // A session that cannot be ended expires on its own (the org's session timeout); the
    // login itself succeeded, which is what verify reports.
  }
}

function safeUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { errorCode?: string }).errorCode ?? error.name;
  return `${code}: ${error.message.split('\n')[0]}`;
}
