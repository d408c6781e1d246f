/**
 * Edits on a parsed org file, addressed by data path. This is the upgrade's only module that
 * calls the `yaml` package. Nodes are found through yaml's Document API, and each edit is
 * spliced into the original text at the node's range, so that the bytes outside the edited
 * values stay exactly as they were.
 */
import { isAlias, isCollection, isMap, isPair, isScalar, parseDocument, visit, type Node, type Pair } from 'yaml';
import { isDeepStrictEqual } from 'node:util';
import { parseYamlSource, type DataPath, type YamlSource } from '../project/yaml-source.js';
import { applyTextEdits, detectEol, endOfLastLine, lineStartOf, type TextEdit } from './text-edit.js';

/** The kind of node at a data path. */
export type NodeKind = 'scalar' | 'map' | 'seq' | 'alias' | 'missing';

/** A node found by data path, with what would make editing it unsafe. */
export interface Located {
  readonly kind: NodeKind;
  readonly node?: Node;
  readonly pair?: Pair<unknown, unknown>;
  /** Whether the node sits inside a flow collection (`{...}` or `[...]`). */
  readonly inFlow: boolean;
  /** Anchor on the node or an ancestor that an alias elsewhere in the file refers to. */
  readonly sharedAnchor?: string;
  /** Name of the alias the path runs into; the walk stops there. */
  readonly alias?: string;
}

/** Thrown when an edit cannot be made at a path; callers check with `locate` first. */
export class EditError extends Error {
  override readonly name = 'EditError';
}

type PlainObject = Record<string, unknown>;

/**
 * Collects text edits on one parsed file and tracks the data the edits should produce, so the
 * engine can re-parse the result and compare it with what was intended.
 */
export class SourceEditor {
  readonly eol: string;
  /** The data the file should contain after the edits. */
  readonly expected: unknown;
  private readonly edits: TextEdit[] = [];
  private readonly aliasNames = new Set<string>();

  constructor(readonly source: YamlSource) {
    this.eol = detectEol(source.text);
    this.expected = structuredClone(source.data);
    visit(source.doc, {
      Alias: (_key, node) => {
        this.aliasNames.add(node.source);
      },
    });
  }

  /** Tells whether any edit was planned. */
  get changed(): boolean {
    return this.edits.length > 0;
  }

  /** Returns the text with every planned edit applied. */
  result(): string {
    return applyTextEdits(this.source.text, this.edits);
  }

  /**
   * Applies the edits, parses the result and checks that it contains exactly the intended data.
   * Throws EditError when the text does not parse or its data differs, which would be a bug
   * in a migration; callers then keep the original text.
   */
  finish(): YamlSource {
    const text = this.result();
    const reparsed = parseYamlSource(text, this.source.file);
    const syntax = reparsed.diagnostics.find((diagnostic) => diagnostic.severity === 'error');
    if (syntax) throw new EditError(`the edited text does not parse (${syntax.message})`);
    if (!isDeepStrictEqual(reparsed.data, this.expected)) {
      throw new EditError('the edited text does not contain the intended data');
    }
    return reparsed;
  }

  /** Finds the node at `path` without following aliases. */
  locate(path: DataPath): Located {
    let current: unknown = this.source.doc.contents;
    let pair: Pair<unknown, unknown> | undefined;
    let inFlow = false;
    let sharedAnchor = this.sharedAnchorOf(current);
    for (const segment of path) {
      if (isAlias(current)) return { kind: 'alias', alias: current.source, inFlow, ...optional({ sharedAnchor }) };
      if (!isMap(current)) return { kind: 'missing', inFlow, ...optional({ sharedAnchor }) };
      if (current.flow) inFlow = true;
      const found = current.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
      if (!found) return { kind: 'missing', inFlow, ...optional({ sharedAnchor }) };
      pair = found;
      current = found.value;
      sharedAnchor ??= this.sharedAnchorOf(current);
    }
    const node = (current ?? undefined) as Node | undefined;
    let kind: NodeKind = 'missing';
    if (isAlias(node)) kind = 'alias';
    else if (isScalar(node)) kind = 'scalar';
    else if (isMap(node)) kind = 'map';
    else if (isCollection(node)) kind = 'seq';
    return {
      kind,
      inFlow: inFlow || (isCollection(node) && node.flow === true),
      ...optional({ node, pair, sharedAnchor, alias: isAlias(node) ? node.source : undefined }),
    };
  }

  /** Returns an anchor or alias inside the node at `path` that ties it to another place. */
  linkedAnchorWithin(path: DataPath): string | undefined {
    const located = this.locate(path);
    if (located.alias) return located.alias;
    if (located.sharedAnchor) return located.sharedAnchor;
    let linked: string | undefined;
    if (located.node) {
      visit(located.node, {
        Alias: (_key, node) => {
          linked ??= node.source;
        },
        Node: (_key, node) => {
          if (node.anchor && this.aliasNames.has(node.anchor)) linked ??= node.anchor;
        },
      });
    }
    return linked;
  }

