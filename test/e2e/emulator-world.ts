/**
 * One emulator file that serves every verify flow, the secrets it contains, and helpers that
 * run the built CLI against it and collect every output for the leak checks.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';

import { FAULT_CODES, parseEmulatorConfig, startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { cleanEnvironment, runCli, writeProject, type CliRun } from './cli-helpers.js';

export const JWT_FIXTURES = path.join(import.meta.dirname, '..', 'fixtures', 'jwt');
export const E2E_FIXTURES = path.join(import.meta.dirname, '..', 'fixtures', 'e2e');
export const SERVER_KEY_FILE = path.join(JWT_FIXTURES, 'server.key');
export const SERVER_CERT_FILE = path.join(JWT_FIXTURES, 'server.crt');
export const OTHER_CERT_FILE = path.join(JWT_FIXTURES, 'other.crt');
export const EXPIRED_CERT_FILE = path.join(E2E_FIXTURES, 'expired.crt');
export const SERVER_KEY = fs.readFileSync(SERVER_KEY_FILE, 'utf8');

/** Every secret value in the emulator file and the variables; no output may contain any of them. */
export const SECRETS = {
  password: 'w0rld-password-3391',
  token: 'W0rldToken5527',
  clientSecret: 'w0rld-client-secret-8813',
  refreshToken: '5Aep861w0rldRefreshToken0000000000000000000000000000000000000000000000000000000000001',
  revokedRefreshToken: '5Aep861w0rldRevokedToken0000000000000000000000000000000000000000000000000000000000002',
  sfdxRefreshToken: '5Aep861w0rldSfdxToken000000000000000000000000000000000000000000000000000000000000003',
  sfdxClientSecret: 'w0rld-sfdx-secret-6604',
  qaPassword: 'w0rld-qa-password-1187',
  qaToken: 'W0rldQaToken4410',
  wrongPassword: 'w0rld-wrong-password-9925',
  wrongSecret: 'w0rld-wrong-secret-2276',
};

export const CLIENT_ID = '3MVG9w0rldCiClientId';
export const SFDX_CLIENT_ID = 'PlatformCLI';

/** Users that exist only to return one SOAP fault code each. */
export function faultUsername(code: string): string {
  return `fault-${code.toLowerCase().replace(/_/g, '-')}@acme.com`;
}

/** Users that exist only to return one forced OAuth error each. */
export function oauthUsername(name: string): string {
  return `oauth-${name.toLowerCase().replace(/_/g, '-')}@acme.com`;
}

export const USER_OAUTH_SWITCHES = ['invalid_app_access', 'inactive_user', 'rate_limit_exceeded', 'invalid_request', 'ip_restricted'];

const faultUsers = FAULT_CODES.map(
  (code) => `      - { username: ${faultUsername(code)}, password: ${SECRETS.password}, securityToken: ${SECRETS.token}, fault: ${code} }`,
).join('\n');
const oauthUsers = USER_OAUTH_SWITCHES.map(
  (name) => `      - { username: ${oauthUsername(name)}, password: ${SECRETS.password}, securityToken: ${SECRETS.token}, oauthError: ${name} }`,
).join('\n');

const app = (name: string, clientId: string, flows: string, extra = ''): string => `      - name: ${name}
        clientId: ${clientId}
        clientSecret: ${SECRETS.clientSecret}
        flows: [${flows}]
        runAs: ci@acme.com
        certificate: ${SERVER_CERT_FILE}
${extra}`;

export const EMULATOR_FILE = `
orgs:
  acme:
    name: Acme Inc
    myDomain: acme.my.salesforce.com
    sandbox: false
    users:
      - { username: ci@acme.com, password: ${SECRETS.password}, securityToken: ${SECRETS.token}, fullName: CI User }
      - { username: jwt@acme.com, password: ${SECRETS.password} }
      - { username: unapproved@acme.com, password: ${SECRETS.password} }
      - { username: expired@acme.com, password: ${SECRETS.password}, securityToken: ${SECRETS.token}, passwordExpired: true }
      - { username: noapi@acme.com, password: ${SECRETS.password}, securityToken: ${SECRETS.token}, apiEnabled: false }
${faultUsers}
${oauthUsers}
    apps:
${app('ci', CLIENT_ID, 'client_credentials, password, jwt_bearer, refresh_token', `        preAuthorizedUsers: [ci@acme.com, jwt@acme.com, ${USER_OAUTH_SWITCHES.map(oauthUsername).join(', ')}]
        refreshTokens:
          - { user: ci@acme.com, token: ${SECRETS.refreshToken} }
          - { user: ci@acme.com, token: ${SECRETS.revokedRefreshToken}, revoked: true }
