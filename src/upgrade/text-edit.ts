/**
 * Plain-text splicing. The upgrade never re-stringifies a document: yaml's stringifier drops
 * a byte-order mark, turns CRLF into LF and normalizes the spacing before comments, so every
 * edit replaces only the characters of the value it changes.
 */

/** Replacement of `text.slice(start, end)`; an insertion has `start === end`. */
export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/**
 * Applies edits to `text`. At one offset, insertions go before a replacement that starts
 * there, and keep the order they were given in. Throws when two edits overlap, because the
 * result would depend on the order of application.
 */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const isInsertion = (edit: TextEdit): number => (edit.start === edit.end ? 0 : 1);
  const ordered = edits
    .map((edit, index) => ({ edit, index }))
    .sort((a, b) => a.edit.start - b.edit.start || isInsertion(a.edit) - isInsertion(b.edit) || a.index - b.index);
  let output = '';
  let cursor = 0;
  for (const { edit } of ordered) {
    if (edit.start < cursor || edit.end < edit.start || edit.end > text.length) {
      throw new Error(`overlapping or out-of-range text edit at offset ${edit.start}`);
    }
    output += text.slice(cursor, edit.start) + edit.text;
    cursor = edit.end;
  }
  return output + text.slice(cursor);
}

/** Returns the line ending the file uses: CRLF when its first line break is CRLF, else LF. */
export function detectEol(text: string): string {
  const newline = text.indexOf('\n');
  return newline > 0 && text[newline - 1] === '\r' ? '\r\n' : '\n';
}

/** Returns the offset where the line holding `offset` starts. */
export function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Returns the offset just past the line break that ends the line containing `offset`. */
export function nextLineStart(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  return newline === -1 ? text.length : newline + 1;
}

/**
 * Returns the offset just past the line holding the last character before `end`. Block
 * scalars end after their final line break, so `end` may already start a line.
 */
export function endOfLastLine(text: string, end: number): number {
  if (end > 0 && text[end - 1] === '\n') return end;
  return nextLineStart(text, end);
}
