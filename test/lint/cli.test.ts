import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import type { CliIo } from '../../src/cli/io.js';

let dir: string;
let out: string;
let err: string;

function io(stdin?: string): CliIo {
  return {
    stdout: (text) => (out += text),
    stderr: (text) => (err += text),
    env: {},
    cwd: dir,
    stdoutIsTTY: false,
    ...(stdin !== undefined ? { readStdin: async () => stdin } : {}),
  };
}

function write(file: string, text: string, mode?: number): void {
  fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  fs.writeFileSync(path.join(dir, file), text);
  if (mode !== undefined) fs.chmodSync(path.join(dir, file), mode);
}

const FIXABLE = [
  '# Acme orgs',
  'version: 1',
  '',
  'orgs:',
  '  prod:   # production',
  "    loginUrl: 'https://acme.my.salesforce.com/'",
  '    apiVersion: 66.0',
  '    sandbox: no',
  '    auth: { method: client-credentials, clientId: a, clientSecret: "${SF_PROD_CLIENT_SECRET}" }',
  '',
].join('\r\n');

const FIXED = FIXABLE.replace("'https://acme.my.salesforce.com/'", "'https://acme.my.salesforce.com'").replace('66.0', '"66.0"').replace('sandbox: no', 'sandbox: false');

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'orgcfg-lint-'));
  out = '';
  err = '';
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('orgcfg lint --fix', () => {
  it('fixes in place and keeps formatting and mode', async () => {
    write('orgcfg.yaml', FIXABLE, 0o640);
    expect(await run(['lint', '--fix'], io())).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'orgcfg.yaml'), 'utf8')).toBe(FIXED);
    expect(fs.statSync(path.join(dir, 'orgcfg.yaml')).mode & 0o777).toBe(0o640);
    expect(err).toContain('fixed 3 problems in orgcfg.yaml');
    expect(out).toBe('');
    expect(fs.readdirSync(dir)).toEqual(['orgcfg.yaml']);
  });

  it('prints a diff and writes nothing on a dry run', async () => {
    write('orgcfg.yaml', FIXABLE);
    expect(await run(['lint', '--fix-dry-run'], io())).toBe(1);
    expect(fs.readFileSync(path.join(dir, 'orgcfg.yaml'), 'utf8')).toBe(FIXABLE);
    expect(out).toContain('-    apiVersion: 66.0\n');
    expect(out).toContain('+    apiVersion: "66.0"\n');
    expect(out).toContain('+    sandbox: false\n');
  });

  it('writes nothing to a file with syntax errors', async () => {
    const broken = 'version: 1\norgs:\n  a:\n    apiVersion: 66.0\n  a: {}\n';
    write('orgcfg.yaml', broken);
    expect(await run(['lint', '--fix'], io())).toBe(1);
    expect(fs.readFileSync(path.join(dir, 'orgcfg.yaml'), 'utf8')).toBe(broken);
  });
});

describe('orgcfg lint options', () => {
  const warningOnly = 'version: 1\ndefaults:\n  apiVersion: "38.0"\norgs: {}\n';

  it('fails on warnings over --max-warnings', async () => {
    write('orgcfg.yaml', warningOnly);
    expect(await run(['lint'], io())).toBe(0);
    expect(await run(['lint', '--max-warnings', '0'], io())).toBe(1);
    expect(err).toContain('1 warning, more than --max-warnings 0');
  });

  it('hides warnings with --quiet', async () => {
    write('orgcfg.yaml', warningOnly);
    expect(await run(['lint', '--quiet'], io())).toBe(0);
    expect(out).toBe('');
  });

  it('sets severities with --rule', async () => {
    write('orgcfg.yaml', warningOnly);
    expect(await run(['lint', '--rule', 'api-version-retiring=error'], io())).toBe(1);
    expect(await run(['lint', '--rule', 'api-version-retirng=off'], io())).toBe(2);
    expect(err).toContain('did you mean "api-version-retiring"?');
  });

  it('writes the report to --output', async () => {
    write('orgcfg.yaml', warningOnly);
    expect(await run(['lint', '-f', 'json', '-o', 'report.json'], io())).toBe(0);
    expect(out).toBe('');
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'report.json'), 'utf8')).summary).toEqual({ errors: 0, warnings: 1, infos: 0 });
  });

  it('lints standard input under --stdin-filename', async () => {
    write('teams/.env.example', 'SF_OTHER=\n');
    const text = 'version: 1\ndefaults:\n  loginUrl: ${SF_A}\n';
    expect(await run(['lint', '--stdin', '--stdin-filename', 'teams/orgcfg.yaml', '-f', 'github'], io(text))).toBe(0);
    expect(out).toContain('::warning file=teams/orgcfg.yaml,line=3,col=13');
    expect(out).toContain('::warning file=teams/.env.example,line=1,col=1');
  });

  it('expands directories and globs', async () => {
    write('a/orgcfg.yaml', 'version: 1\norgs:\n  prod: { apiVersion: "66.0", loginUrl: https://acme.my.salesforce.com, auth: { method: client-credentials, clientId: a, clientSecret: "${A}" } }\n');
    write('b/c/orgcfg.yaml', 'version: 1\norgs:\n  prod: { apiVersion: "66.0", loginUrl: https://beta.my.salesforce.com, auth: { method: client-credentials, clientId: a, clientSecret: "${B}" } }\n');
    expect(await run(['lint', '.'], io())).toBe(1);
    expect(out).toContain('b/c/orgcfg.yaml:3:3: error: org "prod" is already defined in a/orgcfg.yaml:3:3');
    out = '';
    expect(await run(['lint', '*/orgcfg.yaml'], io())).toBe(0);
    expect(out).toBe('');
  });
});

describe('orgcfg rules', () => {
  it('lists every rule', async () => {
    expect(await run(['rules'], io())).toBe(0);
    expect(out).toContain('soap-login-retiring');
    expect(out).toMatch(/\d+ rules\./);
  });

  it('explains one rule with examples', async () => {
    expect(await run(['rules', 'login-url-format'], io())).toBe(0);
    expect(out).toContain('fixable with --fix');
    expect(out).toContain('Reported:\n    loginUrl: https://acme.my.salesforce.com/');
  });

  it('suggests a rule for a typo', async () => {
    expect(await run(['rules', 'login-url-fromat'], io())).toBe(2);
    expect(err).toContain('did you mean "login-url-format"?');
  });
});
