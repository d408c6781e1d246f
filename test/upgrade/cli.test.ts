import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runUpgrade } from '../../src/cli/commands/upgrade.js';
import { NODE_FILE_SYSTEM, writeFileAtomic, type AtomicWriteFileSystem } from '../../src/cli/write-file-atomic.js';
import { run } from '../../src/cli/run.js';
import type { CliIo } from '../../src/cli/io.js';

const PROJECT = [
  '# Acme orgs',
  'version: 1',
  'defaults:',
  '  apiVersion: "62.0" # moves',
  'include: orgs/*.yaml',
  'orgs:',
  '  legacy:',
  '    sandbox: true',
  '    loginUrl: https://acme--legacy.sandbox.my.salesforce.com',
  '    auth:',
  '      method: soap-password',
  '      username: integration@acme.com.legacy',
  '      password: ${SF_LEGACY_PASSWORD}',
  '      securityToken: ${SF_LEGACY_SECURITY_TOKEN}',
  '',
].join('\n');

const INCLUDED = ['# team orgs', 'orgs:', '  team:', '    auth:', '      method: soap-password', '      username: team@acme.com', '      password: ${SF_TEAM_PASSWORD}', ''].join('\n');

const ENV_EXAMPLE = '# Copy to .env\nSF_LEGACY_PASSWORD=\nSF_LEGACY_SECURITY_TOKEN=\n';

let directory: string;

beforeEach(() => {
  directory = fs.mkdtempSync(path.join(os.tmpdir(), 'orgcfg-upgrade-'));
  fs.mkdirSync(path.join(directory, 'orgs'));
  fs.writeFileSync(path.join(directory, 'orgcfg.yaml'), PROJECT, { mode: 0o640 });
  fs.writeFileSync(path.join(directory, 'orgs', 'team.yaml'), INCLUDED);
  fs.writeFileSync(path.join(directory, '.env.example'), ENV_EXAMPLE);
});

afterEach(() => {
  fs.rmSync(directory, { recursive: true, force: true });
});

function sinks(): { io: CliIo; out: () => string; err: () => string } {
  let out = '';
  let err = '';
  const io: CliIo = {
    stdout: (text) => (out += text),
    stderr: (text) => (err += text),
    env: {},
    cwd: directory,
    stdoutIsTTY: false,
  };
  return { io, out: () => out, err: () => err };
}

async function upgrade(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const { io, out, err } = sinks();
  const code = await run(['upgrade', ...argv], io);
  return { code, out: out(), err: err() };
}

function read(file: string): string {
  return fs.readFileSync(path.join(directory, file), 'utf8');
}

