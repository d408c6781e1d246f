import type { Diagnostic, Fix, Position, Severity } from '../report/diagnostic.js';
import type { Project } from '../project/model.js';
import type { DataPath, RangeTarget, YamlSource } from '../project/yaml-source.js';

/** A problem at a data path in a YAML source; the runner turns the path into a range. */
export interface SourceReport {
  readonly source: YamlSource;
  readonly path: DataPath;
  readonly target?: RangeTarget;
  readonly message: string;
  readonly fix?: Fix;
}

/** A problem in a file that is not YAML, such as `.env.example`, at a known position. */
export interface FileReport {
  readonly file: string;
  readonly start: Position;
  readonly end?: Position;
  readonly message: string;
}

/** A problem found by a rule, before the runner adds the rule id and severity. */
export type RuleReport = SourceReport | FileReport;

/** The `.env.example` file beside a project file: the variables a project documents. */
export interface EnvExample {
  readonly file: string;
  readonly text: string;
}

/** Settings from the `lint` block of the project file, after defaults. */
export interface LintSettings {
  /** How many releases an API version may trail the newest known one before a warning. */
  readonly maxReleasesBehind: number;
}

/** Inputs a rule receives besides the project it checks. */
export interface RuleContext {
  /** Every project linted in this run, in command-line order, including the current one. */
  readonly projects: readonly Project[];
  readonly settings: LintSettings;
  /** Ids of every registered rule, for checks that validate rule names. */
  readonly knownRuleIds: readonly string[];
  /** `.env.example` beside the project file, when it exists. */
  readonly envExample?: EnvExample;
}

/** One lint rule. The file that defines it is named after its id. */
export interface Rule {
  /** Kebab-case id, shown in brackets after every message and used to configure the rule. */
  readonly id: string;
  readonly defaultSeverity: Severity;
  /** One line for `orgcfg rules`. */
  readonly description: string;
  /** A paragraph for `orgcfg rules ID` and docs/rules.md: why the problem matters. */
  readonly explanation: string;
  /** A YAML fragment that the rule reports. */
  readonly bad: string;
  /** The same fragment written correctly. */
  readonly good: string;
  /** Whether `orgcfg lint --fix` can correct what the rule reports. */
  readonly fixable: boolean;
  /**
   * Checks a loaded project; sources with syntax errors have no data and are skipped. Rules
   * whose problems the loader reports (syntax, schema, includes) have an empty check.
   */
  check(project: Project, report: (problem: RuleReport) => void, context: RuleContext): void;
}

export type { Diagnostic };
