/**
 * Names for environment variables in the style the project already uses: `SF_LEGACY_PASSWORD`
 * leads to `SF_LEGACY_CLIENT_ID`, `sfLegacyPassword` to `sfLegacyClientId`. Upgrade names the
 * variables of a migrated auth block this way, and lint uses it for the names in its hints.
 */
import { parseTemplate, referencesIn } from './references.js';

/** The purpose of a variable, as upper-case words joined by `_`, such as `CLIENT_SECRET`. */
export type VariableRole = string;

export interface NamingPattern {
  readonly prefix: string;
  readonly separator: string;
  readonly letterCase: 'upper' | 'lower' | 'title';
}

/**
 * Trailing words that name what a variable contains. Stripping one leaves the org prefix. The
 * prefix match is lazy, so the longest suffix wins and `SF_WH_SECURITY_TOKEN` gives `SF_WH`.
 */
const CREDENTIAL_SUFFIX = new RegExp(
  '^(.*?[A-Za-z0-9])([_-]?)(' +
    [
      'client[_-]?id', 'client[_-]?secret', 'consumer[_-]?key', 'consumer[_-]?secret',
      'security[_-]?token', 'refresh[_-]?token', 'access[_-]?token', 'token',
      'private[_-]?key', 'jwt[_-]?key', 'auth[_-]?url',
      'password', 'passwd', 'pwd', 'pass', 'pw', 'username', 'user',
    ].join('|') +
    ')$',
  'i',
);

/** Returns the variables a string value references, or none when the value is malformed. */
export function variablesIn(value: unknown): string[] {
  if (typeof value !== 'string') return [];
  try {
    return referencesIn(parseTemplate(value)).map((reference) => reference.variable);
  } catch {
    return [];
  }
}

/**
 * Lists the variables that each org's auth block references, keyed by org name in file order.
 * Orgs and auth blocks that are not maps have no variables.
 */
export function authVariablesByOrg(orgs: unknown): Map<string, string[]> {
  const byOrg = new Map<string, string[]>();
  if (!isMap(orgs)) return byOrg;
  for (const [name, org] of Object.entries(orgs)) {
    const auth = isMap(org) ? org.auth : undefined;
    byOrg.set(name, isMap(auth) ? Object.values(auth).flatMap(variablesIn) : []);
  }
  return byOrg;
}

/**
 * Derives the pattern from one of the org's own variables, such as the one its password field
 * references. Returns undefined when the name has no recognizable credential suffix.
 */
export function patternFromVariable(variable: string): NamingPattern | undefined {
  const match = CREDENTIAL_SUFFIX.exec(variable);
  if (!match) return undefined;
  const [, prefix = '', separator = '', suffix = ''] = match;
  const letterCase = suffix === suffix.toUpperCase() ? 'upper' : suffix === suffix.toLowerCase() ? 'lower' : 'title';
  return { prefix, separator, letterCase };
}

/**
 * Derives the pattern from variables of other orgs that contain their org's name, such as
 * `SF_PROD_CLIENT_ID` for org `prod`, so that `legacy` gets `SF_LEGACY_...`.
 */
export function patternFromProject(org: string, variablesByOrg: ReadonlyMap<string, readonly string[]>): NamingPattern | undefined {
  for (const [other, variables] of variablesByOrg) {
    const head = projectHead(other, variables);
    if (head !== undefined) return { prefix: `${head}${orgToken(org)}`, separator: '_', letterCase: 'upper' };
  }
  return undefined;
}

/** Returns what comes before the org's own name in its first variable that contains it. */
function projectHead(org: string, variables: readonly string[]): string | undefined {
  const token = orgToken(org);
  if (token === '') return undefined;
  for (const variable of variables) {
    const index = variable.indexOf(`${token}_`);
    if (index >= 0) return variable.slice(0, index);
  }
  return undefined;
}

/** Returns the fallback pattern: `SF_` and the org name in upper case, with `.` and `-` as `_`. */
export function defaultPattern(org: string): NamingPattern {
  return { prefix: `SF_${orgToken(org)}`, separator: '_', letterCase: 'upper' };
}

/** Builds the variable name for `role` in `pattern`. */
export function variableName(pattern: NamingPattern, role: VariableRole): string {
  const words = role.split('_');
  const cased = words.map((word) => {
    if (pattern.letterCase === 'upper') return word;
    if (pattern.letterCase === 'lower') return word.toLowerCase();
    return word[0] + word.slice(1).toLowerCase();
  });
  return `${pattern.prefix}${pattern.separator}${cased.join(pattern.separator)}`;
}

