/**
 * Loading a project: the project file, the org files it includes, schema validation, and the
 * org model with defaults applied.
 */
import path from 'node:path';
import type { Diagnostic } from '../report/diagnostic.js';
import { defaultLoginUrl } from '../salesforce/login-hosts.js';
import { validateSource } from '../schema/validate.js';
import type { AuthSettings, ExpectedIdentity, LimitThresholds, LoginUrlOrigin, OrgDefinition, Project, ProjectHost } from './model.js';
import { parseYamlSource, rangeOf, type DataPath, type YamlSource } from './yaml-source.js';

export const DEFAULT_PROJECT_FILE = 'orgcfg.yaml';

interface Defaults {
  readonly loginUrl?: string;
  readonly sandbox?: boolean;
  readonly apiVersion?: string;
  readonly limits?: LimitThresholds;
}

/** Loads the project at `file` with its includes. Never throws for bad content. */
export function loadProject(file: string, host: ProjectHost): Project {
  const diagnostics: Diagnostic[] = [];
  const readErrors: Diagnostic[] = [];
  const root = readSource(file, host, readErrors);
  if (!root) return { file, sources: [], orgs: [], diagnostics, readErrors };

  const sources: YamlSource[] = [root];
  diagnostics.push(...checkSource(root));
  const rootData = usableData(root);
  const included = rootData ? expandIncludes(root, rootData, host, diagnostics, readErrors) : [];
  for (const source of included) {
    sources.push(source);
    diagnostics.push(...checkSource(source));
    const data = usableData(source);
    for (const key of ['defaults', 'include', 'lint'] as const) {
      if (data && key in data) {
        diagnostics.push(
          at(source, [key], 'key', 'include', `${key} is only allowed in the project file; move it to ${root.file}`),
        );
      }
    }
  }

  const defaults = (rootData?.defaults ?? {}) as Defaults;
  const orgs = buildOrgs(sources, defaults, diagnostics);
  return { file, sources, orgs, diagnostics, readErrors };
}

function readSource(file: string, host: ProjectHost, readErrors: Diagnostic[], from?: { source: YamlSource; path: DataPath }): YamlSource | undefined {
  let text: string;
  try {
    text = host.readFile(file);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    readErrors.push(
      from
        ? at(from.source, from.path, 'value', 'include', `cannot read included file ${file}: ${reason}`)
        : { ruleId: 'io', severity: 'error', message: `cannot read ${file}: ${reason}`, file, path: [] },
    );
    return undefined;
  }
  return parseYamlSource(text, file);
}

/** Returns syntax diagnostics, or schema diagnostics when the syntax is clean. */
function checkSource(source: YamlSource): Diagnostic[] {
  if (source.diagnostics.some((diagnostic) => diagnostic.severity === 'error')) return [...source.diagnostics];
  return [...source.diagnostics, ...validateSource(source)];
}

function usableData(source: YamlSource): Record<string, unknown> | undefined {
  const data = source.data;
  return data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : undefined;
}

