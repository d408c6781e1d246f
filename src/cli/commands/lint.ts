import fs from 'node:fs';
import path from 'node:path';
import { parseRuleOptions } from '../../lint/config.js';
import { applyFixes } from '../../lint/fix.js';
import { lintProjects } from '../../lint/lint.js';
import type { EnvExample } from '../../lint/rule.js';
import { RULES } from '../../lint/rules/index.js';
import { loadProject } from '../../project/load.js';
import type { Project, ProjectHost } from '../../project/model.js';
import type { Diagnostic } from '../../report/diagnostic.js';
import type { FormatContext, LintFormatter } from '../../report/format/context.js';
import { formatGithub } from '../../report/format/github.js';
import { formatLintJson } from '../../report/format/json.js';
import { formatJunit } from '../../report/format/junit.js';
import { formatSarif } from '../../report/format/sarif.js';
import { formatStylish } from '../../report/format/stylish.js';
import { suggestClosest } from '../../schema/suggest.js';
import { createProjectHost, describeFsError } from '../files.js';
import { CliError, ExitCode, useColor, type CliIo } from '../io.js';
import { resolveLintPaths } from '../lint-paths.js';

export interface LintCommandOptions {
  readonly format: string;
  readonly color?: boolean;
  /** `--rule id=severity` values, in order; later ones win. */
  readonly rule?: readonly string[];
  readonly output?: string;
  readonly maxWarnings?: string;
  readonly quiet?: boolean;
  readonly stdin?: boolean;
  readonly stdinFilename?: string;
  readonly fix?: boolean;
  readonly fixDryRun?: boolean;
  /** orgcfg's version, for SARIF tool metadata. */
  readonly version?: string;
}

const FORMATTERS: Readonly<Record<string, LintFormatter>> = {
  stylish: (diagnostics, context) => formatStylish(diagnostics, { color: context.color }),
  json: (diagnostics) => formatLintJson(diagnostics),
  sarif: formatSarif,
  junit: formatJunit,
  github: (diagnostics) => formatGithub(diagnostics),
};

export const LINT_FORMATS = ['stylish', 'json', 'sarif', 'junit', 'github'] as const;