`)}
${app('cc-only', '3MVG9w0rldCcOnlyClientId', 'client_credentials')}
${app('blocked', '3MVG9w0rldBlockedClientId', 'client_credentials', '        oauthError: OAUTH_APP_BLOCKED\n')}
${app('throttled', '3MVG9w0rldThrottledClientId', 'client_credentials', '        oauthError: rate_limit_exceeded\n')}
      - name: sf-cli
        clientId: ${SFDX_CLIENT_ID}
        clientSecret: ${SECRETS.sfdxClientSecret}
        flows: [refresh_token]
        requireSecret: false
        refreshTokens:
          - { user: ci@acme.com, token: ${SECRETS.sfdxRefreshToken} }
  acme--qa:
    name: Acme QA
    myDomain: acme--qa.sandbox.my.salesforce.com
    sandbox: true
    users:
      - { username: ci@acme.com.qa, password: ${SECRETS.qaPassword}, securityToken: ${SECRETS.qaToken} }
    apps:
      - name: ci
        clientId: 3MVG9w0rldQaClientId
        clientSecret: ${SECRETS.clientSecret}
        flows: [client_credentials, jwt_bearer]
        runAs: ci@acme.com.qa
        certificate: ${SERVER_CERT_FILE}
        preAuthorizedUsers: all
  old:
    myDomain: old.my.salesforce.com
    maxApiVersion: "60.0"
    dailyApiRequests: { max: 15000, remaining: 120 }
    users:
      - { username: ci@old.example, password: ${SECRETS.password} }
    apps:
      - name: ci
        clientId: 3MVG9w0rldOldClientId
        clientSecret: ${SECRETS.clientSecret}
        flows: [client_credentials]
        runAs: ci@old.example
  closed:
    myDomain: closed.my.salesforce.com
    oauthError: inactive_org
    users:
      - { username: ci@closed.example, password: ${SECRETS.password} }
    apps:
      - name: ci
        clientId: 3MVG9w0rldClosedClientId
        clientSecret: ${SECRETS.clientSecret}
        flows: [client_credentials]
        runAs: ci@closed.example
  nosoap:
    myDomain: nosoap.my.salesforce.com
    soapLogin: false
    users:
      - { username: ci@nosoap.example, password: ${SECRETS.password}, securityToken: ${SECRETS.token} }
  noapi:
    myDomain: noapi.my.salesforce.com
    apiEnabled: false
    users:
      - { username: ci@noapi.example, password: ${SECRETS.password}, securityToken: ${SECRETS.token} }
`;

/** The variables every project below refers to. */
export const VARIABLES: Record<string, string> = {
  SF_PASSWORD: SECRETS.password,
  SF_TOKEN: SECRETS.token,
  SF_CLIENT_ID: CLIENT_ID,
  SF_CLIENT_SECRET: SECRETS.clientSecret,
  SF_REFRESH_TOKEN: SECRETS.refreshToken,
  SF_QA_PASSWORD: SECRETS.qaPassword,
  SF_QA_TOKEN: SECRETS.qaToken,
  SF_JWT_KEY: SERVER_KEY,
};

/** A running emulator plus every CLI run made against it. */
export class World {
  readonly runs: CliRun[] = [];
  readonly directories: string[] = [];

  private constructor(
    readonly emulator: RunningEmulator,
    /** Every line the emulator logged. */
    readonly emulatorLog: string[],
  ) {}

  static async start(): Promise<World> {
    const log: string[] = [];
    const emulator = await startEmulator(parseEmulatorConfig(EMULATOR_FILE, 'world.yaml'), { log: (line) => log.push(line) });
    return new World(emulator, log);
  }