  /** Returns the quoting style of the scalar at `path`, such as `QUOTE_DOUBLE` or `PLAIN`. */
  scalarStyle(path: DataPath): string | undefined {
    const located = this.locate(path);
    return isScalar(located.node) ? (located.node.type ?? undefined) : undefined;
  }

  /** Replaces the scalar at `path` with `value`, keeping its quoting style where it can. */
  replaceScalar(path: DataPath, value: string): void {
    const located = this.locate(path);
    if (!isScalar(located.node) || !located.node.range) throw new EditError(`no scalar at ${path.join('.')}`);
    const [start, end] = located.node.range;
    const style = located.node.type ?? 'PLAIN';
    this.edits.push({ start, end, text: renderScalar(value, style, located.inFlow) });
    setIn(this.expected, path, value);
  }

  /**
   * Renames `oldKey` of the map at `mapPath` to `newKey` and replaces its scalar value,
   * keeping the pair's place, its quoting styles and the comment after it.
   */
  replaceEntry(mapPath: DataPath, oldKey: string, newKey: string, value: string): void {
    const located = this.locate([...mapPath, oldKey]);
    const key = located.pair?.key;
    if (!isScalar(key) || !key.range) throw new EditError(`no key ${oldKey} at ${mapPath.join('.')}`);
    this.edits.push({ start: key.range[0], end: key.range[1], text: renderScalar(newKey, key.type ?? 'PLAIN', located.inFlow) });
    this.replaceScalar([...mapPath, oldKey], value);
    deleteIn(this.expected, [...mapPath, oldKey]);
    setIn(this.expected, [...mapPath, newKey], value);
  }

  /**
   * Removes the entry `key` from the block map at `mapPath`, line by line. A comment written
   * after the value stays, on a line of its own at the same indentation.
   */
  removeEntry(mapPath: DataPath, key: string): void {
    const located = this.locate([...mapPath, key]);
    const pair = located.pair;
    if (!pair || located.inFlow || !isScalar(pair.key) || !pair.key.range) {
      throw new EditError(`cannot remove ${key} from ${mapPath.join('.')}`);
    }
    const text = this.source.text;
    const start = lineStartOf(text, pair.key.range[0]);
    const valueEnd = (pair.value as Node | null)?.range?.[1] ?? pair.key.range[1];
    const end = endOfLastLine(text, valueEnd);
    const comment = (pair.value as Node | null)?.comment ?? pair.key.comment;
    const indent = ' '.repeat(pair.key.range[0] - start);
    const keptComments = comment
      ? comment.split('\n').map((line) => `${indent}#${line}${this.eol}`).join('')
      : '';
    this.edits.push({ start, end, text: keptComments });
    deleteIn(this.expected, [...mapPath, key]);
  }

  /**
   * Adds `key: value` to the map at `mapPath`, after the last of `after` that the map has,
   * or else in front of its first entry. A string value is written in `style` (double-quoted
   * unless given), a number plain. With `keepCommentsOnFirst` (the default) an entry put first goes above the comment
   * lines over the old first entry, which describe that entry rather than the new one.
   */
  insertEntry(
    mapPath: DataPath,
    key: string,
    value: string | number,
    after: readonly string[],
    { style = 'QUOTE_DOUBLE', keepCommentsOnFirst = true }: { style?: string; keepCommentsOnFirst?: boolean } = {},
  ): void {
    const located = this.locate(mapPath);
    const map = located.node;
    if (!isMap(map) || map.items.length === 0) throw new EditError(`no map with entries at ${mapPath.join('.')}`);
    const text = this.source.text;
    const previous = [...map.items].reverse().find((item) => isScalar(item.key) && after.includes(String(item.key.value)));
    const first = map.items[0]!;
    const entryFlow = map.flow === true || located.inFlow;
    const valueText = typeof value === 'number' ? String(value) : renderScalar(value, style, entryFlow);
    const entry = `${renderScalar(key, 'PLAIN', entryFlow)}: ${valueText}`;

    if (map.flow) {
      const offset = previous ? endOf(previous) : startOf(first);
      this.edits.push({ start: offset, end: offset, text: previous ? `, ${entry}` : `${entry}, ` });
    } else {
      const firstKeyStart = startOf(first);
      const firstLineStart = lineStartOf(text, firstKeyStart);
      const indent = ' '.repeat(firstKeyStart - firstLineStart);
      let offset: number;
      if (previous && isScalar(previous.value)) offset = endOfLastLine(text, endOf(previous));
      else offset = keepCommentsOnFirst ? this.startOfCommentsAbove(firstLineStart) : firstLineStart;
      const needsBreak = offset === text.length && text.length > 0 && !text.endsWith('\n');
      this.edits.push({ start: offset, end: offset, text: `${needsBreak ? this.eol : ''}${indent}${entry}${this.eol}` });
    }
    setIn(this.expected, [...mapPath, key], value);
  }

