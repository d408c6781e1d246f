import fs from 'node:fs';
import path from 'node:path';
import { loadProject } from '../../project/load.js';
import type { Project } from '../../project/model.js';
import { parseYamlSource, rangeOf } from '../../project/yaml-source.js';
import { formatDataPath, type Diagnostic } from '../../report/diagnostic.js';
import { formatStylish } from '../../report/format/stylish.js';
import { variablesIn } from '../../project/variable-names.js';
import { updateEnvExample } from '../../upgrade/env-example.js';
import { redactLiteralSecrets } from '../../upgrade/redact.js';
import { resolveTargetVersion } from '../../upgrade/target-version.js';
import { TARGET_AUTH_METHODS, type TargetAuthMethod, type UpgradeResult } from '../../upgrade/types.js';
import { formatUnifiedDiff } from '../../report/unified-diff.js';
import { upgradeSource } from '../../upgrade/upgrade-source.js';
import { createProjectHost, describeFsError } from '../files.js';
import { resolveLintPaths } from '../lint-paths.js';
import { CliError, ExitCode, type CliIo } from '../io.js';
import { NODE_FILE_SYSTEM, writeFileAtomic, type AtomicWriteFileSystem } from '../write-file-atomic.js';

export interface UpgradeCommandOptions {
  readonly org: readonly string[];
  readonly apiVersion?: string;
  readonly auth?: string;
  readonly write?: boolean;
  readonly check?: boolean;
}

interface FileOutcome {
  readonly file: string;
  readonly before: string;
  readonly after: string;
  /** Absent for .env.example, which has no migrations of its own. */
  readonly result?: UpgradeResult;
  readonly added?: readonly string[];
  readonly removed?: readonly string[];
}

/** Runs `orgcfg upgrade`: plans the upgrade of each project, then prints, checks or writes it. */
export function runUpgrade(
  paths: readonly string[],
  options: UpgradeCommandOptions,
  io: CliIo,
  fileSystem: AtomicWriteFileSystem = NODE_FILE_SYSTEM,
): number {
  if (options.write && options.check) throw new CliError('--write and --check cannot be used together; --check only reports, --write applies');
  if (options.auth !== undefined && !(TARGET_AUTH_METHODS as readonly string[]).includes(options.auth)) {
    throw new CliError(`unknown auth method "${options.auth}" for --auth; use ${TARGET_AUTH_METHODS.join(' or ')}`);
  }
  const target = resolveTargetVersion(options.apiVersion);
  if (!target.ok) throw new CliError(`--api-version: ${target.message}`);

  const host = createProjectHost(io.cwd);
  const projects = resolveLintPaths(paths, io.cwd).map((file) => loadProject(file, host));
  checkOrgNames(projects, options.org);

  let exitCode: number = ExitCode.Ok;
  let anyChange = false;
  for (const project of projects) {
    if (project.readErrors.length > 0) {
      io.stderr(formatStylish(project.readErrors, { color: false }));
      exitCode = ExitCode.UsageOrInput;
      continue;
    }
    const outcomes = planProject(project, options, io);
    const failed = outcomes.some((outcome) => outcome.result?.problems.some((problem) => problem.severity === 'error'));
    const changed = outcomes.filter((outcome) => outcome.before !== outcome.after);
    if (failed) {
      // Nothing of this project is written, so change lists and Salesforce checklists would
      // describe work that does not happen. Only the problems are printed.
      io.stderr(formatStylish(problemDiagnostics(project, outcomes), { color: false }));
      io.stderr(`${project.file}: not upgraded, because of the errors above; no file of this project was written\n`);
      exitCode = ExitCode.UsageOrInput;
      continue;
    }
    printSummary(outcomes, io);
    if (changed.length === 0) continue;
    anyChange = true;
    if (options.write) {
      for (const outcome of changed) writeOutcome(outcome, io, fileSystem);
    } else {
      for (const outcome of changed) {
        io.stdout(formatUnifiedDiff(outcome.file, redactLiteralSecrets(outcome.before), redactLiteralSecrets(outcome.after)));
      }
    }
  }

  printClosing(anyChange, exitCode !== ExitCode.Ok, options, io);
  if (exitCode !== ExitCode.Ok) return exitCode;
  return options.check && anyChange ? ExitCode.ProblemsFound : ExitCode.Ok;
}

