/** A 1-based line and column, as editors and `file:line:col` links count them. */
export interface Position {
  readonly line: number;
  readonly column: number;
}

/** Seriousness of a diagnostic, as words rather than numbers, because linters disagree on numeric order. */
export type Severity = 'error' | 'warning' | 'info';

/** A severity setting for a rule, where `off` disables it. */
export type RuleSeverity = Severity | 'off';

/** One finding about one place in one file. */
export interface Diagnostic {
  /** Rule id such as `no-literal-secret`, `schema` or `yaml-syntax`. */
  readonly ruleId: string;
  readonly severity: Severity;
  /** Plain sentence: subject, what is wrong, what to do. Never contains a secret value. */
  readonly message: string;
  /** File path as given to orgcfg, or as found through an include. */
  readonly file: string;
  /** Start of the offending text; absent when the location is unknown. */
  readonly start?: Position;
  readonly end?: Position;
  /** Data path inside the file, such as `['orgs', 'prod', 'auth', 'password']`. */
  readonly path: readonly (string | number)[];
  /** Extra machine-readable facts, such as the YAML error code. */
  readonly data?: Readonly<Record<string, string | number | boolean>>;
  /** A replacement that `orgcfg lint --fix` applies; absent when the problem needs a person. */
  readonly fix?: Fix;
}

/** Replaces the UTF-16 offsets `range` (start inclusive, end exclusive) of a file's text with `text`. */
export interface Fix {
  readonly range: readonly [number, number];
  readonly text: string;
}

/** Formats a data path the way messages show it: `orgs.prod.auth.password`, `include[1]`. */
export function formatDataPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out === '' ? '(document)' : out;
}

/** Orders diagnostics by file, then position, then rule id, so every output is stable. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  const lineA = a.start?.line ?? 0;
  const lineB = b.start?.line ?? 0;
  if (lineA !== lineB) return lineA - lineB;
  const columnA = a.start?.column ?? 0;
  const columnB = b.start?.column ?? 0;
  if (columnA !== columnB) return columnA - columnB;
  if (a.ruleId === b.ruleId) return 0;
  return a.ruleId < b.ruleId ? -1 : 1;
}

/** Counts diagnostics per severity. */
export function countBySeverity(diagnostics: readonly Diagnostic[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const diagnostic of diagnostics) counts[diagnostic.severity] += 1;
  return counts;
}
