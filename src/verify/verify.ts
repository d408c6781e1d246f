/**
 * verify: resolve every selected org, check where its credentials would go, and log in to all
 * of them in parallel. Returns one result per org; never throws for a failed login.
 */
import type { OrgDefinition, Project } from '../project/model.js';
import { findNode, rangeOf } from '../project/yaml-source.js';
import type { Diagnostic } from '../report/diagnostic.js';
import type { OrgError, OrgResult } from '../report/org-result.js';
import { findFault, type FaultInfo } from '../salesforce/faults.js';
import type { Environment } from '../resolve/environment.js';
import { resolveOrg, type ResolvedOrg } from '../resolve/resolve.js';
import { redactSecrets } from '../resolve/secret.js';
import { classifyLoginError } from './classify.js';
import { checkLoginUrl, type HostPolicy } from './host-policy.js';
import { login } from './login.js';

export interface VerifyOptions {
  readonly environment: Environment;
  readonly policy: HostPolicy;
  /** Org names to verify; all orgs when empty or absent. */
  readonly orgNames?: readonly string[];
  /** How many logins run at once. */
  readonly concurrency: number;
  /** Time limit for one org's login and checks, in milliseconds. */
  readonly timeoutMs: number;
  readonly httpsProxy?: string;
  /** Hosts that bypass the proxy, in NO_PROXY syntax. */
  readonly noProxy?: string;
  /** Reads JWT key and certificate files. */
  readonly readFile?: (file: string) => string;
  /** Monotonic clock in milliseconds; injectable for tests. */
  readonly now?: () => number;
  /** Wall clock, for JWT expiry and certificate dates; injectable for tests. */
  readonly clock?: () => Date;
}

export interface VerifyOutcome {
  readonly results: readonly OrgResult[];
  /** Configuration problems: unresolved references, refused hosts, unknown org names. */
  readonly diagnostics: readonly Diagnostic[];
}

/** Verifies the selected orgs of a loaded project. */
export async function verifyProject(project: Project, options: VerifyOptions): Promise<VerifyOutcome> {
  const now = options.now ?? (() => performance.now());
  const diagnostics: Diagnostic[] = [];
  const selected = selectOrgs(project, options.orgNames ?? [], diagnostics);

  const tasks = selected.map((definition) => async (): Promise<OrgResult> => {
    const outcome = resolveOrg(definition, options.environment);
    diagnostics.push(...outcome.diagnostics);
    if (!outcome.org) {
      return skipped(definition, outcome.faultCode ?? 'CONFIG', outcome.diagnostics[0]?.message ?? 'the configuration could not be resolved');
    }

    const hostCheck = checkLoginUrl(outcome.org.loginUrl, options.policy);
    if (!hostCheck.ok) {
      const path = definition.loginUrlOrigin === 'org' ? ['orgs', definition.name, 'loginUrl'] : ['orgs', definition.name];
      const { start, end } = rangeOf(definition.source, path);
      const message = `org "${definition.name}": ${hostCheck.reason}`;
      diagnostics.push({ ruleId: 'host-policy', severity: 'error', message, file: definition.source.file, start, end, path });
      return skipped(definition, 'HOST_NOT_ALLOWED', message);
    }
    return attempt(outcome.org, hostCheck.url, options, now);
  });

  const results = await runWithConcurrency(tasks, Math.max(1, options.concurrency));
  return { results, diagnostics };
}

function selectOrgs(project: Project, names: readonly string[], diagnostics: Diagnostic[]): OrgDefinition[] {
  if (names.length === 0) return [...project.orgs];
  const known = new Map(project.orgs.map((org) => [org.name, org]));
  const selected: OrgDefinition[] = [];
  for (const name of names) {
    const org = known.get(name);
    if (org) selected.push(org);
    else {
      const available = [...known.keys()].sort().join(', ');
      diagnostics.push({
        ruleId: 'select',
        severity: 'error',
        message: `no org named "${name}" in ${project.file}; available: ${available || '(none)'}`,
        file: project.file,
        path: ['orgs'],
      });
    }
  }
  return selected;
}

