import type { DataPath, YamlSource } from '../project/yaml-source.js';

/** Calls `visit` for every string value in the data of `source`, with its path. */
export function forEachString(source: YamlSource, visit: (value: string, path: DataPath) => void): void {
  const walk = (value: unknown, path: (string | number)[]): void => {
    if (typeof value === 'string') visit(value, path);
    else if (Array.isArray(value)) value.forEach((item, index) => walk(item, [...path, index]));
    else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) walk(item, [...path, key]);
    }
  };
  walk(source.data, []);
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
