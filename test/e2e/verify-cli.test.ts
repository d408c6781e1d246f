import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEmulatorConfig, startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { BIN, cleanEnvironment, runCli, writeProject, type CliRun } from './cli-helpers.js';

/** Every secret value the tests use; no output may contain any of them. */
export const SECRETS = {
  prodPassword: 'e2e-prod-password-7731',
  prodToken: 'E2eProdToken8842',
  clientSecret: 'e2e-client-secret-5519',
  qaPassword: 'e2e-qa-password-2290',
  qaToken: 'E2eQaToken6613',
  wrongPassword: 'e2e-wrong-password-4471',
};

const EMULATOR_FILE = `
orgs:
  acme:
    name: Acme Inc
    myDomain: acme.my.salesforce.com
    sandbox: false
    users:
      - username: integration@acme.com
        password: ${SECRETS.prodPassword}
        securityToken: ${SECRETS.prodToken}
    apps:
      - name: ci
        clientId: 3MVG9e2eClientId
        clientSecret: ${SECRETS.clientSecret}
        flows: [client_credentials]
        runAs: integration@acme.com
  acme--qa:
    name: Acme QA
    myDomain: acme--qa.sandbox.my.salesforce.com
    sandbox: true
    users:
      - username: integration@acme.com.qa
        password: ${SECRETS.qaPassword}
        securityToken: ${SECRETS.qaToken}
`;

const PROJECT = `version: 1
defaults:
  apiVersion: "64.0"
orgs:
  prod:
    loginUrl: https://acme.my.salesforce.com
    apiVersion: "66.0"
    auth:
      method: client-credentials
      clientId: \${SF_PROD_CLIENT_ID}
      clientSecret: \${SF_PROD_CLIENT_SECRET}
  qa:
    sandbox: true
    auth:
      method: soap-password
      username: integration@acme.com.qa
      password: \${SF_QA_PASSWORD}
      securityToken: \${SF_QA_TOKEN}
`;

const GOOD_VARIABLES = {
  SF_PROD_CLIENT_ID: '3MVG9e2eClientId',
  SF_PROD_CLIENT_SECRET: SECRETS.clientSecret,
  SF_QA_PASSWORD: SECRETS.qaPassword,
  SF_QA_TOKEN: SECRETS.qaToken,
};

let emulator: RunningEmulator;
let directory: string;
const runs: CliRun[] = [];

async function orgcfg(args: string[], variables: Record<string, string> = GOOD_VARIABLES, cwd = directory): Promise<CliRun> {
  const run = await runCli(args, { cwd, env: cleanEnvironment({ ...variables, ORGCFG_CONNECT_TO: emulator.connectTo }) });
  runs.push(run);
  return run;
}

beforeAll(async () => {
  emulator = await startEmulator(parseEmulatorConfig(EMULATOR_FILE, 'emulator.yaml'));
  directory = writeProject({
    'orgcfg.yaml': PROJECT,
    'no-token.yaml': PROJECT.replace('      securityToken: ${SF_QA_TOKEN}\n', ''),
    'evil.yaml': PROJECT.replace('https://acme.my.salesforce.com', 'https://collector.example.com'),
    'broken.yaml': 'version: 1\norgs:\n  prod:\n    auth: {method: client-credentials\n',
  });
});

afterAll(async () => {
  await emulator?.close();
  if (directory) fs.rmSync(directory, { recursive: true, force: true });
});

