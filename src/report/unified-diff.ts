/**
 * A unified diff of two texts by line, as `diff -u` and `git diff` print it, so the dry run
 * can be read by people and applied with `patch -p0` or `git apply`.
 */

type Operation = { readonly kind: ' ' | '-' | '+'; readonly line: string };

/** Lines of context around each change, as `diff -u` uses by default. */
const CONTEXT_LINES = 3;

/** Returns the unified diff of `before` and `after` under the name `file`, or '' when equal. */
export function formatUnifiedDiff(file: string, before: string, after: string): string {
  if (before === after) return '';
  const oldLines = splitLines(before);
  const newLines = splitLines(after);
  const operations = diffLines(oldLines.lines, newLines.lines);

  let output = `--- ${file}\n+++ ${file}\n`;
  for (const hunk of hunksOf(operations)) {
    output += `@@ -${range(hunk.oldStart, hunk.oldCount)} +${range(hunk.newStart, hunk.newCount)} @@\n`;
    let oldLine = hunk.oldStart - 1;
    let newLine = hunk.newStart - 1;
    for (const operation of hunk.operations) {
      output += `${operation.kind}${operation.line}\n`;
      if (operation.kind !== '+') oldLine += 1;
      if (operation.kind !== '-') newLine += 1;
      const endsOld = operation.kind !== '+' && oldLine === oldLines.lines.length && !oldLines.finalNewline;
      const endsNew = operation.kind !== '-' && newLine === newLines.lines.length && !newLines.finalNewline;
      if (endsOld || endsNew) output += '\\ No newline at end of file\n';
    }
  }
  return output;
}

function splitLines(text: string): { lines: string[]; finalNewline: boolean } {
  if (text === '') return { lines: [], finalNewline: true };
  const finalNewline = text.endsWith('\n');
  const lines = (finalNewline ? text.slice(0, -1) : text).split('\n').map((line) => line.replace(/\r$/, ''));
  return { lines, finalNewline };
}

/** Myers' O(ND) shortest edit script, tracing back through the saved frontiers. */
function diffLines(a: readonly string[], b: readonly string[]): Operation[] {
  const max = a.length + b.length;
  const offset = max + 1;
  const frontier = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let done = false;
  for (let d = 0; d <= max && !done; d += 1) {
    trace.push(frontier.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && frontier[offset + k - 1]! < frontier[offset + k + 1]!) ? frontier[offset + k + 1]! : frontier[offset + k - 1]! + 1;
      let y = x - k;
      while (x < a.length && y < b.length && a[x] === b[y]) {
        x += 1;
        y += 1;
      }
      frontier[offset + k] = x;
      if (x >= a.length && y >= b.length) {
        done = true;
        break;
      }
    }
  }

  const operations: Operation[] = [];
  let x = a.length;
  let y = b.length;
  for (let d = trace.length - 1; d >= 0; d -= 1) {
    const previous = trace[d]!;
    const k = x - y;
    const down = k === -d || (k !== d && previous[offset + k - 1]! < previous[offset + k + 1]!);
    const previousK = down ? k + 1 : k - 1;
    const previousX = previous[offset + previousK]!;
    const previousY = previousX - previousK;
    while (x > previousX && y > previousY) {
      operations.push({ kind: ' ', line: a[x - 1]! });
      x -= 1;
      y -= 1;
    }
    if (d > 0) {
      if (down) operations.push({ kind: '+', line: b[y - 1]! });
      else operations.push({ kind: '-', line: a[x - 1]! });
    }
    x = previousX;
    y = previousY;
  }
  return operations.reverse();
}

interface Hunk {
  readonly oldStart: number;
  readonly newStart: number;
  readonly oldCount: number;
  readonly newCount: number;
  readonly operations: readonly Operation[];
}

function hunksOf(operations: readonly Operation[]): Hunk[] {
  const changed = operations.map((operation, index) => (operation.kind === ' ' ? -1 : index)).filter((index) => index >= 0);
  const hunks: Hunk[] = [];
  let start = 0;
  while (start < changed.length) {
    let end = start;
    while (end + 1 < changed.length && changed[end + 1]! - changed[end]! <= 2 * CONTEXT_LINES + 1) end += 1;
    const from = Math.max(0, changed[start]! - CONTEXT_LINES);
    const to = Math.min(operations.length, changed[end]! + CONTEXT_LINES + 1);
    const before = operations.slice(0, from);
    const slice = operations.slice(from, to);
    hunks.push({
      oldStart: before.filter((operation) => operation.kind !== '+').length + 1,
      newStart: before.filter((operation) => operation.kind !== '-').length + 1,
      oldCount: slice.filter((operation) => operation.kind !== '+').length,
      newCount: slice.filter((operation) => operation.kind !== '-').length,
      operations: slice,
    });
    start = end + 1;
  }
  return hunks;
}

/** `diff -u` writes a one-line range as its start only, and an empty range as `start-1,0`. */
function range(start: number, count: number): string {
  if (count === 1) return String(start);
  return `${count === 0 ? start - 1 : start},${count}`;
}