describe('orgcfg upgrade', () => {
  it('dry run prints a diff and writes nothing', async () => {
    const result = await upgrade();
    expect(result.code).toBe(0);
    expect(result.out).toContain('--- orgcfg.yaml\n+++ orgcfg.yaml\n');
    expect(result.out).toContain('-  apiVersion: "62.0" # moves\n+  apiVersion: "68.0" # moves\n');
    expect(result.out).toContain('+    apiVersion: "62.0"\n');
    expect(result.err).toContain('Dry run: no file was written');
    expect(read('orgcfg.yaml')).toBe(PROJECT);
    expect(read('orgs/team.yaml')).toBe(INCLUDED);
  });

  it('--check exits 1 when a file would change', async () => {
    const result = await upgrade('--check');
    expect(result.code).toBe(1);
    expect(read('orgcfg.yaml')).toBe(PROJECT);
  });

  it('--write then --check exits 0 and says so', async () => {
    expect((await upgrade('--write')).code).toBe(0);
    const check = await upgrade('--check');
    expect(check.code).toBe(0);
    expect(check.out).toBe('');
    expect(check.err).toContain('Nothing to upgrade');
  });

  it('--write pins included SOAP orgs when defaults move', async () => {
    await upgrade('--write');
    expect(read('orgcfg.yaml')).toContain('  apiVersion: "68.0" # moves\n');
    expect(read('orgs/team.yaml')).toBe(INCLUDED.replace('  team:\n', '  team:\n    apiVersion: "62.0"\n'));
  });

  it('--write keeps the file mode', async () => {
    await upgrade('--write');
    expect(fs.statSync(path.join(directory, 'orgcfg.yaml')).mode & 0o777).toBe(0o640);
    expect(fs.readdirSync(directory).filter((file) => file.endsWith('.tmp'))).toEqual([]);
  });

  it('--auth appends new variables to .env.example', async () => {
    const result = await upgrade('--auth', 'client-credentials', '--write');
    expect(result.code).toBe(0);
    const env = read('.env.example');
    expect(env.startsWith('# Copy to .env\n')).toBe(true);
    expect(env).toContain('SF_LEGACY_CLIENT_ID=\n');
    expect(env).toContain('SF_TEAM_CLIENT_SECRET=\n');
    expect(read('orgs/team.yaml')).toContain('clientSecret: ${SF_TEAM_CLIENT_SECRET}');
    expect(result.err).toContain('run-as user');
    expect(result.err).toContain('team@acme.com');
  });

  it('--auth removes variables nothing references any more', async () => {
    const dryRun = await upgrade('--auth', 'client-credentials');
    expect(dryRun.out).toContain('--- .env.example\n+++ .env.example\n');
    expect(dryRun.out).toContain('-SF_LEGACY_PASSWORD=\n-SF_LEGACY_SECURITY_TOKEN=\n');
    expect(dryRun.err).toContain('.env.example: removes SF_LEGACY_PASSWORD, SF_LEGACY_SECURITY_TOKEN, which no file of the project references after the upgrade');
    expect(dryRun.err).toContain('remove SF_LEGACY_PASSWORD and SF_LEGACY_SECURITY_TOKEN from your secret stores');

    await upgrade('--auth', 'client-credentials', '--write');
    const env = read('.env.example');
    expect(env).not.toContain('SF_LEGACY_PASSWORD');
    expect(env).not.toContain('SF_LEGACY_SECURITY_TOKEN');
    expect(env).toContain('# Copy to .env\n');
  });

  it('--org keeps variables another org still references', async () => {
    fs.writeFileSync(path.join(directory, 'orgs', 'team.yaml'), INCLUDED.replace('SF_TEAM_PASSWORD', 'SF_LEGACY_PASSWORD'));
    await upgrade('--auth', 'client-credentials', '--org', 'legacy', '--write');
    const env = read('.env.example');
    expect(env).toContain('SF_LEGACY_PASSWORD=\n');
    expect(env).not.toContain('SF_LEGACY_SECURITY_TOKEN');
  });

  it('--auth flags a generic login URL for client credentials', async () => {
    const result = await upgrade('--auth', 'client-credentials');
    expect(result.err).toMatch(/org "team".*My Domain/);
  });

  it('--org upgrades only the named org and keeps defaults', async () => {
    fs.writeFileSync(path.join(directory, 'orgs', 'team.yaml'), INCLUDED.replace('soap-password', 'sfdx-auth-url').replace(/      username.*\n      password.*\n/, '      authUrl: ${SF_TEAM_AUTH_URL}\n'));
    const result = await upgrade('--org', 'team', '--write');
    expect(result.code).toBe(0);
    expect(read('orgcfg.yaml')).toBe(PROJECT);
    expect(read('orgs/team.yaml')).toContain('    apiVersion: "68.0"\n');
  });

  it('advises 64.0 for SOAP orgs at 65.0 or later', async () => {
    fs.writeFileSync(path.join(directory, 'orgcfg.yaml'), PROJECT.replace('    sandbox: true\n', '    sandbox: true\n    apiVersion: "66.0"\n'));
    const result = await upgrade();
    expect(result.code).toBe(0);
    expect(result.err).toContain('org "legacy": logs in with soap-password at apiVersion "66.0"');
    expect(result.err).toContain('set apiVersion: "64.0" on the org, or run orgcfg upgrade --auth client-credentials');
    expect(result.err).not.toContain('stays at apiVersion "66.0"');
  });

  it('never prints a literal secret in the diff', async () => {
    fs.writeFileSync(path.join(directory, 'orgcfg.yaml'), PROJECT.replace('${SF_LEGACY_PASSWORD}', 'hunter2-literal'));
    const result = await upgrade('--auth', 'jwt');
    expect(result.out).toContain('<redacted>');
    expect(result.out + result.err).not.toContain('hunter2-literal');
  });
});