function checkOrgNames(projects: readonly Project[], selected: readonly string[]): void {
  if (selected.length === 0) return;
  const defined = new Set(projects.flatMap((project) => project.sources.flatMap((source) => orgNamesIn(source.data))));
  const unknown = selected.filter((name) => !defined.has(name));
  if (unknown.length > 0) {
    const names = [...defined].sort().join(', ') || 'none';
    throw new CliError(`--org ${unknown.map((name) => `"${name}"`).join(', ')}: no such org in the project; defined orgs: ${names}`);
  }
}

function orgNamesIn(data: unknown): string[] {
  const orgs = (data as { orgs?: unknown } | null | undefined)?.orgs;
  return orgs && typeof orgs === 'object' && !Array.isArray(orgs) ? Object.keys(orgs) : [];
}

/** Upgrades the project file, then each included file with the project file's defaults. */
function planProject(project: Project, options: UpgradeCommandOptions, io: CliIo): FileOutcome[] {
  const [root, ...included] = project.sources;
  if (!root) return [];
  const taken = new Set(project.sources.flatMap((source) => collectVariables(source.data)));
  const common = {
    ...(options.apiVersion !== undefined ? { apiVersion: options.apiVersion } : {}),
    ...(options.auth !== undefined ? { auth: options.auth as TargetAuthMethod } : {}),
    ...(options.org.length > 0 ? { orgs: options.org } : {}),
  };

  const rootResult = upgradeSource(root.text, { ...common, file: root.file, takenVariables: [...taken] });
  const outcomes: FileOutcome[] = [{ file: root.file, before: root.text, after: rootResult.output, result: rootResult }];
  for (const variable of rootResult.variables) taken.add(variable.name);
  for (const source of included) {
    const result = upgradeSource(source.text, { ...common, file: source.file, projectDefaults: rootResult.defaults, takenVariables: [...taken] });
    for (const variable of result.variables) taken.add(variable.name);
    outcomes.push({ file: source.file, before: source.text, after: result.output, result });
  }

  // .env.example beside the project file, when the project keeps one, gains the new variables
  // and loses those that no file references after the upgrade.
  const variables = outcomes.flatMap((outcome) => outcome.result?.variables ?? []);
  const unused = unreferencedAfter(project, outcomes);
  const envFile = path.join(path.dirname(root.file), '.env.example');
  const envText = variables.length > 0 || unused.length > 0 ? readIfPresent(path.resolve(io.cwd, envFile)) : undefined;
  if (envText !== undefined) {
    const update = updateEnvExample(envText, variables, unused);
    outcomes.push({ file: envFile, before: envText, after: update.output, added: update.added, removed: update.removed });
  }
  return outcomes;
}

/** Lists the variables that the project references before the upgrade and no file references after it. */
function unreferencedAfter(project: Project, outcomes: readonly FileOutcome[]): string[] {
  if (project.sources.some((source) => source.data === undefined)) return [];
  const before = new Set(project.sources.flatMap((source) => collectVariables(source.data)));
  const after = new Set<string>();
  for (const outcome of outcomes) {
    const data = outcome.after === outcome.before ? project.sources.find((source) => source.file === outcome.file)?.data : parseYamlSource(outcome.after, outcome.file).data;
    // An upgraded file that does not parse is reported as an error, and nothing is written.
    if (data === undefined) return [];
    for (const variable of collectVariables(data)) after.add(variable);
  }
  return [...before].filter((variable) => !after.has(variable));
}

