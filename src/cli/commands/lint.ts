import { lintProject } from '../../lint/lint.js';
import { loadProject } from '../../project/load.js';
import type { Diagnostic } from '../../report/diagnostic.js';
import { formatLintJson } from '../../report/format/json.js';
import { formatStylish } from '../../report/format/stylish.js';
import { createProjectHost, resolveProjectPaths } from '../files.js';
import { CliError, ExitCode, useColor, type CliIo } from '../io.js';

export interface LintCommandOptions {
  readonly format: string;
  readonly color?: boolean;
}

export const LINT_FORMATS = ['stylish', 'json'] as const;

/** Runs `orgcfg lint`: loads each project, runs the rules, prints, and returns the exit code. */
export function runLint(paths: readonly string[], options: LintCommandOptions, io: CliIo): number {
  if (!(LINT_FORMATS as readonly string[]).includes(options.format)) {
    throw new CliError(`unknown format "${options.format}"; use one of ${LINT_FORMATS.join(', ')}`);
  }
  const host = createProjectHost(io.cwd);
  const diagnostics: Diagnostic[] = [];
  let unreadable = false;
  for (const file of resolveProjectPaths(paths, io.cwd)) {
    const project = loadProject(file, host);
    if (project.readErrors.length > 0) unreadable = true;
    diagnostics.push(...lintProject(project));
  }

  if (options.format === 'json') io.stdout(formatLintJson(diagnostics));
  else io.stdout(formatStylish(diagnostics, { color: useColor(io, options.color) }));

  if (unreadable) return ExitCode.UsageOrInput;
  return diagnostics.some((diagnostic) => diagnostic.severity === 'error') ? ExitCode.ProblemsFound : ExitCode.Ok;
}