describe('orgcfg upgrade input errors', () => {
  it('--write with --check exits 2', async () => {
    expect((await upgrade('--write', '--check')).code).toBe(2);
  });

  it('an unknown --api-version exits 2 and names the range', async () => {
    const result = await upgrade('--api-version', '99.0');
    expect(result.code).toBe(2);
    expect(result.err).toContain('"99.0" is unknown');
  });

  it('a retired --api-version exits 2', async () => {
    const result = await upgrade('--api-version', '25.0');
    expect(result.code).toBe(2);
    expect(result.err).toContain('retired');
  });

  it('an unknown --org exits 2 and lists the orgs', async () => {
    const result = await upgrade('--org', 'nope');
    expect(result.code).toBe(2);
    expect(result.err).toContain('defined orgs: legacy, team');
  });

  it('a syntax error exits 2 and writes no file of the project', async () => {
    fs.writeFileSync(path.join(directory, 'orgs', 'team.yaml'), 'orgs:\n  team: [oops\n');
    const result = await upgrade('--write');
    expect(result.code).toBe(2);
    expect(result.err).toContain('no file of this project was written');
    expect(read('orgcfg.yaml')).toBe(PROJECT);
  });

  it('a schema error prints each problem once', async () => {
    fs.writeFileSync(path.join(directory, 'orgcfg.yaml'), PROJECT.replace('apiVersion: "62.0" # moves', 'apiVersion: 62'));
    const result = await upgrade('--auth', 'client-credentials');
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/^orgcfg\.yaml:4:15: error: defaults\.apiVersion must be a quoted string .+ \[schema\]$/m);
    expect(result.err).not.toContain('defaults.apiVersion: defaults.apiVersion');
    expect(result.err.match(/defaults\.apiVersion must be/g)).toHaveLength(1);
    expect(result.err).toContain('no file of this project was written');
  });

  it('a project with errors prints no checklist', async () => {
    fs.writeFileSync(path.join(directory, 'orgs', 'team.yaml'), INCLUDED.replace('  team:\n', '  team:\n    apiVersion: 62\n'));
    const result = await upgrade('--auth', 'client-credentials');
    expect(result.err).not.toContain('Before orgcfg verify can log in');
    expect(result.err).not.toContain('SF_LEGACY_CLIENT_ID');
  });

  it('a syntax error is located in its file', async () => {
    fs.writeFileSync(path.join(directory, 'orgs', 'team.yaml'), 'orgs:\n  team: [oops\n');
    const result = await upgrade();
    expect(result.err).toMatch(/^orgs\/team\.yaml:\d+:\d+: error: .+ \[yaml-syntax\]$/m);
    expect(result.err).not.toContain(', column ');
  });

  it('a missing project exits 2', async () => {
    expect((await upgrade('missing.yaml')).code).toBe(2);
  });
});

describe('atomic write', () => {
  function failingRename(): AtomicWriteFileSystem {
    return {
      ...NODE_FILE_SYSTEM,
      rename: () => {
        throw Object.assign(new Error('simulated crash before rename'), { code: 'EIO' });
      },
    };
  }

  it('an interrupted write leaves the original intact', () => {
    const file = path.join(directory, 'orgcfg.yaml');
    expect(() => writeFileAtomic(file, 'new text', failingRename())).toThrow('simulated crash');
    expect(fs.readFileSync(file, 'utf8')).toBe(PROJECT);
    expect(fs.readdirSync(directory).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('the command reports an interrupted write and keeps the original', () => {
    const { io } = sinks();
    expect(() => runUpgrade([], { org: [], write: true }, io, failingRename())).toThrow(/cannot write orgcfg.yaml.*unchanged/);
    expect(read('orgcfg.yaml')).toBe(PROJECT);
  });

  it('a completed write replaces the content', () => {
    const file = path.join(directory, 'orgcfg.yaml');
    writeFileAtomic(file, 'replaced\n');
    expect(fs.readFileSync(file, 'utf8')).toBe('replaced\n');
  });
});
