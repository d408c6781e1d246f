import fs from 'node:fs';
import path from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import { loadProject } from '../../project/load.js';
import type { Project } from '../../project/model.js';
import { compareDiagnostics, type Diagnostic } from '../../report/diagnostic.js';
import { formatVerifyJson } from '../../report/format/json.js';
import { formatStylish } from '../../report/format/stylish.js';
import { formatVerifyText } from '../../report/format/verify-text.js';
import { layerEnvironments, type EnvironmentLayer } from '../../resolve/environment.js';
import { parseAllowedHosts, parseConnectTo, type HostPolicy } from '../../verify/host-policy.js';
import { createProjectHost, describeFsError } from '../files.js';
import { resolveLintPaths } from '../lint-paths.js';
import { CliError, ExitCode, useColor, type CliIo } from '../io.js';

export interface VerifyCommandOptions {
  readonly org: readonly string[];
  readonly envFile: readonly string[];
  readonly allowHost: readonly string[];
  readonly connectTo: readonly string[];
  readonly format: string;
  readonly concurrency: string;
  readonly timeout: string;
  readonly color?: boolean;
}

/** Runs `orgcfg verify` and returns the exit code. */
export async function runVerify(paths: readonly string[], options: VerifyCommandOptions, io: CliIo): Promise<number> {
  if (options.format !== 'text' && options.format !== 'json') {
    throw new CliError(`unknown format "${options.format}"; use text or json`);
  }
  const concurrency = parsePositiveInteger(options.concurrency, '--concurrency');
  const timeoutMs = parsePositiveInteger(options.timeout, '--timeout') * 1000;
  const policy = buildHostPolicy(options, io);

  const host = createProjectHost(io.cwd);
  const projects = resolveLintPaths(paths, io.cwd).map((file) => loadProject(file, host));
  const loadProblems = projects.flatMap((project) => [...project.readErrors, ...project.diagnostics]).filter((d) => d.severity === 'error');
  if (loadProblems.length > 0) {
    loadProblems.sort(compareDiagnostics);
    // Scripts reading --format json get a report either way, with the problems and no results.
    if (options.format === 'json') io.stdout(formatVerifyJson([], loadProblems));
    io.stderr(formatStylish(loadProblems, { color: false }));
    io.stderr('verify stopped: fix the problems above (orgcfg lint shows them all) and run it again\n');
    return ExitCode.UsageOrInput;
  }

  // Loaded only now, so lint and usage errors never pay for jsforce.
  const { verifyProject } = await import('../../verify/verify.js');
  const results = [];
  const diagnostics: Diagnostic[] = [];
  for (const project of projects) {
    const environment = layerEnvironments(environmentLayers(project, options.envFile, io));
    const outcome = await verifyProject(project, {
      environment,
      policy,
      orgNames: options.org,
      concurrency,
      timeoutMs,
      readFile: (file) => fs.readFileSync(path.resolve(io.cwd, file), 'utf8'),
      ...httpsProxy(io),
    });
    results.push(...outcome.results);
    diagnostics.push(...outcome.diagnostics);
  }

  if (options.format === 'json') {
    io.stdout(formatVerifyJson(results, diagnostics.sort(compareDiagnostics)));
  } else {
    if (diagnostics.length > 0) io.stderr(formatStylish(diagnostics.sort(compareDiagnostics), { color: false }));
    io.stdout(formatVerifyText(results, { color: useColor(io, options.color) }));
  }

  if (diagnostics.some((diagnostic) => diagnostic.severity === 'error')) return ExitCode.UsageOrInput;
  return results.some((result) => result.status !== 'ok') ? ExitCode.ProblemsFound : ExitCode.Ok;
}

/**
 * Variables in increasing precedence: the project's .env, then each --env-file in order, then
 * the process environment, which wins as in Docker Compose and dotenv.
 */
function environmentLayers(project: Project, envFiles: readonly string[], io: CliIo): EnvironmentLayer[] {
  const layers: EnvironmentLayer[] = [];
  // Listed even when absent, so a missing-variable message names it as a place to set one.
  const besideProject = path.join(path.dirname(project.file), '.env');
  layers.push({ origin: besideProject, variables: readEnvFile(besideProject, io, { optional: true }) ?? {} });
  for (const file of envFiles) layers.push({ origin: file, variables: readEnvFile(file, io, { optional: false })! });
  layers.push({ origin: 'the process environment', variables: io.env });
  return layers;
}

function readEnvFile(file: string, io: CliIo, options: { optional: boolean }): Record<string, string> | undefined {
  let text: string;
  try {
    text = fs.readFileSync(path.resolve(io.cwd, file), 'utf8');
  } catch (error) {
    if (options.optional && (error as { code?: string }).code === 'ENOENT') return undefined;
    throw new CliError(`cannot read env file ${file}: ${describeFsError(error)}`);
  }
  return parseDotenv(text);
}

/**
 * Allowed hosts and --connect-to mappings come from the command line and the process
 * environment only, never from .env files, which may sit in the repository under review.
 */
function buildHostPolicy(options: VerifyCommandOptions, io: CliIo): HostPolicy {
  try {
    return {
      allowedHosts: parseAllowedHosts([...options.allowHost, io.env.ORGCFG_ALLOW_HOSTS ?? '']),
      connectTo: parseConnectTo([...(io.env.ORGCFG_CONNECT_TO ? [io.env.ORGCFG_CONNECT_TO] : []), ...options.connectTo]),
    };
  } catch (error) {
    throw new CliError((error as Error).message);
  }
}

function httpsProxy(io: CliIo): { httpsProxy?: string; noProxy?: string } {
  const proxy = io.env.https_proxy ?? io.env.HTTPS_PROXY;
  const noProxy = io.env.no_proxy ?? io.env.NO_PROXY;
  return { ...(proxy ? { httpsProxy: proxy } : {}), ...(noProxy ? { noProxy } : {}) };
}

function parsePositiveInteger(value: string, flag: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1 || number > 10_000) {
    throw new CliError(`${flag} must be a whole number from 1 to 10000, not "${value}"`);
  }
  return number;
}
