/**
 * A lenient view of every org in a project, read from the raw YAML data. Unlike the loader's
 * org model, it keeps orgs from files with schema errors and remembers where each effective
 * setting is written, so rules can point at the line to change.
 */
import type { Project } from '../project/model.js';
import type { DataPath, YamlSource } from '../project/yaml-source.js';

/** A setting's value and the place that sets it: the org itself or the project defaults. */
export interface Located<T> {
  readonly value: T;
  readonly source: YamlSource;
  readonly path: DataPath;
  readonly fromDefaults: boolean;
}

/** One org as written, with defaults applied where the types allow it. */
export interface OrgView {
  readonly name: string;
  readonly source: YamlSource;
  readonly path: DataPath;
  /** Undefined when neither the org nor defaults set a string login URL. */
  readonly loginUrl?: Located<string>;
  /** Undefined when neither the org nor defaults set a boolean. */
  readonly sandbox?: Located<boolean>;
  /** The raw value, which may be a number when written unquoted. */
  readonly apiVersion?: Located<unknown>;
  readonly method?: string;
  readonly auth: Readonly<Record<string, unknown>>;
  /**
   * Settings written with a value of the wrong type, on the org or in the defaults it inherits.
   * The schema rule reports them; other rules must treat the setting as unknown, not as absent.
   */
  readonly invalid: ReadonlySet<'loginUrl' | 'sandbox'>;
}

const cache = new WeakMap<Project, OrgView[]>();

/** Lists the orgs of every readable source in the project, in file order. */
export function orgViews(project: Project): readonly OrgView[] {
  let views = cache.get(project);
  if (!views) {
    views = buildViews(project);
    cache.set(project, views);
  }
  return views;
}

function buildViews(project: Project): OrgView[] {
  const root = project.sources[0];
  const defaults = root ? asMap(asMap(root.data)?.defaults) : undefined;
  const views: OrgView[] = [];
  for (const source of project.sources) {
    const orgs = asMap(asMap(source.data)?.orgs);
    if (!orgs) continue;
    for (const [name, raw] of Object.entries(orgs)) {
      const org = asMap(raw);
      if (!org) continue;
      const path: DataPath = ['orgs', name];
      const invalid = new Set<'loginUrl' | 'sandbox'>();
      const pick = <T>(key: string, accept: (value: unknown) => value is T): Located<T> | undefined => {
        if (key in org) {
          if (accept(org[key])) return { value: org[key], source, path: [...path, key], fromDefaults: false };
        } else if (root && defaults && key in defaults) {
          if (accept(defaults[key])) return { value: defaults[key], source: root, path: ['defaults', key], fromDefaults: true };
        } else {
          return undefined;
        }
        if (key === 'loginUrl' || key === 'sandbox') invalid.add(key);
        return undefined;
      };
      const auth = asMap(org.auth) ?? {};
      const loginUrl = pick('loginUrl', isString);
      const sandbox = pick('sandbox', isBoolean);
      const apiVersion = pick('apiVersion', isPresent);
      views.push({
        name,
        source,
        path,
        ...(loginUrl ? { loginUrl } : {}),
        ...(sandbox ? { sandbox } : {}),
        ...(apiVersion ? { apiVersion } : {}),
        ...(typeof auth.method === 'string' ? { method: auth.method } : {}),
        auth,
        invalid,
      });
    }
  }
  return views;
}

/** Returns `value` as a plain map, or undefined for anything else. */
export function asMap(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function isString(value: unknown): value is string {
  return typeof value === 'string';
}

function isBoolean(value: unknown): value is boolean {
  return typeof value === 'boolean';
}

function isPresent(value: unknown): value is unknown {
  return value !== undefined && value !== null;
}

/** Tells whether a string holds an environment reference, which lint cannot check statically. */
export function hasReference(value: string): boolean {
  return value.includes('${');
}
