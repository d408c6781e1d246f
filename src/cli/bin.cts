#!/usr/bin/env -S node --max-semi-space-size=16 --min-semi-space-size=4 --
// The only place that touches the process: arguments, streams, signals and the exit code.
// The "--" in the shebang matters: Node.js 20 and 24 scan script arguments for --env-file and
// exit with "not found" before the script runs when that file is missing.
// --max-semi-space-size=16 caps V8's young generation, which it otherwise sizes from the
// machine's memory: linting 10,000 orgs then peaks near 245 MB instead of 335 MB, at the same
// speed. --min-semi-space-size=4 starts it at 4 MB instead of 1 MB, so linting a small project
// needs no garbage collection, which took about 2 ms of 45, and the 10,000-org peak stays the
// same (measured with scripts/bench.mjs on a 2-core, 24 GiB machine, Node.js 24.21).
//
// This file and the bundle are CommonJS because a lint run in a pre-commit hook is mostly
// start-up: Node.js 24.21 starts a CommonJS main module about 1 ms sooner, and require('node:fs')
// skips the ES module facade that `import` builds for a built-in by reading every export,
// which loads fs/promises, streams and more.
import Module = require('node:module');
import codeCache = require('./code-cache.cjs');

type CliModule = typeof import('./run.js', { with: { 'resolution-mode': 'import' } });

// Node.js's compile cache (22.1+) serves the chunks that only verify, upgrade, the emulator and
// --fix load, and their packages. lint.cjs, everything a lint run loads, gets the fuller cache
// that code-cache.cjs keeps in the same cache directory.
Module.enableCompileCache?.();
const bundle = codeCache.requireWithCodeCache(require.resolve('./lint.cjs'), Module.getCompileCacheDir?.());
const { run } = bundle.exports as CliModule;

// A reader that closes the pipe early (`orgcfg lint | head -1`) makes writes fail with EPIPE.
// The output is no longer wanted, so stop quietly instead of crashing with a stack trace.
// The handler is added at a stream's first write, because reading process.stdout or
// process.stderr creates the stream, and a lint run without problems writes nothing.
const guardedStreams = new Set<NodeJS.WriteStream>();
function write(stream: NodeJS.WriteStream, text: string): void {
  if (!guardedStreams.has(stream)) {
    guardedStreams.add(stream);
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw error;
    });
  }
  stream.write(text);
}

const controller = new AbortController();
process.once('SIGINT', () => controller.abort());
process.once('SIGTERM', () => controller.abort());

async function main(): Promise<void> {
  const command = process.argv[2];
  const exitCode = await run(
    process.argv.slice(2),
    {
      stdout: (text) => write(process.stdout, text),
      stderr: (text) => write(process.stderr, text),
      env: process.env,
      cwd: process.cwd(),
      get stdoutIsTTY() {
        return process.stdout.isTTY === true;
      },
      readStdin: async () => {
        const chunks: Buffer[] = [];
        for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
        return Buffer.concat(chunks).toString('utf8');
      },
      signal: controller.signal,
    },
    process.versions.node,
  );
  process.exitCode = exitCode;
  // The cache keeps the code that the run saving it compiled, and later runs do not add to it. So
  // only lint, the command that runs on every commit, saves it, and only after a run that linted
  // (exit code 0 or 1), not one that stopped at a usage error. A first run whose only file has a
  // YAML syntax error still leaves the rules out, and they then compile on every start.
  if (command === 'lint' && (exitCode === 0 || exitCode === 1)) bundle.saveCodeCache();
}

void main();
