/**
 * The emulator file: which orgs, users and connected apps `orgcfg emulator` serves.
 */

import { createPublicKey, X509Certificate, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import { dirname, resolve as resolvePath } from 'node:path';

import { LineCounter, parseDocument, type Node } from 'yaml';

import {
  API_VERSION_PATTERN,
  NEWEST_KNOWN_API_VERSION,
  compareApiVersions,
  findApiVersion,
  oldestServedApiVersion,
} from '../salesforce/api-versions.js';
import { classifyLoginHost } from '../salesforce/login-hosts.js';
import { closestMatch, ConfigReader, quoteList, type ConfigProblem, type MapEntry } from './config-reader.js';
import { FAULT_CODES, type FaultCode } from './faults.js';
import { deriveId, normalizeId } from './ids.js';
import { OAUTH_ERROR_SWITCH_NAMES, type OAuthErrorSwitch } from './oauth-errors.js';

/** Form of the SOAP `faultcode`: `INVALID_LOGIN` (bare) or `sf:INVALID_LOGIN` (prefixed). */
export type FaultcodeStyle = 'bare' | 'prefixed';

/** OAuth 2.0 flows that a connected app can allow. */
export type OAuthFlow = 'client_credentials' | 'jwt_bearer' | 'password' | 'refresh_token';

export const OAUTH_FLOWS: readonly OAuthFlow[] = ['client_credentials', 'jwt_bearer', 'password', 'refresh_token'];

/**
 * Orgs, users and connected apps served by the emulator, with every default applied and
 * every id in its 18-character form.
 *
 * File format (YAML; every key except those marked required is optional):
 *
 * ```yaml
 * faultcodeStyle: bare            # bare (default) or prefixed: faultcode INVALID_LOGIN or sf:INVALID_LOGIN
 * orgs:                           # required; one entry per org, keyed by a name of your choice
 *   acme:
 *     name: Acme Inc              # Organization.Name; default: the key
 *     organizationId: 00D5g000004AbCdEAK  # 15 or 18 characters; default: derived from the key
 *     myDomain: acme.my.salesforce.com    # required; the org's My Domain login host
 *     sandbox: false              # default: true for *.sandbox.my.salesforce.com and "--" names
 *     maxApiVersion: "68.0"       # newest version the org serves; default: the newest in orgcfg's table
 *     soapLogin: true             # false: SOAP login() returns INVALID_OPERATION
 *     apiEnabled: true            # false: SOAP login() returns API_DISABLED_FOR_ORG, REST returns 403
 *     trustedIp: false            # true: the password alone is accepted, without the security token
 *     dailyApiRequests: { max: 15000, remaining: 15000 }
 *     oauthError: null            # an OAuth error that every token request for this org returns (see below)
 *     instanceName: USA123        # Organization.InstanceName; default: derived from the key
 *     organizationType: Enterprise Edition
 *     users:
 *       - username: integration@acme.com    # required; unique across all orgs
 *         password: ...                     # required
 *         securityToken: ...                # default: none
 *         userId: 005...                    # default: derived from org id and username
 *         fullName: Integration User        # default: the part of the username before "@"
 *         email: integration@acme.com       # default: the username
 *         passwordExpired: false            # true: login succeeds with a session that REST refuses
 *         apiEnabled: true                  # false: API_CURRENTLY_DISABLED
 *         fault: null                       # a fault code that every SOAP login of this user returns
 *         oauthError: null                  # an OAuth error that every token request for this user returns
 *     apps:
 *       - name: orgcfg-ci                   # required; unique within the org
 *         clientId: ...                     # required; unique across all orgs
 *         clientSecret: ...                 # required
 *         flows: [client_credentials, password]  # required; also jwt_bearer and refresh_token
 *         runAs: integration@acme.com       # the client credentials user, one of this org's users
 *         scopes: [api]                     # scopes granted to client credentials, JWT and refresh tokens
 *         certificate: certs/ci.crt         # PEM text, or a path relative to the emulator file; required for jwt_bearer
 *         preAuthorizedUsers: [integration@acme.com]  # users the JWT bearer flow may log in, or "all"
 *         requireSecret: true               # false: the refresh token grant accepts requests without client_secret
 *         refreshTokens:                    # refresh tokens this app has issued
 *           - user: integration@acme.com
 *             token: ...
 *             revoked: false                # true: the token gets invalid_grant "expired access/refresh token"
 *         oauthError: null                  # an OAuth error that every token request of this app returns
 * ```
 *
 * `oauthError` names one of the errors in `oauth-errors.ts` (invalid_app_access, inactive_user,
 * inactive_org, rate_limit_exceeded, OAUTH_APP_BLOCKED, invalid_request, ip_restricted,
 * authentication_failure, expired_token). The org's switch wins over the app's, and the app's
 * over the user's. Each applies only after the client and the user have passed their own checks.
 */
export interface EmulatorConfig {
  readonly faultcodeStyle: FaultcodeStyle;
  readonly orgs: readonly EmulatorOrg[];
}

export interface EmulatorOrg {
  /** The key of the org under `orgs:` in the file. */
  readonly key: string;
  readonly name: string;
  /** 18-character org id. */
  readonly organizationId: string;
  /** My Domain login host, lower case. */
  readonly myDomain: string;
  readonly sandbox: boolean;
  /** Newest API version the org serves, as "NN.0". */
  readonly maxApiVersion: string;
  readonly soapLogin: boolean;
  readonly apiEnabled: boolean;
  readonly trustedIp: boolean;
  readonly dailyApiRequests: { readonly max: number; readonly remaining: number };
  /** OAuth error forced on every token request for this org, or null. */
  readonly oauthError: OAuthErrorSwitch | null;
  readonly instanceName: string;
  readonly organizationType: string;
  readonly users: readonly EmulatorUser[];
  readonly apps: readonly EmulatorApp[];
}

export interface EmulatorUser {
  readonly username: string;
  readonly password: string;
  /** Empty when the user has no security token. */
  readonly securityToken: string;
  /** 18-character user id. */
  readonly userId: string;
  readonly fullName: string;
  readonly email: string;
  readonly passwordExpired: boolean;
  readonly apiEnabled: boolean;
  /** Fault code forced on every SOAP login of this user, or null. */
  readonly fault: FaultCode | null;
  /** OAuth error forced on every token request for this user, or null. */
  readonly oauthError: OAuthErrorSwitch | null;
}

export interface EmulatorApp {
  readonly name: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly flows: readonly OAuthFlow[];
  /** Username of the client credentials run-as user, or null when the app has none. */
  readonly runAs: string | null;
  readonly scopes: readonly string[];
  /** Public key of the certificate that checks JWT bearer assertions, or null when the app has none. */
  readonly certificate: KeyObject | null;
  /** Usernames the JWT bearer flow may log in, or "all". */
  readonly preAuthorizedUsers: readonly string[] | 'all';
  /** Whether the refresh token grant needs the client secret. */
  readonly requireSecret: boolean;
  readonly refreshTokens: readonly EmulatorRefreshToken[];
  /** OAuth error forced on every token request of this app, or null. */
  readonly oauthError: OAuthErrorSwitch | null;
}

/** A refresh token that an app issued to one of its org's users. */
export interface EmulatorRefreshToken {
  /** Username, as written in the user's entry. */
  readonly user: string;
  /** The token value. Never logged. */
  readonly token: string;
  readonly revoked: boolean;
}

/** Options of parseEmulatorConfig. */
export interface ParseEmulatorConfigOptions {
  /** Directory that relative certificate paths start from; default: the directory of the file name. */
  readonly directory?: string;
  /** Reads a certificate file; default: fs.readFileSync as UTF-8. */
  readonly readFile?: (file: string) => string;
}

/** An invalid emulator file. The message has one line per problem: `file:line:col: problem; fix`. */
export class EmulatorConfigError extends Error {
  override readonly name = 'EmulatorConfigError';
  readonly file: string;
  /** Line of the first problem, 1-based. */
  readonly line: number;
  /** Column of the first problem, 1-based. */
  readonly column: number;
  readonly problems: readonly ConfigProblem[];

  constructor(file: string, problems: readonly ConfigProblem[]) {
    super(problems.map((problem) => `${file}:${problem.line}:${problem.column}: ${problem.message}`).join('\n'));
    const first = problems[0] ?? { line: 1, column: 1 };
    this.file = file;
    this.line = first.line;
    this.column = first.column;
    this.problems = problems;
  }
}

const TOP_KEYS = ['faultcodeStyle', 'orgs'];
const ORG_KEYS = [
  'name',
  'organizationId',
  'myDomain',
  'sandbox',
  'maxApiVersion',
  'soapLogin',
  'apiEnabled',
  'trustedIp',
  'dailyApiRequests',
  'oauthError',
  'instanceName',
  'organizationType',
  'users',
  'apps',
];
const USER_KEYS = [
  'username',
  'password',
  'securityToken',
  'userId',
  'fullName',
  'email',
  'passwordExpired',
  'apiEnabled',
  'fault',
  'oauthError',
];
const APP_KEYS = [
  'name',
  'clientId',
  'clientSecret',
  'flows',
  'runAs',
  'scopes',
  'certificate',
  'preAuthorizedUsers',
  'requireSecret',
  'refreshTokens',
  'oauthError',
];
const REFRESH_TOKEN_KEYS = ['user', 'token', 'revoked'];
const LIMIT_KEYS = ['max', 'remaining'];

/** Org keys become parts of messages and logs, so they stay plain. */
const ORG_KEY_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
/** Salesforce usernames have the form of an e-mail address. */
const USERNAME_PATTERN = /^[^\s@]+@[^\s@]+$/;
const HOST_PATTERN = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/;

const DEFAULT_DAILY_API_REQUESTS = 15000;

/**
 * Parses the emulator file `text` and applies defaults. `fileName` is used only in messages.
 * Throws EmulatorConfigError listing every problem found.
 */
export function parseEmulatorConfig(text: string, fileName: string, options: ParseEmulatorConfigOptions = {}): EmulatorConfig {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const reader = new ConfigReader(document, lineCounter);

  if (document.errors.length > 0) {
    for (const error of document.errors) reader.reportAt(error.pos[0], `invalid YAML: ${error.message}`);
    throw new EmulatorConfigError(fileName, reader.problems);
  }

  const files = {
    directory: options.directory ?? dirname(resolvePath(fileName)),
    readFile: options.readFile ?? ((file: string) => fs.readFileSync(file, 'utf8')),
  };
  const config = new FileReader(reader, files).readFile(document.contents as Node | null);
  if (reader.problems.length > 0 || !config) {
    throw new EmulatorConfigError(fileName, reader.problems);
  }
  return config;
}

/** Reads the emulator's file format through a ConfigReader. */
class FileReader {
  /** Lower-case username → line of its first definition. */
  private readonly usernames = new Map<string, number>();
  private readonly userIds = new Map<string, number>();
  private readonly clientIds = new Map<string, number>();
  private readonly organizationIds = new Map<string, number>();
  private readonly myDomains = new Map<string, number>();
  private readonly refreshTokens = new Map<string, number>();

  constructor(
    private readonly reader: ConfigReader,
    private readonly files: Required<ParseEmulatorConfigOptions>,
  ) {}

  readFile(contents: Node | null): EmulatorConfig | undefined {
    const { reader } = this;
    if (contents === null) {
      reader.report(null, 'the file is empty; add an "orgs:" mapping with at least one org');
      return undefined;
    }
    const top = reader.readMap(contents, 'the file', TOP_KEYS);
    if (!top) return undefined;

    let faultcodeStyle: FaultcodeStyle = 'bare';
    const styleEntry = top.get('faultcodeStyle');
    if (styleEntry) {
      const style = reader.readString(styleEntry, 'faultcodeStyle');
      if (style === 'bare' || style === 'prefixed') faultcodeStyle = style;
      else if (style !== undefined) {
        reader.report(styleEntry.value, `faultcodeStyle "${style}" is not valid; use "bare" or "prefixed"`);
      }
    }

    const orgsEntry = top.get('orgs');
    if (!orgsEntry) {
      reader.report(contents, 'the file has no "orgs:" key; add one with at least one org');
      return undefined;
    }
    const orgMap = reader.readMap(orgsEntry.value, 'orgs', [], orgsEntry.key);
    if (!orgMap) return undefined;
    if (orgMap.size === 0) {
      reader.report(orgsEntry.key, 'orgs is empty; add at least one org');
      return undefined;
    }

    const orgs: EmulatorOrg[] = [];
    for (const [key, entry] of orgMap) {
      const org = this.readOrg(key, entry);
      if (org) orgs.push(org);
    }
    return { faultcodeStyle, orgs };
  }

  private readOrg(key: string, entry: MapEntry): EmulatorOrg | undefined {
    const { reader } = this;
    const path = `orgs.${key}`;
    if (!ORG_KEY_PATTERN.test(key)) {
      reader.report(entry.key, `org key "${key}" may contain only letters, digits, ".", "_" and "-"; rename it`);
    }
    const fields = reader.readMap(entry.value, path, ORG_KEYS, entry.key);
    if (!fields) return undefined;

    // Every field is read before giving up, so that one run reports all problems of the org.
    const organizationId = this.readOrganizationId(fields.get('organizationId'), path, key);
    const myDomain = this.readMyDomain(fields, path, entry);
    const sandbox = this.readSandbox(fields.get('sandbox'), path, myDomain);
    const org = {
      key,
      name: reader.optionalString(fields, 'name', path) ?? key,
      organizationId,
      sandbox,
      maxApiVersion: this.readMaxApiVersion(fields.get('maxApiVersion'), path),
      soapLogin: reader.optionalBoolean(fields, 'soapLogin', path, true),
      apiEnabled: reader.optionalBoolean(fields, 'apiEnabled', path, true),
      trustedIp: reader.optionalBoolean(fields, 'trustedIp', path, false),
      dailyApiRequests: this.readDailyApiRequests(fields.get('dailyApiRequests'), path),
      oauthError: this.readOAuthError(fields.get('oauthError'), path),
      instanceName: reader.optionalString(fields, 'instanceName', path) ?? defaultInstanceName(organizationId, sandbox),
      organizationType: reader.optionalString(fields, 'organizationType', path) ?? 'Enterprise Edition',
    };
    const users = this.readUsers(fields.get('users'), path, organizationId);
    const apps = this.readApps(fields.get('apps'), path, key, users);
    if (!myDomain) return undefined;

    return { ...org, myDomain, users, apps };
  }

  private readOrganizationId(entry: MapEntry | undefined, path: string, key: string): string {
    const fallback = deriveId('00D', `org:${key}`);
    if (!entry) return this.claimUnique(this.organizationIds, fallback, undefined, `${path}.organizationId`);

    const value = this.reader.readString(entry, `${path}.organizationId`);
    if (value === undefined) return fallback;
    const result = normalizeId(value, '00D');
    if ('problem' in result) {
      this.reader.report(
        entry.value,
        `${path}.organizationId "${value}" ${result.problem}; give a valid org id or remove the key to derive one`,
      );
      return fallback;
    }
    return this.claimUnique(this.organizationIds, result.id18, entry.value ?? entry.key, `${path}.organizationId`);
  }

  private readMyDomain(fields: Map<string, MapEntry>, path: string, orgEntry: MapEntry): string | undefined {
    const { reader } = this;
    const entry = fields.get('myDomain');
    if (!entry) {
      reader.report(orgEntry.key, `${path} has no "myDomain"; add the org's My Domain host, such as "acme.my.salesforce.com"`);
      return undefined;
    }
    const value = reader.readString(entry, `${path}.myDomain`);
    if (value === undefined) return undefined;

    const host = value.toLowerCase();
    if (!HOST_PATTERN.test(host)) {
      reader.report(entry.value, `${path}.myDomain "${value}" is not a host name; write only the host, such as "acme.my.salesforce.com"`);
      return undefined;
    }
    const kind = classifyLoginHost(host);
    if (!kind.startsWith('my-domain')) {
      reader.report(
        entry.value,
        `${path}.myDomain "${value}" is not a My Domain host (it is ${kind}); use a host such as "acme.my.salesforce.com" or "acme--uat.sandbox.my.salesforce.com"`,
      );
      return undefined;
    }
    const firstLine = this.myDomains.get(host);
    if (firstLine !== undefined) {
      reader.report(entry.value, `${path}.myDomain "${value}" is already used at line ${firstLine}; give each org its own My Domain`);
      return undefined;
    }
    this.myDomains.set(host, reader.lineOf(entry.value!));
    return host;
  }

  private readSandbox(entry: MapEntry | undefined, path: string, myDomain: string | undefined): boolean {
    const kind = myDomain ? classifyLoginHost(myDomain) : undefined;
    const fromHost = kind === 'my-domain-sandbox';
    if (!entry) return fromHost;

    const sandbox = this.reader.readBoolean(entry, `${path}.sandbox`);
    if (sandbox === undefined) return fromHost;
    if (kind === 'my-domain-sandbox' && !sandbox) {
      this.reader.report(entry.value, `${path}.sandbox is false, but myDomain "${myDomain}" is a sandbox host; set sandbox: true`);
    } else if (kind === 'my-domain-production' && sandbox) {
      this.reader.report(
        entry.value,
        `${path}.sandbox is true, but myDomain "${myDomain}" is a production host; use a host such as "acme--uat.sandbox.my.salesforce.com" or set sandbox: false`,
      );
    }
    return sandbox;
  }

  private readMaxApiVersion(entry: MapEntry | undefined, path: string): string {
    if (!entry) return NEWEST_KNOWN_API_VERSION;
    const { reader } = this;
    const { value } = entry;

    // A plain 68.0 in YAML is the number 68; its source text keeps the written form.
    const scalar = value as { value?: unknown; source?: string } | null;
    let text = '';
    if (typeof scalar?.value === 'string') text = scalar.value;
    else if (typeof scalar?.value === 'number') text = scalar.source ?? '';
    const oldest = oldestServedApiVersion();
    if (!API_VERSION_PATTERN.test(text)) {
      reader.report(value ?? entry.key, `${path}.maxApiVersion must be a version such as "${NEWEST_KNOWN_API_VERSION}" (in quotes, with ".0")`);
      return NEWEST_KNOWN_API_VERSION;
    }
    if (!findApiVersion(text) || compareApiVersions(text, NEWEST_KNOWN_API_VERSION) > 0) {
      reader.report(value, `${path}.maxApiVersion "${text}" is newer than the newest version in orgcfg's table (${NEWEST_KNOWN_API_VERSION}); use ${NEWEST_KNOWN_API_VERSION} or older`);
      return NEWEST_KNOWN_API_VERSION;
    }
    if (compareApiVersions(text, oldest) < 0) {
      reader.report(value, `${path}.maxApiVersion "${text}" is retired; use ${oldest} or newer`);
      return NEWEST_KNOWN_API_VERSION;
    }
    return text;
  }

  private readDailyApiRequests(entry: MapEntry | undefined, path: string): EmulatorOrg['dailyApiRequests'] {
    const fallback = { max: DEFAULT_DAILY_API_REQUESTS, remaining: DEFAULT_DAILY_API_REQUESTS };
    if (!entry) return fallback;
    const { reader } = this;
    const limitPath = `${path}.dailyApiRequests`;
    const fields = reader.readMap(entry.value, limitPath, LIMIT_KEYS, entry.key);
    if (!fields) return fallback;

    const maxEntry = fields.get('max');
    const remainingEntry = fields.get('remaining');
    const max = (maxEntry && reader.readCount(maxEntry, `${limitPath}.max`)) ?? DEFAULT_DAILY_API_REQUESTS;
    const remaining = (remainingEntry && reader.readCount(remainingEntry, `${limitPath}.remaining`)) ?? max;
    if (remaining > max) {
      reader.report(remainingEntry?.value, `${limitPath}.remaining (${remaining}) is more than max (${max}); lower remaining or raise max`);
    }
    return { max, remaining };
  }

  private readUsers(entry: MapEntry | undefined, path: string, organizationId: string): EmulatorUser[] {
    if (!entry) return [];
    const items = this.reader.readSequence(entry, `${path}.users`) ?? [];
    const users: EmulatorUser[] = [];
    items.forEach((item, index) => {
      const user = this.readUser(item, `${path}.users[${index}]`, organizationId);
      if (user) users.push(user);
    });
    return users;
  }

  private readUser(node: Node, path: string, organizationId: string): EmulatorUser | undefined {
    const { reader } = this;
    const fields = reader.readMap(node, path, USER_KEYS);
    if (!fields) return undefined;

    const username = this.readUsername(fields.get('username'), path, node);
    const passwordEntry = fields.get('password');
    if (!passwordEntry) reader.report(node, `${path} has no "password"; add one`);
    const password = passwordEntry && reader.readString(passwordEntry, `${path}.password`);
    if (password === '') reader.report(passwordEntry!.value, `${path}.password is empty; give the user a password`);

    // Every field is read before giving up, so that one run reports all problems of the user.
    const securityToken = reader.optionalString(fields, 'securityToken', path) ?? '';
    const userId = this.readUserId(fields.get('userId'), path, organizationId, username ?? '');
    const fullName = reader.optionalString(fields, 'fullName', path);
    const email = reader.optionalString(fields, 'email', path);
    const passwordExpired = reader.optionalBoolean(fields, 'passwordExpired', path, false);
    const apiEnabled = reader.optionalBoolean(fields, 'apiEnabled', path, true);
    const fault = this.readFault(fields.get('fault'), path);
    const oauthError = this.readOAuthError(fields.get('oauthError'), path);
    if (username === undefined || password === undefined) return undefined;

    return {
      username,
      password,
      securityToken,
      userId,
      fullName: fullName ?? username.split('@')[0]!,
      email: email ?? username,
      passwordExpired,
      apiEnabled,
      fault,
      oauthError,
    };
  }

  private readUsername(entry: MapEntry | undefined, path: string, userNode: Node): string | undefined {
    const { reader } = this;
    if (!entry) {
      reader.report(userNode, `${path} has no "username"; add one, such as "integration@acme.com"`);
      return undefined;
    }
    const username = reader.readString(entry, `${path}.username`);
    if (username === undefined) return undefined;

    if (!USERNAME_PATTERN.test(username)) {
      reader.report(entry.value, `${path}.username "${username}" is not in the form of an e-mail address; write it as name@domain`);
    }
    const firstLine = this.usernames.get(username.toLowerCase());
    if (firstLine !== undefined) {
      reader.report(
        entry.value,
        `${path}.username "${username}" is already used at line ${firstLine}; usernames are unique across all orgs, as in Salesforce, so rename one of them`,
      );
    } else {
      this.usernames.set(username.toLowerCase(), reader.lineOf(entry.value!));
    }
    return username;
  }

  private readUserId(entry: MapEntry | undefined, path: string, organizationId: string, username: string): string {
    const fallback = deriveId('005', `user:${organizationId}:${username.toLowerCase()}`);
    if (!entry) return this.claimUnique(this.userIds, fallback, undefined, `${path}.userId`);

    const value = this.reader.readString(entry, `${path}.userId`);
    if (value === undefined) return fallback;
    const result = normalizeId(value, '005');
    if ('problem' in result) {
      this.reader.report(entry.value, `${path}.userId "${value}" ${result.problem}; give a valid user id or remove the key to derive one`);
      return fallback;
    }
    return this.claimUnique(this.userIds, result.id18, entry.value ?? entry.key, `${path}.userId`);
  }

  private readFault(entry: MapEntry | undefined, path: string): FaultCode | null {
    return this.readNamedSwitch(entry, `${path}.fault`, FAULT_CODES, 'fault code');
  }

  private readOAuthError(entry: MapEntry | undefined, path: string): OAuthErrorSwitch | null {
    return this.readNamedSwitch(entry, `${path}.oauthError`, OAUTH_ERROR_SWITCH_NAMES, 'OAuth error');
  }

  /** Reads a value that must be null or one of `names`, and suggests the closest name for a typo. */
  private readNamedSwitch<T extends string>(entry: MapEntry | undefined, path: string, names: readonly T[], kind: string): T | null {
    if (!entry || entry.value === null || (entry.value as { value?: unknown }).value === null) return null;
    const value = this.reader.readString(entry, path);
    if (value === undefined) return null;
    const known = names.find((name) => name === value);
    if (known) return known;

    const suggestion = closestMatch(value, names);
    const hint = suggestion ? `did you mean "${suggestion}"? ` : '';
    this.reader.report(entry.value, `${path} "${value}" is not a known ${kind}; ${hint}use null or one of ${names.join(', ')}`);
    return null;
  }

  private readApps(entry: MapEntry | undefined, path: string, orgKey: string, users: readonly EmulatorUser[]): EmulatorApp[] {
    if (!entry) return [];
    const items = this.reader.readSequence(entry, `${path}.apps`) ?? [];
    const apps: EmulatorApp[] = [];
    const names = new Set<string>();
    items.forEach((item, index) => {
      const app = this.readApp(item, `${path}.apps[${index}]`, orgKey, users);
      if (!app) return;
      if (names.has(app.name)) {
        this.reader.report(item, `${path}.apps[${index}].name "${app.name}" is used twice in org "${orgKey}"; rename one of the apps`);
      }
      names.add(app.name);
      apps.push(app);
    });
    return apps;
  }

  private readApp(node: Node, path: string, orgKey: string, users: readonly EmulatorUser[]): EmulatorApp | undefined {
    const { reader } = this;
    const fields = reader.readMap(node, path, APP_KEYS);
    if (!fields) return undefined;

    const required = (name: string, example: string): string | undefined => {
      const field = fields.get(name);
      if (!field) {
        reader.report(node, `${path} has no "${name}"; add one${example}`);
        return undefined;
      }
      return reader.readString(field, `${path}.${name}`);
    };
    const name = required('name', ', such as "orgcfg-ci"');
    const clientId = required('clientId', ' (the consumer key)');
    const clientSecret = required('clientSecret', ' (the consumer secret)');
    const flows = this.readFlows(fields.get('flows'), path, node);
    const runAs = this.readRunAs(fields.get('runAs'), path, orgKey, users);
    const scopesEntry = fields.get('scopes');
    const scopes = (scopesEntry && reader.readStringList(scopesEntry, `${path}.scopes`)) ?? ['api'];
    const certificate = this.readCertificate(fields.get('certificate'), path);
    const preAuthorizedUsers = this.readPreAuthorizedUsers(fields.get('preAuthorizedUsers'), path, orgKey, users);
    const requireSecret = reader.optionalBoolean(fields, 'requireSecret', path, true);
    const refreshTokens = this.readRefreshTokens(fields.get('refreshTokens'), path, orgKey, users);
    const oauthError = this.readOAuthError(fields.get('oauthError'), path);
    if (name === undefined || clientId === undefined || clientSecret === undefined || !flows) return undefined;

    if (clientId === '') reader.report(fields.get('clientId')!.value, `${path}.clientId is empty; give the app a consumer key`);
    if (clientSecret === '') reader.report(fields.get('clientSecret')!.value, `${path}.clientSecret is empty; give the app a consumer secret`);
    if (flows.includes('jwt_bearer') && !certificate && !fields.has('certificate')) {
      reader.report(node, `${path} allows jwt_bearer but has no "certificate"; add the PEM certificate whose key signs the assertions, or a path to it`);
    }
    this.claimUnique(this.clientIds, clientId, fields.get('clientId')!.value, `${path}.clientId`);
    return { name, clientId, clientSecret, flows, runAs, scopes, certificate, preAuthorizedUsers, requireSecret, refreshTokens, oauthError };
  }

  /** Reads a PEM certificate given inline or as a path relative to the emulator file, and returns its public key. */
  private readCertificate(entry: MapEntry | undefined, path: string): KeyObject | null {
    if (!entry) return null;
    const value = this.reader.readString(entry, `${path}.certificate`);
    if (value === undefined) return null;

    let pem = value;
    if (!value.includes('-----BEGIN')) {
      const file = resolvePath(this.files.directory, value);
      try {
        pem = this.files.readFile(file);
      } catch (error) {
        const reason = (error as { code?: string }).code === 'ENOENT' ? 'no such file' : (error as Error).message;
        this.reader.report(entry.value, `${path}.certificate: cannot read ${file}: ${reason}; give PEM text or a path relative to the emulator file`);
        return null;
      }
    }
    try {
      return createPublicKey(new X509Certificate(pem).publicKey.export({ type: 'spki', format: 'pem' }));
    } catch {
      this.reader.report(entry.value, `${path}.certificate is not a PEM X.509 certificate; give the "-----BEGIN CERTIFICATE-----" text or a path to it`);
      return null;
    }
  }

  private readPreAuthorizedUsers(
    entry: MapEntry | undefined,
    path: string,
    orgKey: string,
    users: readonly EmulatorUser[],
  ): readonly string[] | 'all' {
    if (!entry) return [];
    const scalar = entry.value as { value?: unknown } | null;
    if (scalar?.value === 'all') return 'all';
    const values = this.reader.readStringList(entry, `${path}.preAuthorizedUsers`);
    if (!values) return [];
    return values.flatMap((value) => {
      const user = this.findOrgUser(value, users);
      if (user) return [user.username];
      this.reader.report(entry.value, `${path}.preAuthorizedUsers has "${value}", which is not a user of org "${orgKey}"; use "all" or usernames of that org`);
      return [];
    });
  }

  private readRefreshTokens(
    entry: MapEntry | undefined,
    path: string,
    orgKey: string,
    users: readonly EmulatorUser[],
  ): EmulatorRefreshToken[] {
    if (!entry) return [];
    const { reader } = this;
    const items = reader.readSequence(entry, `${path}.refreshTokens`) ?? [];
    const tokens: EmulatorRefreshToken[] = [];
    items.forEach((item, index) => {
      const itemPath = `${path}.refreshTokens[${index}]`;
      const fields = reader.readMap(item, itemPath, REFRESH_TOKEN_KEYS);
      if (!fields) return;
      const userEntry = fields.get('user');
      const tokenEntry = fields.get('token');
      if (!userEntry) reader.report(item, `${itemPath} has no "user"; add the username the token belongs to`);
      if (!tokenEntry) reader.report(item, `${itemPath} has no "token"; add the refresh token value`);
      const username = userEntry && reader.readString(userEntry, `${itemPath}.user`);
      const token = tokenEntry && reader.readString(tokenEntry, `${itemPath}.token`);
      const revoked = reader.optionalBoolean(fields, 'revoked', itemPath, false);
      if (username === undefined || token === undefined) return;

      const user = this.findOrgUser(username, users);
      if (!user) {
        reader.report(userEntry!.value, `${itemPath}.user "${username}" is not a user of org "${orgKey}"; use a username of that org`);
        return;
      }
      if (token === '') {
        reader.report(tokenEntry!.value, `${itemPath}.token is empty; give the refresh token a value`);
        return;
      }
      // The message names the line only, so that a duplicate token value is never printed.
      const firstLine = this.refreshTokens.get(token);
      if (firstLine !== undefined) {
        reader.report(tokenEntry!.value, `${itemPath}.token is already used at line ${firstLine}; give each refresh token its own value`);
        return;
      }
      this.refreshTokens.set(token, reader.lineOf(tokenEntry!.value!));
      tokens.push({ user: user.username, token, revoked });
    });
    return tokens;
  }

  private findOrgUser(username: string, users: readonly EmulatorUser[]): EmulatorUser | undefined {
    return users.find((candidate) => candidate.username.toLowerCase() === username.toLowerCase());
  }

  private readFlows(entry: MapEntry | undefined, path: string, appNode: Node): OAuthFlow[] | undefined {
    const { reader } = this;
    if (!entry) {
      reader.report(appNode, `${path} has no "flows"; add a list such as [client_credentials]`);
      return undefined;
    }
    const values = reader.readStringList(entry, `${path}.flows`);
    if (!values) return undefined;
    if (values.length === 0) {
      reader.report(entry.value, `${path}.flows is empty; allow at least one of ${quoteList(OAUTH_FLOWS)}`);
      return undefined;
    }

    const flows: OAuthFlow[] = [];
    for (const value of values) {
      const flow = OAUTH_FLOWS.find((known) => known === value);
      if (!flow) {
        reader.report(entry.value, `${path}.flows has the unknown flow "${value}"; use ${quoteList(OAUTH_FLOWS)}`);
      } else if (flows.includes(flow)) {
        reader.report(entry.value, `${path}.flows lists "${value}" twice; remove one`);
      } else {
        flows.push(flow);
      }
    }
    return flows;
  }

  private readRunAs(entry: MapEntry | undefined, path: string, orgKey: string, users: readonly EmulatorUser[]): string | null {
    if (!entry || (entry.value as { value?: unknown } | null)?.value === null) return null;
    const value = this.reader.readString(entry, `${path}.runAs`);
    if (value === undefined) return null;

    const user = users.find((candidate) => candidate.username.toLowerCase() === value.toLowerCase());
    if (user) return user.username;
    const known = users.length > 0 ? `use one of ${quoteList(users.map((candidate) => candidate.username))}` : 'add the user under users first';
    this.reader.report(entry.value, `${path}.runAs "${value}" is not a user of org "${orgKey}"; ${known}`);
    return null;
  }

  /**
   * Records `value` as used and returns it, or reports it at `node` when an earlier part of
   * the file already used it. Derived values (node undefined) are recorded without a report,
   * so that an explicit duplicate further down is still caught. Ids are case-sensitive.
   */
  private claimUnique(seen: Map<string, number>, value: string, node: Node | null | undefined, path: string): string {
    const firstLine = seen.get(value);
    if (firstLine === undefined) {
      seen.set(value, node ? this.reader.lineOf(node) : 0);
    } else if (node) {
      const where = firstLine > 0 ? `at line ${firstLine}` : 'as a derived id';
      this.reader.report(node, `${path} "${value}" is already used ${where}; each value must be unique`);
    }
    return value;
  }
}

/** Derives an instance name in the Hyperforce style: `USA123` for production, `USA123S` for a sandbox. */
function defaultInstanceName(organizationId: string, sandbox: boolean): string {
  let hash = 0;
  for (const char of organizationId) hash = (hash * 31 + char.charCodeAt(0)) % 997;
  return `USA${hash + 1}${sandbox ? 'S' : ''}`;
}
