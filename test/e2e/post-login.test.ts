/**
 * The checks verify runs after a successful login: the API version, the expect block and the
 * daily API request threshold. Every login, passed or failed, must end its session.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { ORGS, SERVER_KEY_FILE, VARIABLES, World } from './emulator-world.js';

let world: World;

beforeAll(async () => {
  world = await World.start();
});

afterEach(() => {
  expect(world.emulator.liveTokens(), 'sessions left open by the test').toEqual([]);
});

afterAll(async () => {
  await world?.close();
});

const oldOrg = (apiVersion: string, extra = '') => `${ORGS.clientCredentials('3MVG9w0rldOldClientId', 'https://old.my.salesforce.com', apiVersion)}${extra}`;

const qaOrg = (extra: string) => `
    loginUrl: https://acme--qa.sandbox.my.salesforce.com
    sandbox: true
    apiVersion: "66.0"
    auth:
      method: client-credentials
      clientId: 3MVG9w0rldQaClientId
      clientSecret: \${SF_CLIENT_SECRET}
${extra}`;

/** Returns the 18-character id of the org behind `orgYaml`, read from a verify run. */
async function organizationIdOf(orgYaml: string): Promise<string> {
  const { result } = await world.verifyOne(orgYaml);
  expect(result.status).toBe('ok');
  return result.organizationId!;
}

describe('API version check', () => {
  it('passes at the newest served version', async () => {
    const { result } = await world.verifyOne(oldOrg('60.0'));
    expect(result.status).toBe('ok');
    expect(result.newestApiVersion).toBe('60.0');
  });

  it('fails above maxApiVersion', async () => {
    const { result } = await world.verifyOne(oldOrg('61.0'));
    expect(result.error?.code).toBe('API_VERSION_NOT_SERVED');
    expect(result.error?.message).toContain("newer than the org's newest version, 60.0");
    expect(result.error?.message).toContain('Set apiVersion to a version from');
  });

  it('prints the newest version as text', async () => {
    const run = await world.run({ 'orgcfg.yaml': `version: 1\norgs:\n  old:\n${oldOrg('62.0').replace(/^\n/, '')}` }, ['verify']);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^failed +old +API_VERSION_NOT_SERVED: the org does not serve apiVersion "62\.0"/m);
    expect(run.stdout).toContain("newer than the org's newest version, 60.0");
  });
});

describe('expect block', () => {
  it('passes when everything matches', async () => {
    const organizationId = await organizationIdOf(ORGS.clientCredentials());
    const expectBlock = `    expect:\n      organizationId: ${organizationId.slice(0, 15)}\n      username: CI@acme.com\n      sandbox: false\n`;
    const { result } = await world.verifyOne(`${ORGS.clientCredentials()}${expectBlock}`);
    expect(result.status).toBe('ok');
  });

  it('fails on another org id', async () => {
    const { result } = await world.verifyOne(`${ORGS.clientCredentials()}    expect:\n      organizationId: 00D000000000001AAA\n`);
    expect(result.error?.code).toBe('WRONG_ORG');
    expect(result.error?.message).toMatch(/^logged in to a different org: org id is 00D\w{15}, expected 00D000000000001AAA$/);
  });

  it('adds the refresh hint for sandboxes', async () => {
    const { result } = await world.verifyOne(qaOrg('    expect:\n      organizationId: 00D000000000001AAA\n'));
    expect(result.error?.code).toBe('WRONG_ORG');
    expect(result.error?.message).toContain('logged in to a different org');
    expect(result.error?.message).toContain('A sandbox refresh gives the sandbox a new org id');
  });

  it('fails on another username', async () => {
    const { result } = await world.verifyOne(`${ORGS.jwt()}    expect:\n      username: someone@acme.com\n`);
    expect(result.error?.code).toBe('WRONG_ORG');
    expect(result.error?.message).toBe('logged in to a different org: username is jwt@acme.com, expected someone@acme.com');
  });

  it('fails on the wrong org kind', async () => {
    const { result } = await world.verifyOne(qaOrg('    expect:\n      sandbox: false\n'));
    expect(result.error?.code).toBe('WRONG_ORG');
    expect(result.error?.message).toBe('logged in to a different org: the org is a sandbox, expected production');
  });

  it('prints the mismatch as text', async () => {
    const run = await world.run({ 'orgcfg.yaml': `version: 1\norgs:\n  qa:\n${qaOrg('    expect:\n      organizationId: 00D000000000001AAA\n').replace(/^\n/, '')}` }, ['verify']);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^failed +qa +WRONG_ORG: logged in to a different org/m);
    expect(run.stdout).toContain('check: expect (orgcfg.yaml:');
  });
});

describe('daily API request threshold', () => {
  it('warns below the threshold', async () => {
    const { result, run } = await world.verifyOne(oldOrg('60.0', '    limits:\n      dailyApiRequests: 1000\n'));
    expect(run.code).toBe(0);
    expect(result.status).toBe('ok');
    expect(result.dailyApiRequests).toEqual({ max: 15000, remaining: 120 });
    expect(result.warnings).toContain('only 120 of 15000 daily API requests remain, below the threshold of 1000 (limits.dailyApiRequests)');
  });

  it('stays quiet above the threshold', async () => {
    const { result } = await world.verifyOne(oldOrg('60.0', '    limits:\n      dailyApiRequests: 100\n'));
    expect(result.dailyApiRequests).toEqual({ max: 15000, remaining: 120 });
    expect(result.warnings).toEqual([]);
  });

  it('prints the warning as text', async () => {
    const run = await world.run({ 'orgcfg.yaml': `version: 1\norgs:\n  old:\n${oldOrg('60.0', '    limits:\n      dailyApiRequests: 1000\n').replace(/^\n/, '')}` }, ['verify']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^ +warning: only 120 of 15000 daily API requests remain/m);
  });
});

describe('sessions', () => {
  it('ends every session of a mixed run', async () => {
    const issuedBefore = world.emulator.issuedTokens().length;
    const projectText = [
      'version: 1',
      'orgs:',
      `  soap:\n${ORGS.soap().replace(/^\n/, '')}`,
      `  oauth:\n${ORGS.oauthPassword().replace(/^\n/, '')}`,
      `  cc:\n${ORGS.clientCredentials().replace(/^\n/, '')}`,
      `  jwt-variable:\n${ORGS.jwt().replace(/^\n/, '')}`,
      `  jwt-file:\n${ORGS.jwt('jwt@acme.com', `      privateKeyFile: ${SERVER_KEY_FILE}`).replace(/^\n/, '')}`,
      `  refresh:\n${ORGS.refreshToken().replace(/^\n/, '')}`,
      `  wrong-org:\n${ORGS.clientCredentials().replace(/^\n/, '')}    expect:\n      organizationId: 00D000000000001AAA\n`,
      `  old-version:\n${oldOrg('62.0').replace(/^\n/, '')}`,
    ].join('\n');
    const run = await world.run({ 'orgcfg.yaml': projectText }, ['verify', '--format', 'json', '--concurrency', '4'], VARIABLES);
    const report = JSON.parse(run.stdout) as { summary: Record<string, number> };
    expect(report.summary).toEqual({ orgs: 8, ok: 6, failed: 2, skipped: 0 });
    // Every org logged in once, including the two that failed a post-login check.
    expect(world.emulator.issuedTokens().length - issuedBefore).toBe(8);
    expect(world.emulator.liveTokens()).toEqual([]);
  });

  it('prints no secret and no issued token', () => {
    world.expectNoLeaks();
  });
});
