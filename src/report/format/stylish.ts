import { countBySeverity, type Diagnostic } from '../diagnostic.js';

export interface TextFormatOptions {
  /** Whether to color the output; decided by the CLI from the terminal and flags. */
  readonly color: boolean;
}

const STYLES = { error: ['\u001b[31m', '\u001b[39m'], warning: ['\u001b[33m', '\u001b[39m'], info: ['\u001b[36m', '\u001b[39m'], dim: ['\u001b[2m', '\u001b[22m'] } as const;

function paint(style: keyof typeof STYLES, text: string, color: boolean): string {
  return color ? `${STYLES[style][0]}${text}${STYLES[style][1]}` : text;
}

/**
 * Formats diagnostics one per line as `file:line:col: severity: message [rule]`, the form
 * editors and terminals turn into links, followed by a summary line when there are any.
 */
export function formatStylish(diagnostics: readonly Diagnostic[], options: TextFormatOptions): string {
  if (diagnostics.length === 0) return '';
  const lines = diagnostics.map((diagnostic) => {
    const location = diagnostic.start ? `${diagnostic.file}:${diagnostic.start.line}:${diagnostic.start.column}` : diagnostic.file;
    const severity = paint(diagnostic.severity, diagnostic.severity, options.color);
    return `${location}: ${severity}: ${diagnostic.message} ${paint('dim', `[${diagnostic.ruleId}]`, options.color)}`;
  });
  const counts = countBySeverity(diagnostics);
  const files = new Set(diagnostics.map((diagnostic) => diagnostic.file)).size;
  const parts = [plural(counts.error, 'error'), plural(counts.warning, 'warning')];
  if (counts.info > 0) parts.push(plural(counts.info, 'info'));
  lines.push('', `${plural(diagnostics.length, 'problem')} (${parts.join(', ')}) in ${plural(files, 'file')}`);
  return `${lines.join('\n')}\n`;
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 || noun === 'info' ? '' : 's'}`;
}
