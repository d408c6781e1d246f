/**
 * The one module that talks to the `yaml` package: parsing with positions, turning yaml's
 * errors into diagnostics, and finding the source range of a data path.
 */
import {
  Alias,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  visit,
  YAMLParseError,
  type Document,
  type YAMLMap,
  type Node,
  type Pair,
} from 'yaml';
import type { Diagnostic, Position } from '../report/diagnostic.js';

/** Largest file orgcfg reads; a project of 10,000 orgs stays far below it. */
export const MAX_SOURCE_BYTES = 16 * 1024 * 1024;

/** Most alias expansions allowed in one file, against "billion laughs" documents. */
export const MAX_ALIAS_COUNT = 100;

export type DataPath = readonly (string | number)[];

/** A parsed YAML file: the document, a line counter for positions, and its syntax problems. */
export interface YamlSource {
  readonly file: string;
  readonly text: string;
  readonly doc: Document.Parsed;
  readonly lineCounter: LineCounter;
  /** Plain data of the document, or undefined when syntax errors prevent it. */
  readonly data: unknown;
  /** Syntax errors and warnings, as `yaml-syntax` diagnostics. */
  readonly diagnostics: readonly Diagnostic[];
}

/** Plain-word explanations for yaml error codes that users meet in org files. */
const SYNTAX_HINTS: Readonly<Record<string, string>> = {
  DUPLICATE_KEY: 'keys must be unique in a map; remove or rename one of them',
  TAB_AS_INDENT: 'YAML indentation must use spaces; replace the tab with spaces',
  MULTIPLE_DOCS: 'an orgcfg file holds one YAML document; remove the extra `---` separator',
  BAD_INDENT: 'check the indentation of this line against its siblings',
  MISSING_CHAR: 'a closing quote or bracket is missing',
  BLOCK_AS_IMPLICIT_KEY: 'a key cannot span several lines; check for a missing colon or quote',
  MULTILINE_IMPLICIT_KEY: 'a key cannot span several lines; check for a missing colon or quote',
  UNEXPECTED_TOKEN: 'check for a stray character or a missing colon',
};

/** Parses `text` as one YAML 1.2 document (core schema) and keeps positions for every node. */
export function parseYamlSource(text: string, file: string): YamlSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter,
    version: '1.2',
    schema: 'core',
    // yaml's own duplicate-key check compares every pair with every other, which takes seconds
    // for a map of 10,000 orgs; findDuplicateKeys does the same check with a set.
    uniqueKeys: false,
    prettyErrors: false,
    strict: true,
  });
  for (const duplicate of findDuplicateKeys(doc)) {
    doc.errors.push(new YAMLParseError(duplicate, 'DUPLICATE_KEY', 'Map keys must be unique'));
  }
  const position = (offset: number): Position => toPosition(lineCounter, offset, text);

  const diagnostics: Diagnostic[] = [];
  for (const error of doc.errors) {
    diagnostics.push({
      ruleId: 'yaml-syntax',
      severity: 'error',
      message: `invalid YAML: ${describeSyntaxError(error.code, error.message, text.slice(error.pos[0], error.pos[1]))}`,
      file,
      start: position(error.pos[0]),
      end: position(error.pos[1]),
      path: [],
      data: { code: error.code },
    });
  }
  for (const warning of doc.warnings) {
    diagnostics.push({
      ruleId: 'yaml-syntax',
      severity: 'warning',
      message: `YAML warning: ${firstLine(warning.message)}`,
      file,
      start: position(warning.pos[0]),
      end: position(warning.pos[1]),
      path: [],
      data: { code: warning.code },
    });
  }

  let data: unknown;
  if (doc.errors.length === 0) {
    try {
      data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      // yaml throws a ReferenceError when aliases expand past maxAliasCount.
      diagnostics.push({
        ruleId: 'yaml-syntax',
        severity: 'error',
        message: `invalid YAML: aliases expand too far (more than ${MAX_ALIAS_COUNT} expansions); write the values out or use defaults`,
        file,
        start: { line: 1, column: 1 },
        path: [],
        data: { code: error instanceof ReferenceError ? 'ALIAS_LIMIT' : 'TO_JS_FAILED' },
      });
    }
  }
  return { file, text, doc, lineCounter, data, diagnostics };
}

/** Phrases a yaml error in orgcfg's words where yaml's own text names library calls or no subject. */
function describeSyntaxError(code: string, message: string, sourceText: string): string {
  const hint = SYNTAX_HINTS[code];
  if (code === 'MULTIPLE_DOCS') return 'an orgcfg file holds one YAML document, but this one holds more; remove the extra `---` separator';
  if (code === 'DUPLICATE_KEY') {
    const key = sourceText.trim().replace(/:$/, '');
    return key !== '' && key.length <= 80 ? `key "${key}" appears twice in the same map; remove or rename one of them` : `${hint}`;
  }
  return `${firstLine(message)}${hint ? `; ${hint}` : ''}`;
}

function firstLine(message: string): string {
  // yaml appends " at line N, column M" and a source excerpt; the diagnostic carries both.
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '').trim();
}

function toPosition(lineCounter: LineCounter, offset: number, text: string): Position {
  const { line, col } = lineCounter.linePos(offset);
  // yaml counts a byte-order mark as the first character of line 1; editors do not show it.
  const bomShift = line === 1 && col > 1 && text.charCodeAt(0) === 0xfeff ? 1 : 0;
  return { line, column: col - bomShift };
}

/** Converts an offset in the source text to a 1-based line and column. */
export function positionAt(source: YamlSource, offset: number): Position {
  return toPosition(source.lineCounter, offset, source.text);
}

