/**
 * Adds the variables that an upgrade introduces to `.env.example`, the committed list of the
 * variables a project needs. Existing lines, comments and order stay; new names go at the end
 * with empty values, because upgrade never reads or writes a secret.
 */
import { detectEol } from './text-edit.js';
import type { NewVariable } from './types.js';

/** The new text of `.env.example` and the names that were added to it. */
export interface EnvExampleUpdate {
  readonly output: string;
  readonly added: readonly string[];
}

const ASSIGNMENT = /^[ \t]*(?:export[ \t]+)?([A-Za-z_][A-Za-z0-9_]*)[ \t]*=/;

/** Appends `NAME=` lines for the variables `text` does not list yet, grouped by org. */
export function updateEnvExample(text: string, variables: readonly NewVariable[]): EnvExampleUpdate {
  const listed = new Set(
    text.split('\n').flatMap((line) => {
      const match = ASSIGNMENT.exec(line);
      return match ? [match[1]!] : [];
    }),
  );
  const missing = variables.filter((variable, index) => !listed.has(variable.name) && variables.findIndex((other) => other.name === variable.name) === index);
  if (missing.length === 0) return { output: text, added: [] };

  const eol = detectEol(text);
  const lines: string[] = [];
  let org: string | undefined;
  for (const variable of missing) {
    if (variable.org !== org) {
      org = variable.org;
      lines.push(`# org ${org}: added by orgcfg upgrade`);
    }
    lines.push(`# ${variable.purpose}`, `${variable.name}=`);
  }
  const separator = text === '' || text.endsWith('\n') ? '' : eol;
  return { output: `${text}${separator}${lines.join(eol)}${eol}`, added: missing.map((variable) => variable.name) };
}