  /**
   * Replaces the flow map at `path` with one written from `entries`, on one line. Used where
   * removing entries from a flow map in place would mean editing the commas between them.
   */
  replaceFlowMap(path: DataPath, entries: readonly (readonly [string, string, string])[]): void {
    const located = this.locate(path);
    const map = located.node;
    if (!isMap(map) || !map.flow || !map.range) throw new EditError(`no flow map at ${path.join('.')}`);
    const original = this.source.text.slice(map.range[0], map.range[1]);
    const padding = original.startsWith('{ ') ? ' ' : '';
    const body = entries.map(([key, value, style]) => `${renderScalar(key, 'PLAIN', true)}: ${renderScalar(value, style, true)}`);
    this.edits.push({ start: map.range[0], end: map.range[1], text: `{${padding}${body.join(', ')}${padding}}` });
    setIn(this.expected, path, Object.fromEntries(entries.map(([key, value]) => [key, value])));
  }

  /** Tells whether the node at `path` or anything inside it carries a comment. */
  hasComments(path: DataPath): boolean {
    const located = this.locate(path);
    let found = false;
    if (located.node) {
      visit(located.node, {
        Node: (_key, node) => {
          if (node.comment || node.commentBefore) found = true;
        },
      });
    }
    return found;
  }

  /**
   * Sets `version: N` at the top level, replacing the value or adding it as the first entry,
   * below the file's header comments.
   */
  setFormatVersion(version: number): void {
    const located = this.locate(['version']);
    if (!isScalar(located.node) || !located.node.range) {
      this.insertEntry([], 'version', version, [], { keepCommentsOnFirst: false });
      return;
    }
    const [start, end] = located.node.range;
    this.edits.push({ start, end, text: String(version) });
    setIn(this.expected, ['version'], version);
  }

  private sharedAnchorOf(node: unknown): string | undefined {
    const anchor = (node as Node | null | undefined)?.anchor;
    return anchor && this.aliasNames.has(anchor) ? anchor : undefined;
  }

  /** Walks up from `lineStart` over whole-line comments, which belong to the line below them. */
  private startOfCommentsAbove(lineStart: number): number {
    const text = this.source.text;
    let start = lineStart;
    while (start > 0) {
      const previousStart = lineStartOf(text, start - 1);
      if (!/^[ \t]*#/.test(text.slice(previousStart, start))) break;
      start = previousStart;
    }
    return start;
  }
}

function startOf(pair: Pair<unknown, unknown>): number {
  const range = (pair.key as Node | null)?.range;
  if (!range) throw new EditError('map entry without a source range');
  return range[0];
}

function endOf(pair: Pair<unknown, unknown>): number {
  const range = (pair.value as Node | null)?.range ?? (pair.key as Node | null)?.range;
  if (!range) throw new EditError('map entry without a source range');
  return range[1];
}

/**
 * Writes `value` as YAML scalar text in the given style. Plain style is used only when the
 * text reads back as the same string; single quotes only for one-line values. Everything
 * else becomes double-quoted, whose escapes are a superset of JSON's.
 */
export function renderScalar(value: string, style: string, inFlow: boolean): string {
  if (style === 'PLAIN' && plainReadsBack(value, inFlow)) return value;
  if (style === 'QUOTE_SINGLE' && !/[\u0000-\u001f\u007f]/.test(value)) return `'${value.replace(/'/g, "''")}'`;
  return JSON.stringify(value);
}

function plainReadsBack(value: string, inFlow: boolean): boolean {
  if (value === '' || /[\r\n]/.test(value) || value.trim() !== value) return false;
  if (inFlow && /[,[\]{}]/.test(value)) return false;
  const doc = parseDocument(inFlow ? `[${value}]` : `k: ${value}`, { version: '1.2', schema: 'core' });
  if (doc.errors.length > 0) return false;
  const data = doc.toJS() as unknown;
  const read = inFlow ? (data as unknown[])[0] : (data as PlainObject).k;
  return read === value;
}

/** Returns the source ranges of the string scalars, reached through maps, that `select` accepts. */
export function scalarRanges(source: YamlSource, select: (path: DataPath, value: string) => boolean): [number, number][] {
  const ranges: [number, number][] = [];
  const walk = (node: unknown, path: (string | number)[]): void => {
    if (isScalar(node) && typeof node.value === 'string' && node.range && select(path, node.value)) {
      ranges.push([node.range[0], node.range[1]]);
    } else if (isMap(node)) {
      for (const item of node.items) {
        if (isPair(item) && isScalar(item.key)) walk(item.value, [...path, String(item.key.value)]);
      }
    }
  };
  walk(source.doc.contents, []);
  return ranges;
}

function optional<T extends Record<string, unknown>>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Partial<T>;
}

function setIn(root: unknown, path: DataPath, value: unknown): void {
  if (path.length === 0) return;
  let current = root as PlainObject;
  for (const segment of path.slice(0, -1)) {
    const next = current[String(segment)];
    if (next === null || typeof next !== 'object') current[String(segment)] = {};
    current = current[String(segment)] as PlainObject;
  }
  current[String(path[path.length - 1])] = value;
}

function deleteIn(root: unknown, path: DataPath): void {
  let current = root as PlainObject | undefined;
  for (const segment of path.slice(0, -1)) current = current?.[String(segment)] as PlainObject | undefined;
  if (current) delete current[String(path[path.length - 1])];
}
