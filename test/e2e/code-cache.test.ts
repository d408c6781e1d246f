import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, cleanEnvironment, runCli, writeProject } from './cli-helpers.js';

const LINT_BUNDLE = path.join(path.dirname(BIN), 'lint.cjs');

const PROJECT = `version: 1
orgs:
  prod:
    loginUrl: https://acme.my.salesforce.com
    apiVersion: "64.0"
    auth:
      method: soap-password
      username: ci@acme.com
      password: \${SF_PROD_PASSWORD}
      securityToken: \${SF_PROD_TOKEN}
`;

/** Runs `orgcfg ARGS` with Node.js's compile cache, and so orgcfg's, in its own directory. */
function runWithCache(cacheRoot: string, args: string[], extra: Record<string, string> = {}) {
  return runCli(args, { cwd: project, env: cleanEnvironment({ NODE_COMPILE_CACHE: cacheRoot, ...extra }) });
}

/** Lists the orgcfg cache files below a compile cache directory (Node.js adds a versioned folder). */
function cacheFiles(cacheRoot: string): string[] {
  if (!fs.existsSync(cacheRoot)) return [];
  return fs
    .readdirSync(cacheRoot, { recursive: true, encoding: 'utf8' })
    .filter((name) => /(^|[/\\])orgcfg-[0-9a-f]{8}\.bin$/.test(name))
    .map((name) => path.join(cacheRoot, name));
}

/** Returns whether the data after the header line is two equal copies. */
function isMirrored(contents: Buffer): boolean {
  const copies = contents.subarray(contents.indexOf(0x0a) + 1);
  const half = copies.length / 2;
  return Number.isInteger(half) && copies.subarray(0, half).equals(copies.subarray(half));
}

const cacheRoots: string[] = [];
function newCacheRoot(): string {
  const cacheRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'orgcfg-code-cache-'));
  cacheRoots.push(cacheRoot);
  return cacheRoot;
}

const project = writeProject({ 'orgcfg.yaml': PROJECT });
afterAll(() => {
  for (const directory of [project, ...cacheRoots]) fs.rmSync(directory, { recursive: true, force: true });
});