  /** The loopback URL that serves `host`. */
  url(host: string): string {
    const domain = this.emulator.domains.find((candidate) => candidate.host === host);
    if (!domain) throw new Error(`the emulator serves no host ${host}`);
    return domain.url;
  }

  /** Writes `orgcfg.yaml` (and other files) to a new directory and runs the CLI there. */
  async run(files: Record<string, string>, args: readonly string[], variables: Record<string, string> = VARIABLES, extraEnv: Record<string, string> = {}): Promise<CliRun> {
    const cwd = writeProject(files);
    this.directories.push(cwd);
    const env = cleanEnvironment({ ...variables, ORGCFG_CONNECT_TO: this.emulator.connectTo, ...extraEnv });
    const run = await runCli(args, { cwd, env });
    this.runs.push(run);
    return run;
  }

  /** Runs `verify --format json` on a project with one org and returns that org's result. */
  async verifyOne(orgYaml: string, options: { variables?: Record<string, string>; args?: readonly string[]; env?: Record<string, string> } = {}): Promise<VerifiedOrg> {
    const text = project(orgYaml);
    const run = await this.run({ 'orgcfg.yaml': text }, ['verify', '--format', 'json', ...(options.args ?? [])], options.variables ?? VARIABLES, options.env ?? {});
    expect(run.stderr, 'verify --format json writes nothing to stderr').toBe('');
    const report = JSON.parse(run.stdout) as { results: OrgResultJson[] };
    expect(report.results).toHaveLength(1);
    return { run, result: report.results[0]!, text };
  }

  /** Asserts that no output of any run, and no emulator log line, contains a secret, a part of one, or an issued token. */
  expectNoLeaks(extraSecrets: Record<string, string> = {}): void {
    expect(this.runs.length).toBeGreaterThan(0);
    const secrets = { ...secretParts(), ...extraSecrets };
    for (const [index, token] of this.emulator.issuedTokens().entries()) {
      secrets[`issued token ${index}`] = token;
      secrets[`issued token ${index}, opaque part`] = token.slice(token.indexOf('!') + 1);
    }
    for (const run of this.runs) {
      for (const [name, value] of Object.entries(secrets)) {
        expect(run.stdout.includes(value), `stdout leaks ${name}`).toBe(false);
        expect(run.stderr.includes(value), `stderr leaks ${name}`).toBe(false);
      }
    }
    expect(this.emulatorLog.length).toBeGreaterThan(0);
    const log = this.emulatorLog.join('\n');
    for (const [name, value] of Object.entries(secrets)) {
      expect(log.includes(value), `the emulator log leaks ${name}`).toBe(false);
    }
  }

  async close(): Promise<void> {
    await this.emulator.close();
    for (const directory of this.directories) fs.rmSync(directory, { recursive: true, force: true });
  }
}

/** Every secret and every piece of one that alone would be a leak: PEM body lines, auth URL parts. */
function secretParts(): Record<string, string> {
  const parts: Record<string, string> = { ...SECRETS };
  const keyLines = SERVER_KEY.split('\n').filter((line) => line !== '' && !line.startsWith('-----'));
  keyLines.forEach((line, index) => (parts[`private key line ${index + 1}`] = line));
  parts['private key, one line'] = SERVER_KEY.trim().replace(/\n/g, '\\n');
  parts['SFDX auth URL credentials'] = `${SFDX_CLIENT_ID}:${SECRETS.sfdxClientSecret}:${SECRETS.sfdxRefreshToken}`;
  return parts;
}

export interface OrgResultJson {
  readonly org: string;
  readonly status: 'ok' | 'failed' | 'skipped';
  readonly method: string;
  readonly username?: string;
  readonly organizationId?: string;
  readonly sandbox?: boolean;
  readonly newestApiVersion?: string;
  readonly dailyApiRequests?: { readonly max: number; readonly remaining: number };
  readonly warnings: readonly string[];
  readonly error?: {
    readonly code: string;
    readonly message: string;
    readonly meaning?: string;
    readonly action?: string;
    readonly causes?: readonly string[];
    readonly retryable?: boolean;
    readonly check?: { readonly field: string; readonly file: string; readonly line?: number; readonly column?: number };
  };
}

