/**
 * Typed reading of a parsed YAML document, with every problem recorded at the line and column
 * of the node that caused it. The emulator's file format is defined in `config.ts`, and this
 * module deals only with YAML nodes, value types and positions.
 */

import { isAlias, isMap, isScalar, isSeq, type Document, type LineCounter, type Node, type Scalar } from 'yaml';

/** One problem in an emulator file, 1-based. */
export interface ConfigProblem {
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

/** A key of a YAML mapping with its value node (null for `key:` with nothing after it). */
export interface MapEntry {
  readonly key: Scalar;
  readonly value: Node | null;
}

export class ConfigReader {
  readonly problems: ConfigProblem[] = [];

  constructor(
    private readonly document: Document,
    private readonly lineCounter: LineCounter,
  ) {}

  /** Records a problem at the start of `node`, or at line 1, column 1 when there is no node. */
  report(node: Node | null | undefined, message: string): void {
    const offset = node?.range?.[0] ?? 0;
    const { line, col } = this.lineCounter.linePos(offset);
    this.problems.push({ line, column: col, message });
  }

  /** Records a problem at a character offset in the source. */
  reportAt(offset: number, message: string): void {
    const { line, col } = this.lineCounter.linePos(offset);
    this.problems.push({ line, column: col, message });
  }

  /** Returns the line of `node`, for messages that point at a second place. */
  lineOf(node: Node): number {
    return this.lineCounter.linePos(node.range?.[0] ?? 0).line;
  }

  /** Follows an alias to the node it names. */
  resolve(node: Node | null): Node | null {
    if (node && isAlias(node)) return (node.resolve(this.document) as Node | undefined) ?? null;
    return node;
  }

  /**
   * Reads a mapping whose keys must come from `allowedKeys`. Reports other keys, with the
   * closest allowed key as a suggestion, and returns the entries by key.
   */
  readMap(
    node: Node | null,
    path: string,
    allowedKeys: readonly string[],
    at: Node | null = node,
  ): Map<string, MapEntry> | undefined {
    const resolved = this.resolve(node);
    if (!isMap(resolved)) {
      this.report(resolved ?? at, `${path} must be a mapping of keys to values, but is ${describe(resolved)}`);
      return undefined;
    }

    const entries = new Map<string, MapEntry>();
    for (const pair of resolved.items) {
      const key = pair.key as Node | null;
      if (!isScalar(key) || typeof key.value !== 'string') {
        this.report(key ?? resolved, `${path} has a key that is not a plain name; use names such as ${quoteList(allowedKeys.slice(0, 3))}`);
        continue;
      }
      const name = key.value;
      if (allowedKeys.length > 0 && !allowedKeys.includes(name)) {
        this.report(key, unknownKeyMessage(path, name, allowedKeys));
        continue;
      }
      entries.set(name, { key, value: this.resolve(pair.value as Node | null) });
    }
    return entries;
  }

  /** Reads a sequence, or reports that the node is not one. */
  readSequence(entry: MapEntry, path: string): Node[] | undefined {
    const { value } = entry;
    if (!isSeq(value)) {
      this.report(value ?? entry.key, `${path} must be a list, but is ${describe(value)}`);
      return undefined;
    }
    return value.items.map((item) => this.resolve(item as Node | null)).filter((item): item is Node => item !== null);
  }

  readString(entry: MapEntry, path: string): string | undefined {
    const { value } = entry;
    if (isScalar(value) && typeof value.value === 'string') return value.value;
    const hint = isScalar(value) && value.value !== null ? '; put the value in quotes' : '';
    this.report(value ?? entry.key, `${path} must be a string, but is ${describe(value)}${hint}`);
    return undefined;
  }

  readBoolean(entry: MapEntry, path: string): boolean | undefined {
    const { value } = entry;
    if (isScalar(value) && typeof value.value === 'boolean') return value.value;
    this.report(value ?? entry.key, `${path} must be true or false, but is ${describe(value)}`);
    return undefined;
  }

  /** Reads the string at `fields[name]`, or returns undefined when the key is absent or invalid. */
  optionalString(fields: ReadonlyMap<string, MapEntry>, name: string, path: string): string | undefined {
    const entry = fields.get(name);
    return entry ? this.readString(entry, `${path}.${name}`) : undefined;
  }

  /** Reads the boolean at `fields[name]`, or returns `fallback` when the key is absent or invalid. */
  optionalBoolean(fields: ReadonlyMap<string, MapEntry>, name: string, path: string, fallback: boolean): boolean {
    const entry = fields.get(name);
    return (entry && this.readBoolean(entry, `${path}.${name}`)) ?? fallback;
  }

  /** Reads a whole number that is zero or more. */
  readCount(entry: MapEntry, path: string): number | undefined {
    const { value } = entry;
    if (isScalar(value) && typeof value.value === 'number' && Number.isSafeInteger(value.value) && value.value >= 0) {
      return value.value;
    }
    this.report(value ?? entry.key, `${path} must be a whole number of 0 or more, but is ${describe(value)}`);
    return undefined;
  }

  /** Reads a list of strings. */
  readStringList(entry: MapEntry, path: string): string[] | undefined {
    const items = this.readSequence(entry, path);
    if (!items) return undefined;
    const strings: string[] = [];
    items.forEach((item, index) => {
      const text = this.readString({ key: entry.key, value: item }, `${path}[${index}]`);
      if (text !== undefined) strings.push(text);
    });
    return strings.length === items.length ? strings : undefined;
  }
}

/** Describes a node's value for a message: its type and, for scalars, the value itself. */
export function describe(node: Node | null): string {
  if (node === null) return 'empty';
  if (isMap(node)) return 'a mapping';
  if (isSeq(node)) return 'a list';
  if (isScalar(node)) {
    const { value } = node;
    if (value === null) return 'null';
    if (typeof value === 'string') return `the string ${JSON.stringify(value)}`;
    if (typeof value === 'number') return `the number ${node.source ?? String(value)}`;
    if (typeof value === 'boolean') return `the boolean ${String(value)}`;
  }
  return 'a value of an unsupported type';
}

export function quoteList(values: readonly string[]): string {
  return values.map((value) => `"${value}"`).join(', ');
}

function unknownKeyMessage(path: string, name: string, allowedKeys: readonly string[]): string {
  const sorted = [...allowedKeys].sort();
  const suggestion = closestMatch(name, sorted);
  const hint = suggestion ? `did you mean "${suggestion}"? ` : '';
  return `${path} has the unknown key "${name}"; ${hint}allowed keys are ${quoteList(sorted)}`;
}

/**
 * Returns the candidate closest to `value` (ignoring case), if it is close enough to be a
 * typo: within edit distance 2, or a quarter of the length for longer values.
 */
export function closestMatch(value: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(value.length / 4)) + 1;
  for (const candidate of candidates) {
    const distance = editDistance(value.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** Levenshtein distance between two strings. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = previous[j - 1]! + (a.charAt(i - 1) === b.charAt(j - 1) ? 0 : 1);
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length]!;
}
