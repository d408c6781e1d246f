/**
 * The lint runner: applies the configured severities to the loader's diagnostics and to every
 * rule, then applies inline suppression and reports directives that are wrong or unused.
 */
import type { Project } from '../project/model.js';
import { rangeOf } from '../project/yaml-source.js';
import { compareDiagnostics, type Diagnostic, type RuleSeverity, type Severity } from '../report/diagnostic.js';
import { suggestClosest } from '../schema/suggest.js';
import { isFullyLoaded } from './completeness.js';
import { readFileLintConfig } from './config.js';
import { parseDisableDirectives } from './directives.js';
import type { EnvExample, Rule, RuleContext, RuleReport } from './rule.js';
import { RULES } from './rules/index.js';

export interface LintOptions {
  /** Severity overrides by rule id, from the command line; they win over the project file. */
  readonly severities?: Readonly<Record<string, RuleSeverity>>;
  /** `.env.example` files by project file path, for the env-example rules. */
  readonly envExamples?: ReadonlyMap<string, EnvExample>;
}

const RULE_IDS: readonly string[] = RULES.map((rule) => rule.id);
const RULES_BY_ID = new Map(RULES.map((rule) => [rule.id, rule]));

/** Runs every enabled rule on one loaded project and returns all diagnostics, sorted. */
export function lintProject(project: Project, options: LintOptions = {}): Diagnostic[] {
  return lintProjects([project], options);
}

/**
 * Lints projects together, so checks across them (such as unique org names) see them all.
 * A file included by two projects is reported once.
 */
export function lintProjects(projects: readonly Project[], options: LintOptions = {}): Diagnostic[] {
  const seen = new Set<string>();
  const all: Diagnostic[] = [];
  for (const project of projects) {
    for (const diagnostic of lintOne(project, projects, options)) {
      const { start } = diagnostic;
      const key = `${diagnostic.file}\u0000${start?.line}:${start?.column}\u0000${diagnostic.ruleId}\u0000${diagnostic.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      all.push(diagnostic);
    }
  }
  return all.sort(compareDiagnostics);
}

function lintOne(project: Project, projects: readonly Project[], options: LintOptions): Diagnostic[] {
  const fileConfig = readFileLintConfig(project);
  const configured = (id: string): RuleSeverity | undefined => options.severities?.[id] ?? fileConfig.severities[id];

  // Loader diagnostics keep their own severity unless the user configured the rule.
  const diagnostics: Diagnostic[] = [...project.readErrors];
  for (const diagnostic of project.diagnostics) {
    const severity = configured(diagnostic.ruleId);
    if (severity === 'off') continue;
    diagnostics.push(severity ? { ...diagnostic, severity } : diagnostic);
  }

  const envExample = options.envExamples?.get(project.file);
  const context: RuleContext = { projects, settings: fileConfig.settings, knownRuleIds: RULE_IDS, ...(envExample ? { envExample } : {}) };
  for (const rule of RULES) {
    const severity = configured(rule.id) ?? rule.defaultSeverity;
    if (severity === 'off') continue;
    rule.check(project, (problem) => {
      const diagnostic = toDiagnostic(rule, severity, problem);
      if (diagnostic) diagnostics.push(diagnostic);
    }, context);
  }

  return applyDirectives(project, diagnostics, configured);
}

function toDiagnostic(rule: Rule, severity: Severity, problem: RuleReport): Diagnostic | undefined {
  if (!('source' in problem)) {
    return { ruleId: rule.id, severity, message: problem.message, file: problem.file, start: problem.start, ...(problem.end ? { end: problem.end } : {}), path: [] };
  }
  if (problem.source.data === undefined) return undefined;
  const { start, end } = rangeOf(problem.source, problem.path, problem.target);
  return {
    ruleId: rule.id,
    severity,
    message: problem.message,
    file: problem.source.file,
    start,
    end,
    path: problem.path,
    ...(problem.fix ? { fix: problem.fix } : {}),
  };
}

/** Drops diagnostics hidden by directives and reports invalid and unused directives. */
function applyDirectives(
  project: Project,
  diagnostics: Diagnostic[],
  configured: (id: string) => RuleSeverity | undefined,
): Diagnostic[] {
  const hidden = new Set<Diagnostic>();
  const directiveProblems: Diagnostic[] = [];
  // Rules skip unparsed files and whole-project checks until every file parses, so a directive
  // that suppresses nothing now may still be needed.
  const reportUnused = isFullyLoaded(project);
  const report = (ruleId: string, file: string, start: Diagnostic['start'], end: Diagnostic['end'], message: string): void => {
    const severity = configured(ruleId) ?? RULES_BY_ID.get(ruleId)!.defaultSeverity;
    if (severity === 'off') return;
    directiveProblems.push({ ruleId, severity, message, file, ...(start ? { start } : {}), ...(end ? { end } : {}), path: [] });
  };

  for (const source of project.sources) {
    for (const directive of parseDisableDirectives(source.text)) {
      const invalid = directive.unknownDirective
        ? `unknown directive "${directive.unknownDirective}", so it suppresses nothing; the only directive is # orgcfg-disable-next-line RULE -- reason`
        : describeInvalidDirective(directive.rules, directive.reason);
      if (invalid) {
        report('invalid-disable-directive', source.file, directive.start, directive.end, invalid);
        continue;
      }
      for (const ruleId of directive.rules) {
        const matches = diagnostics.filter(
          (diagnostic) => diagnostic.file === source.file && diagnostic.ruleId === ruleId && diagnostic.start?.line === directive.targetLine,
        );
        matches.forEach((diagnostic) => hidden.add(diagnostic));
        if (matches.length === 0 && reportUnused) {
          const where = directive.targetLine === undefined ? 'no line follows it' : `rule ${ruleId} reports nothing on line ${directive.targetLine}`;
          report('unused-disable-directive', source.file, directive.start, directive.end, `disable directive for ${ruleId} suppresses nothing because ${where}; remove ${ruleId} from the directive`);
        }
      }
    }
  }
  return [...diagnostics.filter((diagnostic) => !hidden.has(diagnostic)), ...directiveProblems];
}

function describeInvalidDirective(rules: readonly string[], reason: string): string | undefined {
  if (rules.length === 0) {
    return 'disable directive names no rule; write # orgcfg-disable-next-line RULE -- reason';
  }
  const unknown = rules.find((rule) => !RULE_IDS.includes(rule));
  if (unknown) {
    const close = suggestClosest(unknown, RULE_IDS);
    return `disable directive names unknown rule "${unknown}"${close ? `; did you mean "${close}"?` : '; orgcfg rules lists the rule ids'}`;
  }
  if (reason === '') {
    return `disable directive for ${rules.join(', ')} has no reason, so it suppresses nothing; add one after "--", such as -- the org is retired next sprint`;
  }
  return undefined;
}