export interface VerifiedOrg {
  readonly run: CliRun;
  readonly result: OrgResultJson;
  /** The project file the run verified. */
  readonly text: string;
}

/** Wraps one org's YAML (indented by four spaces, without the org key) into a project file. */
export function project(orgYaml: string, name = 'target'): string {
  return `version: 1\norgs:\n  ${name}:\n${orgYaml.replace(/^\n/, '')}`;
}

/** Org blocks for each auth method, pointing at the emulated hosts. */
export const ORGS = {
  soap: (username = 'ci@acme.com', apiVersion = '64.0') => `
    loginUrl: https://acme.my.salesforce.com
    apiVersion: "${apiVersion}"
    auth:
      method: soap-password
      username: ${username}
      password: \${SF_PASSWORD}
      securityToken: \${SF_TOKEN}
`,
  oauthPassword: (username = 'ci@acme.com', loginUrl = 'https://acme.my.salesforce.com') => `
    loginUrl: ${loginUrl}
    apiVersion: "66.0"
    auth:
      method: oauth-password
      clientId: \${SF_CLIENT_ID}
      clientSecret: \${SF_CLIENT_SECRET}
      username: ${username}
      password: \${SF_PASSWORD}
      securityToken: \${SF_TOKEN}
`,
  clientCredentials: (clientId = '${SF_CLIENT_ID}', loginUrl = 'https://acme.my.salesforce.com', apiVersion = '66.0') => `
    loginUrl: ${loginUrl}
    apiVersion: "${apiVersion}"
    auth:
      method: client-credentials
      clientId: ${clientId}
      clientSecret: \${SF_CLIENT_SECRET}
`,
  jwt: (username = 'jwt@acme.com', keyLines = '      privateKey: ${SF_JWT_KEY}', extra = '', clientId = '${SF_CLIENT_ID}') => `
    loginUrl: https://login.salesforce.com
    apiVersion: "66.0"
    auth:
      method: jwt
      clientId: ${clientId}
      username: ${username}
${keyLines}
${extra}`,
  refreshToken: (variable = 'SF_REFRESH_TOKEN') => `
    loginUrl: https://acme.my.salesforce.com
    apiVersion: "66.0"
    auth:
      method: refresh-token
      clientId: \${SF_CLIENT_ID}
      clientSecret: \${SF_CLIENT_SECRET}
      refreshToken: \${${variable}}
      instanceUrl: https://acme.my.salesforce.com
`,
  sfdxAuthUrl: () => `
    apiVersion: "66.0"
    auth:
      method: sfdx-auth-url
      authUrl: \${SF_AUTH_URL}
`,
};

/**
 * Asserts a failed (or skipped) result with `code` and the catalogue's meaning and action, and
 * a `check` that points at the catalogue's field: at its line when the file writes the field.
 */
export function expectCatalogueFailure(
  verified: VerifiedOrg,
  code: string,
  fault: { meaning: string; action: string; field?: string },
  status: 'failed' | 'skipped' = 'failed',
): void {
  const { result, text } = verified;
  expect(result.status).toBe(status);
  expect(result.error?.code).toBe(code);
  expect(result.error?.meaning).toBe(fault.meaning);
  expect(result.error?.action).toBe(fault.action);
  if (!fault.field) {
    expect(result.error?.check).toBeUndefined();
    return;
  }
  // The catalogue names a default field; verify may name the one the org writes instead
  // (privateKeyFile for privateKey), or say that the field is not set or inherited.
  const checked = result.error?.check?.field ?? '';
  expect(checked).toMatch(/^(auth\.|loginUrl|apiVersion|expect)/);
  expect(result.error?.check?.file).toBe('orgcfg.yaml');
  expect(result.error?.check?.line).toBeGreaterThan(0);
  if (checked.includes('(')) return;
  // The check points at the field's key, also for a block mapping such as expect.
  const key = checked.split('.').at(-1)!;
  const lines = text.split('\n');
  const written = lines.findIndex((line) => line.trimStart().startsWith(`${key}:`));
  if (written < 0) return;
  expect(result.error?.check?.line, `check points at ${fault.field}`).toBe(written + 1);
}
