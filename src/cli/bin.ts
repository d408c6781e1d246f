#!/usr/bin/env -S node --max-semi-space-size=16 --
// The only place that touches the process: arguments, streams, signals and the exit code.
// The "--" in the shebang matters: Node.js 20 and 24 scan script arguments for --env-file and
// exit with "not found" before the script runs when that file is missing.
// --max-semi-space-size=16 caps V8's young generation, which it otherwise sizes from the
// machine's memory: linting 10,000 orgs then peaks near 235 MB instead of 300 MB, at the same
// speed (measured with scripts/bench.mjs on a 2-core, 24 GiB machine).
import module from 'node:module';

// V8's compile cache (Node.js 22.1+) lets later runs skip parsing and compiling orgcfg, yaml and
// commander, which is most of a lint run's start-up time. run.js is imported after enabling it.
module.enableCompileCache?.();
const { run } = await import('./run.js');

// A reader that closes the pipe early (`orgcfg lint | head -1`) makes writes fail with EPIPE.
// The output is no longer wanted, so stop quietly instead of crashing with a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

const controller = new AbortController();
process.once('SIGINT', () => controller.abort());
process.once('SIGTERM', () => controller.abort());

const exitCode = await run(
  process.argv.slice(2),
  {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    cwd: process.cwd(),
    stdoutIsTTY: process.stdout.isTTY === true,
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