/** Converts a field name such as `securityToken` to its role, `SECURITY_TOKEN`. */
export function roleOfField(field: string): VariableRole {
  return field.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
}

/**
 * Picks the first pattern whose names are all free: from the org's own variables first, then
 * the project's pattern, then the fallback. The fallback gets a number when even it is taken.
 * `projectPattern` is called only when no own variable gives a free pattern, because scanning
 * a large project for every org would make lint quadratic in the number of orgs.
 */
function choosePattern(
  org: string,
  ownVariables: readonly string[],
  projectPattern: () => NamingPattern | undefined,
  isFree: (pattern: NamingPattern) => boolean,
): NamingPattern {
  for (const variable of ownVariables) {
    const pattern = patternFromVariable(variable);
    if (pattern && isFree(pattern)) return pattern;
  }
  const fromProject = projectPattern();
  if (fromProject && isFree(fromProject)) return fromProject;
  const fallback = defaultPattern(org);
  if (isFree(fallback)) return fallback;
  for (let counter = 2; ; counter += 1) {
    const numbered = { ...fallback, prefix: `${fallback.prefix}_${counter}` };
    if (isFree(numbered)) return numbered;
  }
}

/**
 * Picks names for `roles`. A candidate that is already taken by another use is passed over.
 * `variablesByOrg` may contain the org itself, which is ignored for the project pattern.
 */
export function chooseVariableNames<Role extends VariableRole>(
  org: string,
  ownVariables: readonly string[],
  variablesByOrg: ReadonlyMap<string, readonly string[]>,
  taken: ReadonlySet<string>,
  roles: readonly Role[],
): Record<Role, string> {
  const others = (): NamingPattern | undefined => patternFromProject(org, new Map([...variablesByOrg].filter(([name]) => name !== org)));
  const free = (pattern: NamingPattern): boolean => roles.every((role) => !taken.has(variableName(pattern, role)));
  const chosen = choosePattern(org, ownVariables, others, free);
  const names = {} as Record<Role, string>;
  for (const role of roles) names[role] = variableName(chosen, role);
  return names;
}

/**
 * Suggests variable names for the fields of any org in one project, such as `SF_WH_SECURITY_TOKEN`
 * for org `warehouse` when its password is `${SF_WH_PASSWORD}`. A name that another org already
 * references is passed over, so that following a hint never makes two orgs share a secret.
 */
export class VariableNameSuggester {
  private readonly orgsByVariable = new Map<string, Set<string>>();
  /** The first two orgs whose variables contain their own name, with the text before it. */
  private heads?: { org: string; head: string }[];

  constructor(private readonly variablesByOrg: ReadonlyMap<string, readonly string[]>) {
    for (const [org, variables] of variablesByOrg) {
      for (const variable of variables) {
        const orgs = this.orgsByVariable.get(variable) ?? new Set<string>();
        // Two orgs are enough to tell whether an org other than the requesting one uses it.
        if (orgs.size < 2) orgs.add(org);
        this.orgsByVariable.set(variable, orgs);
      }
    }
  }

  /** Returns the variable name to suggest for `field` of `org`. */
  suggest(org: string, field: string): string {
    const role = roleOfField(field);
    const own = this.variablesByOrg.get(org) ?? [];
    const isFree = (pattern: NamingPattern): boolean => {
      const users = this.orgsByVariable.get(variableName(pattern, role));
      return !users || [...users].every((user) => user === org);
    };
    return variableName(choosePattern(org, own, () => this.projectPattern(org), isFree), role);
  }

  private projectPattern(org: string): NamingPattern | undefined {
    if (!this.heads) {
      this.heads = [];
      for (const [other, variables] of this.variablesByOrg) {
        const head = projectHead(other, variables);
        if (head !== undefined) this.heads.push({ org: other, head });
        if (this.heads.length === 2) break;
      }
    }
    const found = this.heads.find((entry) => entry.org !== org);
    return found ? { prefix: `${found.head}${orgToken(org)}`, separator: '_', letterCase: 'upper' } : undefined;
  }
}

function orgToken(org: string): string {
  return org.toUpperCase().replace(/[^A-Z0-9]+/g, '_');
}

function isMap(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
