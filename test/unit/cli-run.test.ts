import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import type { CliIo } from '../../src/cli/io.js';
import { writeProject } from '../e2e/cli-helpers.js';

function memoryIo(cwd: string, env: Record<string, string> = {}) {
  const out = { stdout: '', stderr: '' };
  const io: CliIo = {
    stdout: (text) => (out.stdout += text),
    stderr: (text) => (out.stderr += text),
    env,
    cwd,
    stdoutIsTTY: false,
  };
  return { io, out };
}

describe('run', () => {
  it.each(['lint', 'verify'])('explains that %s needs a newer Node.js', async (command) => {
    const { io, out } = memoryIo(process.cwd());
    const code = await run([command], io, '20.20.2');
    expect(code).toBe(2);
    expect(out.stderr).toBe(
      "orgcfg: Node.js 22.19 or newer is required (orgcfg's Salesforce client, jsforce, needs it); this is Node.js 20.20.2. Install a current LTS release\n",
    );
  });

  it('accepts Node.js 22.19 and later majors', async () => {
    const { checkNodeVersion } = await import('../../src/cli/run.js');
    expect(checkNodeVersion('22.19.0')).toBeUndefined();
    expect(checkNodeVersion('24.1.0')).toBeUndefined();
    expect(checkNodeVersion('22.12.0')).toMatch(/Node.js 22.19 or newer is required/);
  });

  it('prints help with exit 0', async () => {
    const { io, out } = memoryIo(process.cwd());
    expect(await run(['--help'], io)).toBe(0);
    expect(out.stdout).toContain('Usage: orgcfg');
  });

  it('rejects an unknown command with exit 2', async () => {
    const { io, out } = memoryIo(process.cwd());
    expect(await run(['frobnicate'], io)).toBe(2);
    expect(out.stderr).toContain("unknown command 'frobnicate'");
  });

  it('reports a missing project file with exit 2', async () => {
    const cwd = writeProject({ 'readme.txt': 'no project here' });
    const { io, out } = memoryIo(cwd);
    expect(await run(['lint'], io)).toBe(2);
    expect(out.stderr).toContain('no orgcfg.yaml found in');
  });

  it('rejects a bad --connect-to before loading anything', async () => {
    const cwd = writeProject({ 'orgcfg.yaml': 'version: 1\n' });
    const { io, out } = memoryIo(cwd);
    expect(await run(['verify', '--connect-to', 'acme.my.salesforce.com=http://192.0.2.1:80'], io)).toBe(2);
    expect(out.stderr).toContain('http is only allowed for loopback hosts');
  });

  it('ignores ORGCFG_ALLOW_HOSTS set in a .env file', async () => {
    const cwd = writeProject({
      'orgcfg.yaml': 'version: 1\norgs:\n  x:\n    loginUrl: https://collector.example.com\n    apiVersion: "66.0"\n    auth: { method: client-credentials, clientId: a, clientSecret: "${S}" }\n',
      '.env': 'ORGCFG_ALLOW_HOSTS=collector.example.com\nS=value-from-dotenv\n',
    });
    const { io, out } = memoryIo(cwd);
    expect(await run(['verify'], io)).toBe(2);
    expect(out.stderr).toContain('host "collector.example.com" is not a Salesforce login host');
  });
});

describe('includes through symbolic links', () => {
  it('refuses a link that leaves the project directory', async () => {
    const outside = writeProject({ 'secret.yaml': 'orgs:\n  leaked-key-material: {}\n' });
    const cwd = writeProject({ 'orgcfg.yaml': 'version: 1\ninclude: orgs/*.yaml\n', 'orgs/inside.yaml': 'orgs: {}\n' });
    fs.symlinkSync(path.join(outside, 'secret.yaml'), path.join(cwd, 'orgs', 'link.yaml'));
    const { io, out } = memoryIo(cwd);
    expect(await run(['lint'], io)).toBe(1);
    expect(out.stdout).toContain('a symbolic link to a file outside the project directory');
    expect(out.stdout).not.toContain('leaked-key-material');
  });
});

describe('paths', () => {
  it('accepts globs in upgrade as in lint', async () => {
    const project = 'version: 1\norgs:\n  x:\n    loginUrl: https://a.my.salesforce.com\n    apiVersion: "66.0"\n    auth: { method: client-credentials, clientId: a, clientSecret: "${S}" }\n';
    const cwd = writeProject({ 'a/orgcfg.yaml': project, 'b/orgcfg.yaml': project.replace('x:', 'y:') });
    const { io, out } = memoryIo(cwd);
    expect(await run(['upgrade', '--check', '*/orgcfg.yaml'], io)).toBe(1);
    expect(out.stdout).toContain('--- a/orgcfg.yaml');
    expect(out.stdout).toContain('--- b/orgcfg.yaml');
  });
});

describe('file encodings', () => {
  it('rejects a UTF-16 project file with exit 2', async () => {
    const cwd = writeProject({});
    fs.writeFileSync(path.join(cwd, 'orgcfg.yaml'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('version: 1\n', 'utf16le')]));
    const { io, out } = memoryIo(cwd);
    expect(await run(['lint'], io)).toBe(2);
    expect(out.stdout).toContain('cannot read orgcfg.yaml: it is encoded as UTF-16; save it as UTF-8');
  });
});
