/**
 * Keeps `.env.example`, the committed list of the variables a project needs, in step with an
 * upgrade. New names go at the end with empty values, because upgrade never reads or writes a
 * secret. Names the project no longer references are removed with the comments that describe
 * only them. Every other line, comment and the order stay.
 */
import { detectEol } from './text-edit.js';
import type { NewVariable } from './types.js';

/** The new text of `.env.example` and the names that were added to and removed from it. */
export interface EnvExampleUpdate {
  readonly output: string;
  readonly added: readonly string[];
  readonly removed: readonly string[];
}

const ASSIGNMENT = /^[ \t]*(?:export[ \t]+)?([A-Za-z_][A-Za-z0-9_]*)[ \t]*=/;
const COMMENT = /^[ \t]*#/;

/**
 * Appends `NAME=` lines for the variables `text` does not list yet, grouped by org, and removes
 * the lines of the names in `unused`.
 */
export function updateEnvExample(text: string, variables: readonly NewVariable[], unused: readonly string[] = []): EnvExampleUpdate {
  const { text: kept, removed } = removeVariables(text, new Set(unused));
  const listed = new Set(
    kept.split('\n').flatMap((line) => {
      const match = ASSIGNMENT.exec(line);
      return match ? [match[1]!] : [];
    }),
  );
  const missing = variables.filter((variable, index) => !listed.has(variable.name) && variables.findIndex((other) => other.name === variable.name) === index);
  if (missing.length === 0) return { output: kept, added: [], removed };

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
  const separator = kept === '' || kept.endsWith('\n') ? '' : eol;
  return { output: `${kept}${separator}${lines.join(eol)}${eol}`, added: missing.map((variable) => variable.name), removed };
}

/**
 * Removes the assignments of `names`. The text is read as entries: comment lines directly
 * followed by assignments. The comments of an entry with a single removed assignment describe
 * only that variable, so they go too, with one of the blank lines around the entry. Comments
 * above several assignments may describe a group, and comments at the top of the file are its
 * header, so those stay.
 */
function removeVariables(text: string, names: ReadonlySet<string>): { text: string; removed: string[] } {
  if (names.size === 0) return { text, removed: [] };
  // Split after each newline so every line keeps its own ending, CRLF included.
  const lines = text.split(/(?<=\n)/);
  const drop = new Set<number>();
  const removed: string[] = [];
  let index = 0;
  while (index < lines.length) {
    const start = index;
    while (index < lines.length && COMMENT.test(lines[index]!)) index += 1;
    const firstAssignment = index;
    while (index < lines.length && ASSIGNMENT.test(lines[index]!)) index += 1;
    if (index === firstAssignment) {
      // Comments followed by a blank or other line: not an entry, so nothing here is removed.
      index = Math.max(index, start) + 1;
      continue;
    }
    let all = true;
    for (let line = firstAssignment; line < index; line += 1) {
      const name = ASSIGNMENT.exec(lines[line]!)![1]!;
      if (names.has(name)) {
        drop.add(line);
        if (!removed.includes(name)) removed.push(name);
      } else {
        all = false;
      }
    }
    if (!all || index - firstAssignment > 1 || start === 0) {
      if (all && start === firstAssignment) dropBlankAfter(lines, start, index, drop);
      continue;
    }
    for (let line = start; line < firstAssignment; line += 1) drop.add(line);
    dropBlankAfter(lines, start, index, drop);
  }
  if (removed.length === 0) return { text, removed };
  return { text: lines.filter((_, line) => !drop.has(line)).join(''), removed };
}

/** Drops the blank line after removed lines `[start, end)` when a blank line or the file start precedes them. */
function dropBlankAfter(lines: readonly string[], start: number, end: number, drop: Set<number>): void {
  const blankBefore = start === 0 || isBlank(lines[start - 1]!);
  if (blankBefore && end < lines.length && isBlank(lines[end]!)) drop.add(end);
}

function isBlank(line: string): boolean {
  return line.trim() === '';
}