// npm test builds before it runs the tests, so the bundle exists there; a bare vitest run may skip this.
describe.skipIf(!fs.existsSync(LINT_BUNDLE))('code cache of the lint bundle', () => {
  it('is written after a lint run and reused', async () => {
    const cacheRoot = newCacheRoot();
    const first = await runWithCache(cacheRoot, ['lint']);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('[soap-login-retiring]');

    const [file, ...others] = cacheFiles(cacheRoot);
    expect(file).toBeDefined();
    expect(others).toEqual([]);
    const contents = fs.readFileSync(file!);
    const headerEnd = contents.indexOf(0x0a);
    const [format, size, , , length] = contents.toString('latin1', 0, headerEnd).split(' ');
    expect(format).toBe('orgcfg-code-cache-2');
    expect(Number(size)).toBe(fs.statSync(LINT_BUNDLE).size);
    expect(contents.length - headerEnd - 1).toBe(2 * Number(length));
    expect(isMirrored(contents)).toBe(true);
    const before = fs.statSync(file!);

    const second = await runWithCache(cacheRoot, ['lint']);
    expect(second).toEqual(first);
    // A usable cache is never rewritten, so the same file is still there.
    const after = fs.statSync(file!);
    expect(after.ino).toBe(before.ino);
    expect(after.mtimeMs).toBe(before.mtimeMs);
  });

  it('is not written by other commands', async () => {
    const cacheRoot = newCacheRoot();
    const run = await runWithCache(cacheRoot, ['--version']);
    expect(run.code).toBe(0);
    expect(cacheFiles(cacheRoot)).toEqual([]);
  });

  it('is not written after a usage error', async () => {
    const cacheRoot = newCacheRoot();
    const run = await runWithCache(cacheRoot, ['lint', 'missing.yaml']);
    expect(run.code).toBe(2);
    expect(cacheFiles(cacheRoot)).toEqual([]);
  });

  it('is replaced when damaged', async () => {
    const cacheRoot = newCacheRoot();
    const first = await runWithCache(cacheRoot, ['lint']);
    const [file] = cacheFiles(cacheRoot);
    const damaged = fs.readFileSync(file!);
    // Flip bytes all through both copies of the V8 data but keep the header, as a failing disk
    // might. Flipping the same bytes in both copies would go unnoticed, so the copies differ.
    for (let index = damaged.indexOf(0x0a) + 64; index < damaged.length; index += 997) damaged[index]! ^= 0x5a;
    expect(isMirrored(damaged)).toBe(false);
    fs.writeFileSync(file!, damaged);

    const second = await runWithCache(cacheRoot, ['lint']);
    expect(second).toEqual(first);
    const rewritten = fs.readFileSync(file!);
    expect(rewritten.equals(damaged)).toBe(false);
    expect(isMirrored(rewritten)).toBe(true);
  });

  it('is replaced when truncated', async () => {
    const cacheRoot = newCacheRoot();
    const first = await runWithCache(cacheRoot, ['lint']);
    const [file] = cacheFiles(cacheRoot);
    fs.truncateSync(file!, fs.statSync(file!).size - 1000);

    const second = await runWithCache(cacheRoot, ['lint']);
    expect(second).toEqual(first);
    expect(isMirrored(fs.readFileSync(file!))).toBe(true);
  });

  it.skipIf(process.getuid === undefined)('is ignored and replaced when others may write it', async () => {
    const cacheRoot = newCacheRoot();
    const first = await runWithCache(cacheRoot, ['lint']);
    const [file] = cacheFiles(cacheRoot);
    fs.chmodSync(file!, 0o666);
    const before = fs.statSync(file!);

    const second = await runWithCache(cacheRoot, ['lint']);
    expect(second).toEqual(first);
    const after = fs.statSync(file!);
    expect(after.ino).not.toBe(before.ino);
    expect(after.mode & 0o777).toBe(0o600);
  });

  it.skipIf(process.getuid === undefined)('is not read from a directory others may write', async () => {
    const cacheRoot = newCacheRoot();
    const first = await runWithCache(cacheRoot, ['lint']);
    const [file] = cacheFiles(cacheRoot);
    // A planted file: both copies of the data damaged alike, so only the directory check stops
    // V8 from reading it.
    const planted = fs.readFileSync(file!);
    const start = planted.indexOf(0x0a) + 1;
    const half = (planted.length - start) / 2;
    for (let offset = 64; offset < half; offset += 997) {
      planted[start + offset]! ^= 0x5a;
      planted[start + half + offset]! ^= 0x5a;
    }
    fs.writeFileSync(file!, planted);
    fs.chmodSync(path.dirname(file!), 0o777);

    const second = await runWithCache(cacheRoot, ['lint']);
    expect(second).toEqual(first);
    // Not replaced either: orgcfg writes nothing into such a directory.
    expect(fs.readFileSync(file!).equals(planted)).toBe(true);
  });

  it('is not written with NODE_DISABLE_COMPILE_CACHE', async () => {
    const cacheRoot = newCacheRoot();
    const run = await runWithCache(cacheRoot, ['lint'], { NODE_DISABLE_COMPILE_CACHE: '1' });
    expect(run.code).toBe(0);
    expect(cacheFiles(cacheRoot)).toEqual([]);
  });

  it('leaves lint working when its directory cannot be created', async () => {
    const cacheRoot = newCacheRoot();
    const notADirectory = path.join(cacheRoot, 'file');
    fs.writeFileSync(notADirectory, '');
    const expected = await runWithCache(newCacheRoot(), ['lint']);

    const run = await runWithCache(notADirectory, ['lint']);
    expect(run).toEqual(expected);
  });
});