describe('orgcfg verify against the emulator', () => {
  it('logs in to every org', async () => {
    const run = await orgcfg(['verify']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^ok +prod +integration@acme\.com \(org 00D\w{15}, production\) at http:\/\/127\.0\.0\.1:\d+ in \d+ ms$/m);
    expect(run.stdout).toMatch(/^ok +qa +integration@acme\.com\.qa \(org 00D\w{15}, sandbox\)/m);
    expect(run.stdout).toContain('2 orgs: 2 ok, 0 failed');
  });

  it('reports a wrong password with the fix', async () => {
    const run = await orgcfg(['verify', '--org', 'qa'], { ...GOOD_VARIABLES, SF_QA_PASSWORD: SECRETS.wrongPassword });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('failed  qa  INVALID_LOGIN: Invalid username, password, security token; or user locked out.');
    expect(run.stdout).toMatch(/orgcfg\.yaml:12:3 \(soap-password, https:\/\/test\.salesforce\.com\)/);
    expect(run.stdout).toContain('to do: Check the username');
  });

  it('reports a missing security token', async () => {
    const run = await orgcfg(['verify', 'no-token.yaml', '--org', 'qa']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('LOGIN_MUST_USE_SECURITY_TOKEN');
    expect(run.stdout).toContain('Reset My Security Token');
  });

  it('names org, field and variable when a variable is missing', async () => {
    const { SF_PROD_CLIENT_SECRET: _unused, ...without } = GOOD_VARIABLES;
    const run = await orgcfg(['verify'], without);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      'orgcfg.yaml:11:21: error: org "prod": auth.clientSecret references ${SF_PROD_CLIENT_SECRET}, which is not set; set SF_PROD_CLIENT_SECRET in one of: .env, the process environment [resolve]',
    );
    expect(run.stdout).toMatch(/^skipped prod/m);
    expect(run.stdout).toMatch(/^ok +qa/m);
  });

  it('refuses a login URL outside Salesforce', async () => {
    const run = await orgcfg(['verify', 'evil.yaml', '--org', 'prod']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('host "collector.example.com" is not a Salesforce login host, so orgcfg will not send credentials to it');
    expect(run.stderr).toContain('--allow-host collector.example.com');
  });

  it('refuses a loopback URL that was not allowed', async () => {
    const url = emulator.domains[0]!.url;
    const project = PROJECT.replace('https://acme.my.salesforce.com', url);
    const cwd = writeProject({ 'orgcfg.yaml': project });
    const run = await runCli(['verify', '--org', 'prod'], { cwd, env: cleanEnvironment(GOOD_VARIABLES) });
    runs.push(run);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('is a loopback http address that was not allowed');
  });

  it('stops on broken YAML with a location and no stack trace', async () => {
    const run = await orgcfg(['verify', 'broken.yaml']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^broken\.yaml:5:1: error: invalid YAML: .+ \[yaml-syntax\]$/m);
    expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
  });

  it('prints a JSON report for an invalid project file', async () => {
    const run = await orgcfg(['verify', 'broken.yaml', '--format', 'json']);
    expect(run.code).toBe(2);
    const report = JSON.parse(run.stdout);
    expect(report.results).toEqual([]);
    expect(report.diagnostics[0]).toMatchObject({ ruleId: 'yaml-syntax', file: 'broken.yaml', start: { line: 5, column: 1 } });
  });

  it('reads .env beside the project and lets the environment win', async () => {
    const cwd = writeProject({
      'orgcfg.yaml': PROJECT,
      '.env': `SF_PROD_CLIENT_ID=3MVG9e2eClientId\nSF_PROD_CLIENT_SECRET=${SECRETS.clientSecret}\nSF_QA_PASSWORD=${SECRETS.wrongPassword}\nSF_QA_TOKEN=${SECRETS.qaToken}\n`,
    });
    const fromFile = await orgcfg(['verify'], {}, cwd);
    expect(fromFile.stdout).toMatch(/^ok +prod/m);
    expect(fromFile.stdout).toMatch(/^failed +qa +INVALID_LOGIN/m);
    const overridden = await orgcfg(['verify'], { SF_QA_PASSWORD: SECRETS.qaPassword }, cwd);
    expect(overridden.code).toBe(0);
  });

  it('prints a JSON report with the fault catalogue fields', async () => {
    const run = await orgcfg(['verify', '--format', 'json'], { ...GOOD_VARIABLES, SF_QA_PASSWORD: SECRETS.wrongPassword });
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({ reportVersion: 1, tool: 'orgcfg', command: 'verify', summary: { orgs: 2, ok: 1, failed: 1, skipped: 0 } });
    const qa = report.results.find((result: { org: string }) => result.org === 'qa');
    expect(qa.error).toMatchObject({ code: 'INVALID_LOGIN', retryable: false });
    expect(qa.error.action).toContain('security token');
  });

  it('rejects an unknown org name', async () => {
    const run = await orgcfg(['verify', '--org', 'nope']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no org named "nope" in orgcfg.yaml; available: prod, qa');
  });

  it('reads --env-file over the project .env', async () => {
    const cwd = writeProject({
      'orgcfg.yaml': PROJECT,
      '.env': `SF_QA_PASSWORD=${SECRETS.wrongPassword}\n`,
      'ci.env': `SF_QA_PASSWORD=${SECRETS.qaPassword}\nSF_QA_TOKEN=${SECRETS.qaToken}\n`,
    });
    const run = await orgcfg(['verify', '--org', 'qa', '--env-file', 'ci.env'], {}, cwd);
    expect(run.code).toBe(0);
  });
});

describe('orgcfg lint and usage errors', () => {
  it('lints a file with literal secrets without printing them', async () => {
    const cwd = writeProject({ 'orgcfg.yaml': PROJECT.replace('${SF_QA_PASSWORD}', SECRETS.qaPassword).replace('${SF_QA_TOKEN}', `"\${SF_QA_TOKEN:-${SECRETS.qaToken}}"`) });
    const run = await orgcfg(['lint'], {}, cwd);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('auth.password is a literal value');
    expect(run.stdout).toContain('auth.securityToken has a default value');
  });

  it('exits 2 for an unknown option', async () => {
    const run = await orgcfg(['verify', '--frobnicate']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("unknown option '--frobnicate'");
  });

  it('runs node with -- in its shebang', () => {
    expect(fs.readFileSync(BIN, 'utf8').split('\n')[0]).toBe('#!/usr/bin/env -S node --max-semi-space-size=16 --min-semi-space-size=4 --');
  });

  it('exits 2 for a missing env file', async () => {
    const run = await orgcfg(['verify', '--env-file', 'missing.env']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('orgcfg: cannot read env file missing.env: no such file or directory\n');
  });
});

describe('secret leak check', () => {
  it('no output of any run contains a secret value', () => {
    expect(runs.length).toBeGreaterThan(10);
    for (const run of runs) {
      for (const [name, value] of Object.entries(SECRETS)) {
        expect(run.stdout, `stdout leaks ${name}`).not.toContain(value);
        expect(run.stderr, `stderr leaks ${name}`).not.toContain(value);
      }
    }
  });
});

