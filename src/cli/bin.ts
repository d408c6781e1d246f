#!/usr/bin/env node
// The only place that touches the process: arguments, streams, signals and the exit code.
import { run } from './run.js';

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
    signal: controller.signal,
  },
  process.versions.node,
);
process.exitCode = exitCode;