async function attempt(org: ResolvedOrg, target: URL, options: VerifyOptions, now: () => number): Promise<OrgResult> {
  const started = now();
  const base = baseResult(org.definition, org.auth.method);
  try {
    const identity = await withTimeout(
      login(org, {
        policy: options.policy,
        target,
        timeoutMs: options.timeoutMs,
        readFile: options.readFile ?? noFiles,
        now: options.clock ?? (() => new Date()),
        ...(options.httpsProxy ? { httpsProxy: options.httpsProxy } : {}),
        ...(options.noProxy ? { noProxy: options.noProxy } : {}),
      }),
      options.timeoutMs,
    );
    const warnings = [...identity.warnings];
    if (org.auth.method === 'refresh-token') {
      // Compared after --connect-to mapping, so an emulated My Domain matches its loopback URL.
      const configured = checkLoginUrl(org.auth.instanceUrl, options.policy);
      const expected = configured.ok ? configured.url.origin : org.auth.instanceUrl;
      if (originOf(identity.instanceUrl) !== expected) {
        warnings.push(`the token response names instance URL ${identity.instanceUrl}, but auth.instanceUrl is ${org.auth.instanceUrl}; update auth.instanceUrl`);
      }
    }
    if (identity.sandbox !== undefined && identity.sandbox !== org.sandbox) {
      warnings.push(
        identity.sandbox
          ? 'the org is a sandbox but the file says sandbox: false; set sandbox: true'
          : 'the org is not a sandbox but the file says sandbox: true; set sandbox: false or check the login URL',
      );
    }
    return redactResult(
      {
        ...base,
        status: 'ok',
        elapsedMs: Math.round(now() - started),
        userId: identity.userId,
        organizationId: identity.organizationId,
        instanceUrl: identity.instanceUrl,
        ...(identity.username !== undefined ? { username: identity.username } : {}),
        ...(identity.organizationName !== undefined ? { organizationName: identity.organizationName } : {}),
        ...(identity.sandbox !== undefined ? { sandbox: identity.sandbox } : {}),
        ...(identity.newestApiVersion !== undefined ? { newestApiVersion: identity.newestApiVersion } : {}),
        ...(identity.dailyApiRequests ? { dailyApiRequests: identity.dailyApiRequests } : {}),
        warnings,
      },
      org,
    );
  } catch (error) {
    const failure = classifyLoginError(error);
    return redactResult(
      {
        ...base,
        status: 'failed',
        elapsedMs: Math.round(now() - started),
        error: {
          code: failure.code,
          message: failure.message,
          ...(failure.fault ? describeFault(failure.fault, org.definition, failure.message) : { action: UNKNOWN_CODE_ACTION }),
        },
      },
      org,
    );
  }
}

/** What to do about a code the fault catalogue does not describe; the code itself is reported as received. */
const UNKNOWN_CODE_ACTION =
  'orgcfg has no explanation for this code. Look it up in the Salesforce documentation (SOAP API ExceptionCode values, OAuth 2.0 token endpoint errors), and check Setup > Login History for the reason of the failed login.';

/** Builds the catalogue's explanation of a fault, with the setting to check located in the org's file. */
function describeFault(fault: FaultInfo, definition: OrgDefinition, message = ''): Partial<OrgError> {
  let check: OrgError['check'];
  const field = fieldToCheck(fault, definition, message);
  if (field) {
    const path = ['orgs', definition.name, ...field.split('.')];
    const found = findNode(definition.source, path);
    const present = found.depth === path.length;
    const inherited = !present && (field === 'apiVersion' || field === 'loginUrl') && field in inheritedFields(definition);
    // The key, not the value: for a block such as expect the value starts on the next line.
    const { start } = rangeOf(definition.source, path, 'key');
    let label = field;
    if (inherited) label = `${field} (inherited from ${inheritedFields(definition)[field]})`;
    else if (!present) label = `${field} (not set)`;
    check = { field: label, file: definition.source.file, line: start.line, column: start.column };
  }
  return {
    meaning: fault.meaning,
    causes: fault.causes,
    action: fault.action,
    ...(fault.setup ? { setup: fault.setup } : {}),
    ...(check ? { check } : {}),
    retryable: fault.retryable,
  };
}

