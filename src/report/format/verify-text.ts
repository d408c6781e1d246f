import type { OrgResult } from '../org-result.js';
import { plural, type TextFormatOptions } from './stylish.js';

const GREEN = ['\u001b[32m', '\u001b[39m'] as const;
const RED = ['\u001b[31m', '\u001b[39m'] as const;
const YELLOW = ['\u001b[33m', '\u001b[39m'] as const;

/** Formats verify results: one line per org, then what a failure means and what to do. */
export function formatVerifyText(results: readonly OrgResult[], options: TextFormatOptions): string {
  const paint = (style: readonly [string, string], text: string): string => (options.color ? `${style[0]}${text}${style[1]}` : text);
  const width = Math.max(0, ...results.map((result) => result.org.length));
  const lines: string[] = [];

  for (const result of results) {
    const name = result.org.padEnd(width);
    const where = result.start ? `${result.file}:${result.start.line}:${result.start.column}` : result.file;
    if (result.status === 'ok') {
      let kind = '';
      if (result.sandbox !== undefined) kind = result.sandbox ? ', sandbox' : ', production';
      const who = result.username ?? `user ${result.userId ?? 'unknown'}`;
      lines.push(
        `${paint(GREEN, 'ok     ')} ${name}  ${who} (org ${result.organizationId ?? 'unknown'}${kind}) at ${result.instanceUrl ?? 'unknown instance'} in ${result.elapsedMs} ms`,
      );
    } else {
      const label = result.status === 'failed' ? paint(RED, 'failed ') : paint(YELLOW, 'skipped');
      lines.push(`${label} ${name}  ${result.error?.code ?? 'ERROR'}: ${stripCode(result.error?.message ?? '', result.error?.code)}`);
      lines.push(`        ${' '.repeat(width)}  ${where} (${result.method}, ${result.loginUrl})`);
      const indent = `        ${' '.repeat(width)}  `;
      const error = result.error;
      if (error?.meaning) lines.push(`${indent}means: ${error.meaning}`);
      if (error?.check) {
        const at = error.check.line ? `${error.check.file}:${error.check.line}:${error.check.column}` : error.check.file;
        lines.push(`${indent}check: ${error.check.field} (${at})`);
      }
      if (error?.action) lines.push(`${indent}to do: ${error.action}`);
      if (error?.setup) lines.push(`${indent}setup: ${error.setup}`);
      if (error?.retryable) lines.push(`${indent}retry: running verify again later may succeed`);
    }
    for (const warning of result.warnings) lines.push(`        ${' '.repeat(width)}  ${paint(YELLOW, 'warning')}: ${warning}`);
  }

  const ok = results.filter((result) => result.status === 'ok').length;
  const failed = results.filter((result) => result.status === 'failed').length;
  const skipped = results.length - ok - failed;
  lines.push('', `${plural(results.length, 'org')}: ${ok} ok, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
  return `${lines.join('\n')}\n`;
}

/** Drops a leading "CODE: " from a message already labelled with that code. */
function stripCode(message: string, code: string | undefined): string {
  return code && message.startsWith(`${code}: `) ? message.slice(code.length + 2) : message;
}
