import type { Diagnostic, Severity } from '../report/diagnostic.js';
import type { Project } from '../project/model.js';
import type { DataPath, RangeTarget, YamlSource } from '../project/yaml-source.js';

/** What a rule reports; the runner adds the rule id, severity and source range. */
export interface RuleReport {
  readonly source: YamlSource;
  readonly path: DataPath;
  readonly target?: RangeTarget;
  readonly message: string;
}

/** One lint rule. The file that defines it is named after its id. */
export interface Rule {
  /** Kebab-case id, shown in brackets after every message and used to configure the rule. */
  readonly id: string;
  readonly defaultSeverity: Severity;
  /** One line for `orgcfg rules`. */
  readonly description: string;
  /** Checks a loaded project; sources with syntax errors have no data and are skipped. */
  check(project: Project, report: (problem: RuleReport) => void): void;
}

export type { Diagnostic };