/** Runs `orgcfg lint`: loads each project, runs the rules, fixes, prints, and returns the exit code. */
export async function runLint(paths: readonly string[], options: LintCommandOptions, io: CliIo): Promise<number> {
  const formatter = FORMATTERS[options.format];
  if (!formatter) throw new CliError(`unknown format "${options.format}"; use one of ${LINT_FORMATS.join(', ')}`);
  const maxWarnings = parseMaxWarnings(options.maxWarnings);
  const ruleIds = RULES.map((rule) => rule.id);
  const parsed = parseRuleOptions(options.rule ?? [], ruleIds, (id) => suggestClosest(id, ruleIds));
  if (!parsed.ok) throw new CliError(parsed.message);
  if (options.fix && options.fixDryRun) throw new CliError('use either --fix or --fix-dry-run, not both');
  if (options.stdin && options.fix) throw new CliError('--fix cannot write to standard input; use --fix-dry-run to see the changes');
  if (options.stdinFilename !== undefined && !options.stdin) {
    throw new CliError('--stdin-filename names the text read with --stdin; add --stdin to lint standard input');
  }

  // read
  const host = createProjectHost(io.cwd);
  let files: string[];
  let projectHost: ProjectHost = host;
  if (options.stdin) {
    if (paths.length > 0) throw new CliError('pass either --stdin or file arguments, not both');
    if (!io.readStdin) throw new CliError('standard input is not available');
    const name = options.stdinFilename ?? '<stdin>';
    const text = await io.readStdin();
    projectHost = { ...host, readFile: (file) => (path.resolve(io.cwd, file) === path.resolve(io.cwd, name) ? text : host.readFile(file)) };
    files = [name];
  } else {
    files = resolveLintPaths(paths, io.cwd);
  }

  // lint, then fix and lint the fixed files again
  const lintAll = (): { projects: Project[]; diagnostics: Diagnostic[] } => {
    const projects = files.map((file) => loadProject(file, projectHost));
    const envExamples = readEnvExamples(projects, host);
    return { projects, diagnostics: lintProjects(projects, { severities: parsed.severities, envExamples }) };
  };
  let { projects, diagnostics } = lintAll();

  if (options.fix || options.fixDryRun) {
    const changes = fixedTexts(projects, diagnostics, io);
    // The upgrade command owns the diff and the atomic write; loading them only here keeps plain lint starts fast.
    const { formatUnifiedDiff } = await import('../../report/unified-diff.js');
    const { writeFileAtomic } = await import('../write-file-atomic.js');
    if (options.fixDryRun) {
      io.stdout(changes.map((change) => formatUnifiedDiff(change.file, change.before, change.after)).join(''));
      return changes.length > 0 ? ExitCode.ProblemsFound : ExitCode.Ok;
    }
    for (const change of changes) {
      writeFileAtomic(path.resolve(io.cwd, change.file), change.after);
      io.stderr(`orgcfg: fixed ${change.applied} problem${change.applied === 1 ? '' : 's'} in ${change.file}\n`);
    }
    if (changes.length > 0) ({ projects, diagnostics } = lintAll());
  }

  // report
  const shown = options.quiet ? diagnostics.filter((diagnostic) => diagnostic.severity === 'error') : diagnostics;
  const context: FormatContext = {
    color: options.output ? false : useColor(io, options.color),
    files: [...new Set(projects.flatMap((project) => project.sources.map((source) => source.file)))],
    rules: RULES,
    version: options.version ?? '0.0.0',
  };
  const text = formatter(shown, context);
  if (options.output) {
    try {
      fs.writeFileSync(path.resolve(io.cwd, options.output), text);
    } catch (error) {
      throw new CliError(`cannot write ${options.output}: ${describeFsError(error)}`);
    }
  } else {
    io.stdout(text);
  }

  if (projects.some((project) => project.readErrors.length > 0)) return ExitCode.UsageOrInput;
  if (diagnostics.some((diagnostic) => diagnostic.severity === 'error')) return ExitCode.ProblemsFound;
  const warnings = diagnostics.filter((diagnostic) => diagnostic.severity === 'warning').length;
  if (maxWarnings !== undefined && warnings > maxWarnings) {
    io.stderr(`orgcfg: ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}, more than --max-warnings ${maxWarnings}\n`);
    return ExitCode.ProblemsFound;
  }
  return ExitCode.Ok;
}

function parseMaxWarnings(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new CliError(`invalid --max-warnings "${value}": give a whole number of warnings, such as --max-warnings 0`);
  return Number(value);
}

/** Reads `.env.example` beside each project file, where one exists. */
function readEnvExamples(projects: readonly Project[], host: ProjectHost): Map<string, EnvExample> {
  const examples = new Map<string, EnvExample>();
  for (const project of projects) {
    const file = path.join(path.dirname(project.file), '.env.example');
    try {
      examples.set(project.file, { file, text: host.readFile(file) });
    } catch {
      // No .env.example: the env-example rules do not apply.
    }
  }
  return examples;
}

interface FileChange {
  readonly file: string;
  readonly before: string;
  readonly after: string;
  readonly applied: number;
}

/** Computes the fixed text of every file with fixable problems, skipping files with syntax errors. */
function fixedTexts(projects: readonly Project[], diagnostics: readonly Diagnostic[], io: CliIo): FileChange[] {
  const changes: FileChange[] = [];
  const done = new Set<string>();
  for (const source of projects.flatMap((project) => project.sources)) {
    if (done.has(source.file)) continue;
    done.add(source.file);
    const own = diagnostics.filter((diagnostic) => diagnostic.file === source.file);
    if (!own.some((diagnostic) => diagnostic.fix)) continue;
    if (source.data === undefined) {
      io.stderr(`orgcfg: not fixing ${source.file}, because it has YAML syntax errors; fix those first\n`);
      continue;
    }
    const { output, applied } = applyFixes(source.text, own);
    if (applied > 0 && output !== source.text) changes.push({ file: source.file, before: source.text, after: output, applied });
  }
  return changes;
}