function collectVariables(data: unknown): string[] {
  if (typeof data === 'string') return variablesIn(data);
  if (Array.isArray(data)) return data.flatMap(collectVariables);
  if (data !== null && typeof data === 'object') return Object.values(data).flatMap(collectVariables);
  return [];
}

function readIfPresent(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return undefined;
    throw new CliError(`cannot read ${file}: ${describeFsError(error)}`);
  }
}

function writeOutcome(outcome: FileOutcome, io: CliIo, fileSystem: AtomicWriteFileSystem): void {
  try {
    writeFileAtomic(path.resolve(io.cwd, outcome.file), outcome.after, fileSystem);
  } catch (error) {
    throw new CliError(`cannot write ${outcome.file}: ${describeFsError(error)}; the file is unchanged`);
  }
  io.stderr(`wrote ${outcome.file}\n`);
}

/** Prints what changes in each file and why, then the Salesforce checklist. Goes to stderr so stdout stays a patch. */
function printSummary(outcomes: readonly FileOutcome[], io: CliIo): void {
  let text = '';
  for (const outcome of outcomes) {
    if (outcome.added !== undefined) {
      if (outcome.added.length > 0) text += `${outcome.file}: adds ${outcome.added.join(', ')}\n`;
      if (outcome.removed && outcome.removed.length > 0) {
        text += `${outcome.file}: removes ${outcome.removed.join(', ')}, which no file of the project references after the upgrade\n`;
      }
      continue;
    }
    const result = outcome.result!;
    const notes = result.problems;
    const settled = result.changes.length === 0 && notes.every((problem) => problem.severity === 'info');
    text += settled ? `${outcome.file}: nothing to upgrade\n` : `${outcome.file}:\n`;
    for (const change of result.changes) text += `  ${change.message}\n`;
    for (const problem of notes) {
      const where = problem.org === undefined && problem.path.length > 0 ? `${formatDataPath(problem.path)}: ` : '';
      text += `  ${problem.severity === 'info' ? 'note' : problem.severity}: ${where}${problem.message}\n`;
    }
  }
  for (const followUp of outcomes.flatMap((outcome) => outcome.result?.followUps ?? [])) {
    text += `\nBefore orgcfg verify can log in to org "${followUp.org}", do this in Salesforce:\n`;
    followUp.steps.forEach((step, index) => {
      text += `  ${index + 1}. ${step}\n`;
    });
  }
  io.stderr(text);
}

/** Converts the problems of every file of a project to diagnostics located in that file. */
function problemDiagnostics(project: Project, outcomes: readonly FileOutcome[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const outcome of outcomes) {
    const source = project.sources.find((candidate) => candidate.file === outcome.file);
    for (const problem of outcome.result?.problems ?? []) {
      // Schema problems point at the value, as lint does, and upgrade's own problems at the key.
      const target = problem.ruleId === undefined ? 'key' : 'value';
      const start = problem.start ?? (source?.data !== undefined ? rangeOf(source, problem.path, target).start : undefined);
      diagnostics.push({
        ruleId: problem.ruleId ?? 'upgrade',
        severity: problem.severity,
        message: problem.message,
        file: outcome.file,
        path: problem.path,
        ...(start ? { start } : {}),
      });
    }
  }
  return diagnostics;
}

function printClosing(anyChange: boolean, failed: boolean, options: UpgradeCommandOptions, io: CliIo): void {
  if (!anyChange && failed) return;
  if (!anyChange) {
    io.stderr('Nothing to upgrade: every file is already at the target.\n');
  } else if (options.check) {
    io.stderr('orgcfg upgrade --check: the files above would change; run orgcfg upgrade --write to apply the upgrade.\n');
  } else if (!options.write) {
    io.stderr('Dry run: no file was written; run orgcfg upgrade --write to apply the diff above.\n');
  }
}