function expandIncludes(
  root: YamlSource,
  data: Record<string, unknown>,
  host: ProjectHost,
  diagnostics: Diagnostic[],
  readErrors: Diagnostic[],
): YamlSource[] {
  const raw = data.include;
  if (raw === undefined) return [];
  const patterns = Array.isArray(raw) ? raw : [raw];
  const directory = path.dirname(root.file);
  const seen = new Set([path.resolve(root.file)]);
  const sources: YamlSource[] = [];

  patterns.forEach((pattern, index) => {
    if (typeof pattern !== 'string' || pattern === '') return; // the schema reports it
    const where: DataPath = Array.isArray(raw) ? ['include', index] : ['include'];
    const escape = escapesDirectory(pattern);
    if (escape) {
      diagnostics.push(at(root, where, 'value', 'include', `include "${pattern}" ${escape}; include only files in ${directory === '.' ? 'this directory' : directory} or below it`));
      return;
    }
    let matches: string[];
    try {
      matches = host.glob(pattern, directory);
    } catch (error) {
      diagnostics.push(at(root, where, 'value', 'include', `include "${pattern}" is not a usable glob pattern (${error instanceof Error ? error.message : String(error)}); write a path or a pattern such as orgs/*.yaml`));
      return;
    }
    if (matches.length === 0) {
      const isGlob = /[*?[{]/.test(pattern);
      diagnostics.push({
        ...at(root, where, 'value', 'include', `include "${pattern}" matches no file${isGlob ? '' : '; check the path'}`),
        severity: isGlob ? 'warning' : 'error',
      });
      return;
    }
    for (const match of matches) {
      const absolute = path.resolve(match);
      if (seen.has(absolute)) continue;
      seen.add(absolute);
      if (host.isInside && !host.isInside(match, directory)) {
        diagnostics.push(
          at(root, where, 'value', 'include', `include "${pattern}" reaches ${match}, a symbolic link to a file outside the project directory; include only files that live in the project`),
        );
        continue;
      }
      const source = readSource(match, host, readErrors, { source: root, path: where });
      if (source) sources.push(source);
    }
  });
  return sources;
}

/**
 * Explains why a pattern leaves the project directory, or returns undefined. Includes stay
 * inside it so a reviewed project file cannot pull arbitrary files from the machine into a run.
 */
function escapesDirectory(pattern: string): string | undefined {
  if (path.isAbsolute(pattern) || /^[A-Za-z]:/.test(pattern)) return 'is an absolute path';
  const normalized = path.posix.normalize(pattern.replace(/\\/g, '/'));
  if (normalized === '..' || normalized.startsWith('../')) return 'leaves the project directory';
  return undefined;
}

function buildOrgs(sources: readonly YamlSource[], defaults: Defaults, diagnostics: Diagnostic[]): OrgDefinition[] {
  // Files with errors before this step; their values may have the wrong types.
  const invalid = new Set(diagnostics.filter((diagnostic) => diagnostic.severity === 'error').map((diagnostic) => diagnostic.file));
  const orgs: OrgDefinition[] = [];
  const firstDefinition = new Map<string, YamlSource>();
  for (const source of sources) {
    const entries = usableData(source)?.orgs;
    if (entries === null || typeof entries !== 'object' || Array.isArray(entries)) continue;

    for (const [name, org] of Object.entries(entries as Record<string, unknown>)) {
      // Names are map keys, valid whatever the values hold, so duplicates are reported even
      // in files with other errors: users fix errors in rounds and must see this one early.
      const earlier = firstDefinition.get(name);
      if (earlier) {
        const first = rangeOf(earlier, ['orgs', name], 'key').start;
        diagnostics.push(
          at(source, ['orgs', name], 'key', 'unique-org-name', `org "${name}" is already defined in ${earlier.file}:${first.line}:${first.column}; org names must be unique across included files`),
        );
        continue;
      }
      firstDefinition.set(name, source);
      if (invalid.has(source.file)) continue;
      orgs.push(buildOrg(name, org as Record<string, unknown>, source, defaults, diagnostics));
    }
  }
  return orgs;
}

function buildOrg(
  name: string,
  org: Record<string, unknown>,
  source: YamlSource,
  defaults: Defaults,
  diagnostics: Diagnostic[],
): OrgDefinition {
  const sandbox = (org.sandbox as boolean | undefined) ?? defaults.sandbox ?? false;
  let loginUrl: string;
  let loginUrlOrigin: LoginUrlOrigin;
  if (typeof org.loginUrl === 'string') {
    loginUrl = org.loginUrl;
    loginUrlOrigin = 'org';
  } else if (defaults.loginUrl !== undefined) {
    loginUrl = defaults.loginUrl;
    loginUrlOrigin = 'defaults';
  } else {
    loginUrl = defaultLoginUrl(sandbox);
    loginUrlOrigin = 'sandbox-flag';
  }

  const apiVersion = (org.apiVersion as string | undefined) ?? defaults.apiVersion;
  if (apiVersion === undefined) {
    diagnostics.push(
      at(source, ['orgs', name], 'key', 'schema', `org "${name}" has no apiVersion; set apiVersion: "66.0" (or the version you use) on the org or under defaults`),
    );
  }

  const rawAuth = org.auth as Record<string, unknown>;
  const fields: Record<string, string> = {};
  for (const [key, value] of Object.entries(rawAuth)) {
    if (key !== 'method' && typeof value === 'string') fields[key] = value;
  }
  const auth: AuthSettings = { method: String(rawAuth.method), fields };
  const expect = org.expect as ExpectedIdentity | undefined;
  const limits = (org.limits as LimitThresholds | undefined) ?? defaults.limits;
  return {
    name,
    source,
    ...(typeof org.description === 'string' ? { description: org.description } : {}),
    loginUrl,
    loginUrlOrigin,
    sandbox,
    ...(apiVersion !== undefined ? { apiVersion } : {}),
    auth,
    ...(expect ? { expect } : {}),
    ...(limits ? { limits } : {}),
  };
}

/** Builds an error diagnostic located at `dataPath` in `source`. */
export function at(
  source: YamlSource,
  dataPath: DataPath,
  target: 'key' | 'value',
  ruleId: string,
  message: string,
): Diagnostic {
  const { start, end } = rangeOf(source, dataPath, target);
  return { ruleId, severity: 'error', message, file: source.file, start, end, path: dataPath };
}
