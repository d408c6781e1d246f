/**
 * The only module that calls jsforce. It logs in with the org's method, reads who it logged in
 * as, and logs out again so verification leaves no live session behind.
 */
import type { Connection as ConnectionType } from 'jsforce';
import type { ResolvedOrg } from '../resolve/resolve.js';
import { checkEndpoint, type HostPolicy } from './host-policy.js';

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
    const request = (await import('jsforce/lib/request.js')) as unknown as {
      setDefaults(defaults: { httpProxy?: string; timeout?: number; followRedirect?: boolean }): void;
    };
    request.setDefaults({ timeout: timeoutMs, followRedirect: false });
    const { Connection } = await import('jsforce');
    return { Connection };
  })();
  return jsforce;
}

export interface LoginOptions {
  readonly policy: HostPolicy;
  /** Where to connect: the login URL or its --connect-to mapping. */
  readonly target: URL;
  readonly timeoutMs: number;
  /** Proxy for https targets that are not loopback, from the user's environment. */
  readonly httpsProxy?: string;
}

export interface LoginIdentity {
  readonly userId: string;
  readonly organizationId: string;
  readonly instanceUrl: string;
  readonly username?: string;
  readonly organizationName?: string;
  readonly sandbox?: boolean;
  /** Problems after a successful login, such as a post-login call that failed. */
  readonly warnings: readonly string[];
}

/** Logs in to one org and returns who it logged in as; throws what jsforce throws on failure. */
export async function login(org: ResolvedOrg, options: LoginOptions): Promise<LoginIdentity> {
  const { Connection } = await loadJsforce(options.timeoutMs);
  const loginUrl = options.target.origin;
  const useProxy = options.httpsProxy !== undefined && options.target.protocol === 'https:';
  const common = {
    loginUrl,
    version: org.apiVersion,
    // Explicit, so JSFORCE_LOG_LEVEL=DEBUG in the environment cannot print the SOAP response.
    logLevel: 'NONE' as const,
    ...(useProxy ? { httpProxy: options.httpsProxy } : {}),
  };

  let conn: ConnectionType;
  if (org.auth.method === 'soap-password') {
    conn = new Connection(common);
    const password = org.auth.password.reveal() + (org.auth.securityToken?.reveal() ?? '');
    await conn.login(org.auth.username, password);
  } else {
    conn = new Connection({
      ...common,
      oauth2: { clientId: org.auth.clientId, clientSecret: org.auth.clientSecret.reveal(), loginUrl },
    });
    await conn.authorize({ grant_type: 'client_credentials' });
  }

  const identity = await describeSession(conn, options.policy);
  await logout(conn);
  return identity;
}

/** Reads the username, org name and sandbox flag with the new session. */
async function describeSession(conn: ConnectionType, policy: HostPolicy): Promise<LoginIdentity> {
  const userInfo = conn.userInfo;
  if (!userInfo?.id || !userInfo.organizationId || !conn.instanceUrl) {
    throw new Error('could not extract session information from login response');
  }
  const base = { userId: userInfo.id, organizationId: userInfo.organizationId, instanceUrl: conn.instanceUrl };
  const warnings: string[] = [];

  // The token goes only where credentials may go; a login response cannot redirect it.
  const instance = checkEndpoint(new URL(conn.instanceUrl), policy);
  if (!instance.ok) {
    return { ...base, warnings: [`did not read org details: instance URL refused: ${instance.reason}`] };
  }

  let username: string | undefined;
  const identityUrl = userInfo.url ? safeUrl(userInfo.url) : undefined;
  if (identityUrl && checkEndpoint(identityUrl, policy).ok) {
    try {
      const identity = await conn.identity();
      username = identity.username;
    } catch (error) {
      warnings.push(`could not read the identity URL: ${describe(error)}`);
    }
  }

  let organizationName: string | undefined;
  let sandbox: boolean | undefined;
  try {
    const result = await conn.query<{ Name: string; IsSandbox: boolean }>('SELECT Id, Name, IsSandbox FROM Organization');
    const record = result.records[0];
    if (record) {
      organizationName = record.Name;
      sandbox = record.IsSandbox;
    }
  } catch (error) {
    warnings.push(`could not read the Organization record: ${describe(error)}`);
  }

  return {
    ...base,
    ...(username !== undefined ? { username } : {}),
    ...(organizationName !== undefined ? { organizationName } : {}),
    ...(sandbox !== undefined ? { sandbox } : {}),
    warnings,
  };
}

/** Ends the session: SOAP logout for SOAP sessions, token revocation for OAuth ones. */
async function logout(conn: ConnectionType): Promise<void> {
  try {
    // With `false`, jsforce revokes the access token of an OAuth session (the client
    // credentials flow issues no refresh token) and calls SOAP logout() for a SOAP session.
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
