/**
 * The upgrade engine: format migrations, then auth methods, then API versions, on the text of
 * one file. Pure: it takes text and returns text, so the CLI only reads and writes files.
 */
import { formatDataPath } from '../report/diagnostic.js';
import { parseYamlSource } from '../project/yaml-source.js';
import { validateSource } from '../schema/validate.js';
import type { MigrationContext } from './context.js';
import { variablesIn } from '../project/variable-names.js';
import { runFormatChain } from './format-chain.js';
import { CURRENT_FORMAT_VERSION, FORMAT_MIGRATIONS } from './formats/index.js';
import { migrateApiVersions } from './migrations/api-version.js';
import { migrateAuthMethods } from './migrations/auth-method.js';
import { EditError, SourceEditor } from './source-editor.js';
import { resolveTargetVersion } from './target-version.js';
import type { ProjectDefaults, UpgradeChange, UpgradeOptions, UpgradeProblem, UpgradeResult } from './types.js';

/**
 * Upgrades the text of one project or org file and returns the new text with every change
 * and problem. The output equals `text` byte for byte when nothing changes, and also when any
 * problem is an error: a file with syntax errors, or one that would fail schema validation
 * after the upgrade, is never changed.
 */
export function upgradeSource(text: string, options: UpgradeOptions = {}): UpgradeResult {
  const file = options.file ?? 'orgcfg.yaml';
  const isProjectFile = options.projectDefaults === undefined;
  const source = parseYamlSource(text, file);
  const passDefaults = isProjectFile ? readDefaults(source.data) : options.projectDefaults!.before;
  const unchanged = (problems: UpgradeProblem[]): UpgradeResult => ({
    output: text,
    changes: [],
    problems,
    followUps: [],
    variables: [],
    defaults: isProjectFile ? { before: passDefaults, after: passDefaults } : options.projectDefaults!,
  });

  // syntax
  const syntax = source.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  if (syntax.length > 0) {
    return unchanged(syntax.map((diagnostic) => ({
      severity: 'error',
      path: diagnostic.path,
      message: `${diagnostic.message}; fix the YAML and run orgcfg upgrade again`,
      ruleId: diagnostic.ruleId,
      ...(diagnostic.start ? { start: diagnostic.start } : {}),
    })));
  }
  if (!isPlainObject(source.data)) {
    return unchanged([{ severity: 'error', path: [], message: 'the file does not hold a map of settings (version, defaults, orgs); nothing to upgrade' }]);
  }

  // file format
  const chain = runFormatChain(source, FORMAT_MIGRATIONS, CURRENT_FORMAT_VERSION);
  if (chain.error) return unchanged([{ severity: 'error', path: ['version'], message: chain.error }]);
  const changes: UpgradeChange[] = chain.steps.map((step) => ({
    kind: 'format',
    path: ['version'],
    from: String(step.from),
    to: String(step.to),
    message: `format version ${step.from} -> ${step.to}: ${step.description}`,
  }));

  // auth methods, then API versions, planned on one parse of the format-migrated text
  const editor = new SourceEditor(chain.source);
  const context: MigrationContext = {
    editor,
    options,
    isProjectFile,
    defaultsBefore: isProjectFile ? readDefaults(chain.source.data) : passDefaults,
    changes,
    problems: [],
    followUps: [],
    variables: [],
    takenVariables: new Set([...(options.takenVariables ?? []), ...allVariables(chain.source.data)]),
    methodAfter: new Map(),
  };
  migrateAuthMethods(context);
  const target = resolveTargetVersion(options.apiVersion);
  let defaultsAfter: ProjectDefaults = isProjectFile ? context.defaultsBefore : options.projectDefaults!.after;
  if (target.ok) defaultsAfter = migrateApiVersions(context, target.version, target.release);
  else context.problems.push({ severity: 'warning', path: [], message: `${target.message}; API versions are left as they are` });

  let upgraded = chain.source;
  try {
    if (editor.changed) upgraded = editor.finish();
  } catch (error) {
    if (!(error instanceof EditError)) throw error;
    return unchanged([
      ...context.problems,
      { severity: 'error', path: [], message: `upgrade failed: ${error.message}; the file is left unchanged. This is a bug in orgcfg; please report it with the file's structure (not your secrets)` },
    ]);
  }

  // schema: never hand back a file that the loader would reject
  const invalid = validateSource(upgraded);
  if (invalid.length > 0) {
    const inputInvalid = upgraded === source || validateSource(source).length > 0;
    return unchanged([
      ...context.problems,
      ...invalid.map((diagnostic): UpgradeProblem => inputInvalid
        ? {
            severity: 'error',
            path: diagnostic.path,
            message: `${diagnostic.message}; the file does not pass schema validation, so upgrade changes nothing (orgcfg lint lists every problem)`,
            ruleId: diagnostic.ruleId,
            // Positions in a format-migrated text do not match the lines of the file on disk.
            ...(diagnostic.start && upgraded === source ? { start: diagnostic.start } : {}),
          }
        : {
            severity: 'error',
            path: diagnostic.path,
            message: `after the upgrade, ${formatDataPath(diagnostic.path)} would not pass schema validation: ${diagnostic.message}; the file is left unchanged`,
          }),
    ]);
  }

  return {
    output: changes.length > 0 ? upgraded.text : text,
    changes,
    problems: context.problems,
    followUps: context.followUps,
    variables: context.variables,
    defaults: { before: context.defaultsBefore, after: defaultsAfter },
  };
}

function readDefaults(data: unknown): ProjectDefaults {
  const defaults = isPlainObject(data) ? data.defaults : undefined;
  if (!isPlainObject(defaults)) return {};
  return {
    ...(typeof defaults.apiVersion === 'string' ? { apiVersion: defaults.apiVersion } : {}),
    ...(typeof defaults.loginUrl === 'string' ? { loginUrl: defaults.loginUrl } : {}),
    ...(typeof defaults.sandbox === 'boolean' ? { sandbox: defaults.sandbox } : {}),
  };
}

function allVariables(data: unknown): string[] {
  const found: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === 'string') found.push(...variablesIn(value));
    else if (Array.isArray(value)) value.forEach(walk);
    else if (isPlainObject(value)) Object.values(value).forEach(walk);
  };
  walk(data);
  return found;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