/** Settings to check for invalid_grant, chosen by its description, because the code covers several failures. */
const INVALID_GRANT_FIELDS: readonly [RegExp, string][] = [
  [/invalid assertion/i, 'auth.privateKey'],
  [/hasn't approved|not approved/i, 'auth.username'],
  [/audience/i, 'auth.audience'],
  [/expired access\/refresh token/i, 'auth.refreshToken'],
  [/not supported on this domain/i, 'loginUrl'],
  [/authentication failure/i, 'auth.password'],
];

/** Picks the setting to check for a fault, as the org actually writes it. */
function fieldToCheck(fault: FaultInfo, definition: OrgDefinition, message: string): string | undefined {
  let field = fault.field;
  if (fault.code === 'invalid_grant') field = INVALID_GRANT_FIELDS.find(([pattern]) => pattern.test(message))?.[1] ?? field;
  if (!field) return undefined;
  const fields = definition.auth.fields;
  // Everything an SFDX auth URL login uses comes from that one value.
  if (definition.auth.method === 'sfdx-auth-url' && (field.startsWith('auth.') || field === 'loginUrl')) return 'auth.authUrl';
  if (field === 'auth.privateKey' && fields.privateKey === undefined && fields.privateKeyFile !== undefined) return 'auth.privateKeyFile';
  if (field === 'auth.password' && fields.password === undefined && fields.clientSecret !== undefined) return 'auth.clientSecret';
  if (field === 'auth.refreshToken' && fields.refreshToken === undefined) return undefined;
  return field;
}

/** Settings the org takes from elsewhere, with where they come from. */
function inheritedFields(definition: OrgDefinition): Record<string, string> {
  const inherited: Record<string, string> = {};
  if (definition.loginUrlOrigin === 'defaults') inherited.loginUrl = 'defaults';
  if (definition.loginUrlOrigin === 'sandbox-flag') inherited.loginUrl = 'the sandbox flag';
  const written = findNode(definition.source, ['orgs', definition.name, 'apiVersion']);
  if (written.depth < 3) inherited.apiVersion = 'defaults';
  return inherited;
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}

function noFiles(file: string): string {
  throw new Error(`reading ${file} is not available here`);
}

function baseResult(definition: OrgDefinition, method: string): Omit<OrgResult, 'status' | 'elapsedMs'> {
  const { start } = rangeOf(definition.source, ['orgs', definition.name], 'key');
  return { org: definition.name, file: definition.source.file, start, method, loginUrl: definition.loginUrl, warnings: [] };
}

function skipped(definition: OrgDefinition, code: string, message: string): OrgResult {
  const fault = findFault(code);
  const error: OrgError = { code, message, ...(fault ? describeFault(fault, definition, message) : {}) };
  return { ...baseResult(definition, definition.auth.method), status: 'skipped', elapsedMs: 0, error };
}

/** Scrubs every string of a result of the org's secret values, in case a server echoed one. */
function redactResult(result: OrgResult, org: ResolvedOrg): OrgResult {
  const scrub = (text: string): string => redactSecrets(text, org.secrets);
  return {
    ...result,
    warnings: result.warnings.map(scrub),
    ...(result.username !== undefined ? { username: scrub(result.username) } : {}),
    ...(result.organizationName !== undefined ? { organizationName: scrub(result.organizationName) } : {}),
    ...(result.error
      ? { error: { ...result.error, message: scrub(result.error.message) } }
      : {}),
  };
}

function withTimeout<T>(promise: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new Error(`timed out after ${timeoutMs} ms`);
      error.name = 'TimeoutError';
      reject(error);
    }, timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function runWithConcurrency<T>(tasks: readonly (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < tasks.length) {
      const index = next;
      next += 1;
      results[index] = await tasks[index]!();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}