/** The node at a data path, with the map pair that holds it when it is a map value. */
export interface FoundNode {
  readonly node: Node | null;
  readonly pair?: Pair<unknown, unknown>;
  /** How many path segments matched; less than the path length means an ancestor was found. */
  readonly depth: number;
}

/** Returns the `[start, end]` offsets of every map key that repeats an earlier key of its map. */
function findDuplicateKeys(doc: Document.Parsed): [number, number][] {
  const duplicates: [number, number][] = [];
  visit(doc, {
    Map(_, map) {
      const seen = new Set<unknown>();
      for (const item of map.items) {
        // Like yaml's check, scalars compare by value and type, so 1 and "1" are different keys.
        const key = isScalar(item.key) ? item.key.value : item.key;
        if (seen.has(key) && isScalar(item.key) && item.key.range) duplicates.push([item.key.range[0], item.key.range[1]]);
        seen.add(key);
      }
    },
  });
  return duplicates.sort((a, b) => a[0] - b[0]);
}

/**
 * Pairs of a map by key text, built on first use, so a lookup in a map of many orgs is not a
 * scan. An index is rebuilt when the map gains or loses pairs; sources are not edited otherwise.
 */
const pairIndexes = new WeakMap<YAMLMap, { size: number; byKey: Map<string, Pair<unknown, unknown>> }>();

function pairByKey(map: YAMLMap, key: string): Pair<unknown, unknown> | undefined {
  let index = pairIndexes.get(map);
  if (!index || index.size !== map.items.length) {
    const byKey = new Map<string, Pair<unknown, unknown>>();
    for (const item of map.items) {
      const text = isPair(item) ? keyText(item.key) : undefined;
      if (text !== undefined && !byKey.has(text)) byKey.set(text, item);
    }
    index = { size: map.items.length, byKey };
    pairIndexes.set(map, index);
  }
  return index.byKey.get(key);
}

/** Finds the node at `path`, or the closest existing ancestor. */
export function findNode(source: YamlSource, path: DataPath): FoundNode {
  let current: unknown = source.doc.contents;
  let pair: Pair<unknown, unknown> | undefined;
  let depth = 0;
  for (const segment of path) {
    if (isAlias(current)) current = (current as Alias).resolve(source.doc);
    if (isMap(current)) {
      const found = pairByKey(current as YAMLMap, String(segment));
      if (!found) break;
      pair = found;
      current = found.value;
    } else if (isSeq(current) && typeof segment === 'number') {
      if (segment >= current.items.length) break;
      pair = undefined;
      current = current.items[segment];
    } else {
      break;
    }
    depth += 1;
  }
  return { node: (current as Node | null) ?? null, ...(pair ? { pair } : {}), depth };
}

function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  return undefined;
}

/** Which part of a map entry a location should point at. */
export type RangeTarget = 'value' | 'key';

/**
 * Returns the start and end of the text at `path`: the value node, or the key for `'key'`.
 * When the path does not exist, points at the key of the closest existing ancestor.
 */
export function rangeOf(
  source: YamlSource,
  path: DataPath,
  target: RangeTarget = 'value',
): { start: Position; end: Position } {
  const found = findNode(source, path);
  const complete = found.depth === path.length;
  const pairKey = found.pair?.key as Node | undefined;
  let node: Node | null | undefined = found.node;
  if ((target === 'key' || !complete || node === null) && pairKey?.range) node = pairKey;
  if (!node?.range) return { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };
  return {
    start: toPosition(source.lineCounter, node.range[0], source.text),
    end: toPosition(source.lineCounter, node.range[1], source.text),
  };
}

/** Returns the scalar node at `path` when it is one, so callers can read its quoting style. */
export function scalarAt(source: YamlSource, path: DataPath): { type?: string; source?: string } | undefined {
  const found = findNode(source, path);
  if (found.depth !== path.length || !isScalar(found.node)) return undefined;
  return { type: found.node.type ?? undefined, source: found.node.source ?? undefined };
}

/**
 * Builds a fix that replaces the scalar at `path` with `value`, keeping its quoting style:
 * a quoted scalar stays quoted the same way, a plain one stays plain when `value` allows it.
 * `quote: 'double'` forces double quotes, as an API version needs. Returns undefined for
 * block scalars, aliases and missing nodes, which need a person.
 */
export function replaceScalarFix(
  source: YamlSource,
  path: DataPath,
  value: string | boolean,
  quote?: 'double',
): { range: [number, number]; text: string } | undefined {
  const found = findNode(source, path);
  if (found.depth !== path.length || !isScalar(found.node) || !found.node.range) return undefined;
  const { type, range } = found.node;
  let text: string;
  if (typeof value === 'boolean') text = String(value);
  else if (quote === 'double' || type === 'QUOTE_DOUBLE') text = JSON.stringify(value);
  else if (type === 'QUOTE_SINGLE') text = `'${value.replace(/'/g, "''")}'`;
  else if (type === 'PLAIN' && isSafePlain(value)) text = value;
  else if (type === 'PLAIN') text = JSON.stringify(value);
  else return undefined;
  return { range: [range[0], range[1]], text };
}

/** Tells whether `value` reads back as the same string when written as a plain scalar. */
function isSafePlain(value: string): boolean {
  if (value === '' || value !== value.trim()) return false;
  if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(value) || /: |\s#|[\r\n]/.test(value)) return false;
  return /^[^\s]/.test(value) && !/^(true|false|null|~|[-+]?[0-9.]+)$/i.test(value);
}
