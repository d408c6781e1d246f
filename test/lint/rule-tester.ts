import { describe, expect, it } from 'vitest';
import { applyFixes } from '../../src/lint/fix.js';
import { lintProjects } from '../../src/lint/lint.js';
import type { EnvExample } from '../../src/lint/rule.js';
import { loadProject } from '../../src/project/load.js';
import type { Diagnostic, RuleSeverity } from '../../src/report/diagnostic.js';
import { memoryHost } from '../helpers/memory-host.js';

export { yaml } from '../helpers/source.js';

/** The project file every case is linted as. */
export const PROJECT = 'p/orgcfg.yaml';

/** A case: the project file text, or the text with other files of the project. */
export type Case =
  | string
  | {
      readonly code: string;
      /** More files by path, such as included org files. */
      readonly files?: Readonly<Record<string, string>>;
      /** Text of p/.env.example. */
      readonly envExample?: string;
      readonly severities?: Readonly<Record<string, RuleSeverity>>;
    };

/** An expected diagnostic: `file:line:column` (file defaults to the project file) and message parts. */
export interface Expected {
  readonly at: string;
  readonly message?: string | RegExp;
  readonly severity?: string;
}

export interface InvalidCase {
  readonly name?: string;
  readonly case: Case;
  readonly errors: readonly Expected[];
  /** The project file after --fix, when the rule is fixable. */
  readonly output?: string;
}

/** Lints one case and returns every diagnostic. */
export function lintCase(input: Case): Diagnostic[] {
  const spec = typeof input === 'string' ? { code: input } : input;
  const files: Record<string, string> = { ...spec.files, [PROJECT]: spec.code };
  if (spec.envExample !== undefined) files['p/.env.example'] = spec.envExample;
  const host = memoryHost(files);
  const project = loadProject(PROJECT, host);
  const envExamples = new Map<string, EnvExample>();
  if (spec.envExample !== undefined) envExamples.set(PROJECT, { file: 'p/.env.example', text: spec.envExample });
  return lintProjects([project], { envExamples, ...(spec.severities ? { severities: spec.severities } : {}) });
}

function where(diagnostic: Diagnostic): string {
  const position = `${diagnostic.start?.line}:${diagnostic.start?.column}`;
  return diagnostic.file === PROJECT ? position : `${diagnostic.file}:${position}`;
}

/**
 * Declares tests for one rule: every valid case has no diagnostic of the rule, and every
 * invalid case has exactly the expected ones, at the expected places, with the expected fix.
 */
export function testRule(ruleId: string, cases: { valid: readonly Case[]; invalid: readonly InvalidCase[] }): void {
  describe(ruleId, () => {
    it.each(cases.valid.map((valid, index) => [index, valid] as const))('valid case %i', (_, valid) => {
      const found = lintCase(valid).filter((diagnostic) => diagnostic.ruleId === ruleId);
      expect(found.map((diagnostic) => `${where(diagnostic)} ${diagnostic.message}`)).toEqual([]);
    });

    it.each(cases.invalid.map((invalid, index) => [invalid.name ?? `invalid case ${index}`, invalid] as const))('%s', (_, invalid) => {
      const found = lintCase(invalid.case).filter((diagnostic) => diagnostic.ruleId === ruleId);
      expect(found.map(where)).toEqual(invalid.errors.map((error) => error.at));
      invalid.errors.forEach((error, index) => {
        const diagnostic = found[index]!;
        if (typeof error.message === 'string') expect(diagnostic.message).toContain(error.message);
        if (error.message instanceof RegExp) expect(diagnostic.message).toMatch(error.message);
        if (error.severity) expect(diagnostic.severity).toBe(error.severity);
      });
      if (invalid.output !== undefined) {
        const code = typeof invalid.case === 'string' ? invalid.case : invalid.case.code;
        expect(applyFixes(code, found.filter((diagnostic) => diagnostic.file === PROJECT)).output).toBe(invalid.output);
      }
    });
  });
}

/** A client-credentials auth block that passes every auth rule. */
export const CC_AUTH = '{ method: client-credentials, clientId: a, clientSecret: "${SF_CLIENT_SECRET}" }';
