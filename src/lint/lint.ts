import type { Project } from '../project/model.js';
import { rangeOf } from '../project/yaml-source.js';
import { compareDiagnostics, type Diagnostic, type RuleSeverity } from '../report/diagnostic.js';
import { RULES } from './rules/index.js';

export interface LintOptions {
  /** Severity overrides by rule id; `off` disables a rule. */
  readonly severities?: Readonly<Record<string, RuleSeverity>>;
}

/** Runs every enabled rule on a loaded project and returns all diagnostics, sorted. */
export function lintProject(project: Project, options: LintOptions = {}): Diagnostic[] {
  const diagnostics: Diagnostic[] = [...project.readErrors, ...project.diagnostics];
  for (const rule of RULES) {
    const severity = options.severities?.[rule.id] ?? rule.defaultSeverity;
    if (severity === 'off') continue;
    rule.check(project, (problem) => {
      if (problem.source.data === undefined) return;
      const { start, end } = rangeOf(problem.source, problem.path, problem.target);
      diagnostics.push({
        ruleId: rule.id,
        severity,
        message: problem.message,
        file: problem.source.file,
        start,
        end,
        path: problem.path,
      });
    });
  }
  return diagnostics.sort(compareDiagnostics);
}
