/**
 * Rule severities and settings: defaults from the registry, then the `lint` block of the
 * project file, then `--rule id=severity` from the command line, which wins.
 */
import type { RuleSeverity } from '../report/diagnostic.js';
import type { Project } from '../project/model.js';
import { asMap } from './org-view.js';
import type { LintSettings } from './rule.js';

/** Severity words accepted in the project file and on the command line. */
export const SEVERITY_WORDS: readonly RuleSeverity[] = ['off', 'info', 'warning', 'error'];

/**
 * Default for `lint.maxReleasesBehind`: nine releases are three years, the shortest time
 * Salesforce promises to support a version, so an older version is near its retirement window.
 */
export const DEFAULT_MAX_RELEASES_BEHIND = 9;

/**
 * Rules a project file cannot change. A file under review could otherwise switch off the
 * checks that make it fail: an unparsable or schema-invalid file always fails lint, as it
 * fails verify and upgrade. `yaml-syntax` cannot be changed on the command line either.
 */
export const FILE_LOCKED_RULES: ReadonlySet<string> = new Set(['yaml-syntax', 'schema']);
export const CLI_LOCKED_RULES: ReadonlySet<string> = new Set(['yaml-syntax']);

/** The `lint` block of a project file, keeping only well-typed entries (the schema reports the rest). */
export interface FileLintConfig {
  readonly severities: Readonly<Record<string, RuleSeverity>>;
  readonly settings: LintSettings;
}

/** Reads the `lint` block from the project file of `project`. */
export function readFileLintConfig(project: Project): FileLintConfig {
  const lint = asMap(asMap(project.sources[0]?.data)?.lint);
  const severities: Record<string, RuleSeverity> = {};
  for (const [id, value] of Object.entries(asMap(lint?.rules) ?? {})) {
    if (isSeverity(value) && !FILE_LOCKED_RULES.has(id)) severities[id] = value;
  }
  const max = lint?.maxReleasesBehind;
  const maxReleasesBehind = typeof max === 'number' && Number.isInteger(max) && max >= 0 ? max : DEFAULT_MAX_RELEASES_BEHIND;
  return { severities, settings: { maxReleasesBehind } };
}

/** Tells whether `value` is one of the severity words. */
export function isSeverity(value: unknown): value is RuleSeverity {
  return typeof value === 'string' && (SEVERITY_WORDS as readonly string[]).includes(value);
}

/**
 * Parses `--rule id=severity` values. Returns the overrides, or the first problem as a
 * sentence for a usage error.
 */
export function parseRuleOptions(
  values: readonly string[],
  knownIds: readonly string[],
  suggest: (id: string) => string | undefined,
): { ok: true; severities: Record<string, RuleSeverity> } | { ok: false; message: string } {
  const severities: Record<string, RuleSeverity> = {};
  for (const value of values) {
    const separator = value.indexOf('=');
    const id = separator < 0 ? value : value.slice(0, separator);
    const severity = separator < 0 ? '' : value.slice(separator + 1);
    if (separator < 0 || !isSeverity(severity)) {
      return { ok: false, message: `invalid --rule "${value}": write RULE=SEVERITY with a severity of ${SEVERITY_WORDS.join(', ')}, such as --rule api-version-outdated=off` };
    }
    if (CLI_LOCKED_RULES.has(id)) {
      return { ok: false, message: `--rule cannot change ${id}: a file that is not valid YAML always fails lint` };
    }
    if (!knownIds.includes(id)) {
      const close = suggest(id);
      return { ok: false, message: `unknown rule "${id}" in --rule${close ? `; did you mean "${close}"?` : ''} (orgcfg rules lists them)` };
    }
    severities[id] = severity;
  }
  return { ok: true, severities };
}
