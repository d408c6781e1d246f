import type { DataPath, YamlSource } from '../project/yaml-source.js';

/** A string value in the data of a source, with its path. */
interface StringLeaf {
  readonly value: string;
  readonly path: DataPath;
}

/**
 * String values by source, collected once: several rules visit every string, and walking a
 * file of 10,000 orgs for each of them was a measurable part of a lint run. Sources are not
 * edited after parsing, so the list stays valid.
 */
const stringLeaves = new WeakMap<YamlSource, readonly StringLeaf[]>();

function collectStrings(source: YamlSource): readonly StringLeaf[] {
  let leaves = stringLeaves.get(source);
  if (leaves) return leaves;
  const found: StringLeaf[] = [];
  const walk = (value: unknown, path: (string | number)[]): void => {
    if (typeof value === 'string') found.push({ value, path });
    else if (Array.isArray(value)) value.forEach((item, index) => walk(item, [...path, index]));
    else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) walk(item, [...path, key]);
    }
  };
  walk(source.data, []);
  leaves = found;
  stringLeaves.set(source, leaves);
  return leaves;
}

/** Calls `visit` for every string value in the data of `source`, with its path. */
export function forEachString(source: YamlSource, visit: (value: string, path: DataPath) => void): void {
  for (const { value, path } of collectStrings(source)) visit(value, path);
}

/** Calls `visit` for each org's auth block in the data of `source`. */
export function forEachAuthBlock(
  source: YamlSource,
  visit: (orgName: string, auth: Record<string, unknown>, path: DataPath) => void,
): void {
  const data = source.data as { orgs?: unknown } | null | undefined;
  const orgs = data && typeof data === 'object' ? data.orgs : undefined;
  if (!orgs || typeof orgs !== 'object' || Array.isArray(orgs)) return;
  for (const [name, org] of Object.entries(orgs as Record<string, unknown>)) {
    const auth = org && typeof org === 'object' ? (org as { auth?: unknown }).auth : undefined;
    if (auth && typeof auth === 'object' && !Array.isArray(auth)) {
      visit(name, auth as Record<string, unknown>, ['orgs', name, 'auth']);
    }
  }
}
