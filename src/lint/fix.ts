/** Applying fixes to a file's text. */
import type { Diagnostic, Fix } from '../report/diagnostic.js';

/**
 * Applies the fixes of `diagnostics` to `text`, from the end backwards so earlier offsets stay
 * valid. A fix that overlaps one already applied is skipped; it is reported again by the next
 * lint run. Returns the new text and how many fixes were applied.
 */
export function applyFixes(text: string, diagnostics: readonly Diagnostic[]): { output: string; applied: number } {
  const fixes = diagnostics
    .map((diagnostic) => diagnostic.fix)
    .filter((fix): fix is Fix => fix !== undefined)
    .sort((a, b) => b.range[0] - a.range[0]);
  let output = text;
  let applied = 0;
  let limit = Infinity;
  for (const fix of fixes) {
    const [start, end] = fix.range;
    if (end > limit || start < 0 || end > text.length || start > end) continue;
    output = output.slice(0, start) + fix.text + output.slice(end);
    limit = start;
    applied += 1;
  }
  return { output, applied };
}
