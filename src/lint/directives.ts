/**
 * Inline suppression: `# orgcfg-disable-next-line RULE[, RULE...] -- reason` hides the listed
 * rules' diagnostics on the next line with YAML content. Blank lines and comment lines in
 * between are skipped, so directives can be stacked. The reason is required, because a
 * suppression nobody can explain is one nobody can review.
 */
import type { Position } from '../report/diagnostic.js';

/** One parsed directive comment. */
export interface DisableDirective {
  /** Start of the directive comment. */
  readonly start: Position;
  readonly end: Position;
  readonly rules: readonly string[];
  readonly reason: string;
  /** The line whose diagnostics it hides, or undefined when no content line follows. */
  readonly targetLine?: number;
  /** Set for an `orgcfg-…` comment that is not a known directive, such as a misspelt one. */
  readonly unknownDirective?: string;
}

const DIRECTIVE = /(?:^|\s)#\s*orgcfg-disable-next-line\b(.*)$/;
/** Any comment that starts like a directive, to catch misspelt ones such as orgcfg-disable-line. */
const DIRECTIVE_LIKE = /(?:^|\s)#\s*(orgcfg-[a-z-]+)/;

/** Finds every directive in `text`. Columns count UTF-16 units, as diagnostics do. */
export function parseDisableDirectives(text: string): DisableDirective[] {
  if (!text.includes('orgcfg-')) return [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const directives: DisableDirective[] = [];
  lines.forEach((line, index) => {
    const match = DIRECTIVE.exec(line);
    if (!match) {
      const lookalike = DIRECTIVE_LIKE.exec(line);
      if (lookalike) {
        const column = line.indexOf('#', lookalike.index) + 1;
        directives.push({
          start: { line: index + 1, column },
          end: { line: index + 1, column: line.length + 1 },
          rules: [],
          reason: '',
          unknownDirective: lookalike[1]!,
        });
      }
      return;
    }
    const column = line.indexOf('#', match.index) + 1;
    const [list = '', ...reasonParts] = (match[1] ?? '').split('--');
    const rules = list
      .split(/[\s,]+/)
      .map((rule) => rule.trim())
      .filter((rule) => rule !== '');
    const targetLine = nextContentLine(lines, index + 1);
    directives.push({
      start: { line: index + 1, column },
      end: { line: index + 1, column: line.length + 1 },
      rules,
      reason: reasonParts.join('--').trim(),
      ...(targetLine !== undefined ? { targetLine } : {}),
    });
  });
  return directives;
}

function nextContentLine(lines: readonly string[], from: number): number | undefined {
  for (let index = from; index < lines.length; index += 1) {
    const trimmed = lines[index]!.trim();
    if (trimmed !== '' && !trimmed.startsWith('#')) return index + 1;
  }
  return undefined;
}
