/**
 * Names for the environment variables that a migrated auth block references, in the style the
 * project already uses: `SF_LEGACY_PASSWORD` leads to `SF_LEGACY_CLIENT_ID`, `sfLegacyPassword`
 * to `sfLegacyClientId`.
 */

/** The purpose of a new variable, as words in upper case. */
export type VariableRole = 'CLIENT_ID' | 'CLIENT_SECRET' | 'JWT_KEY';

interface NamingPattern {
  readonly prefix: string;
  readonly separator: string;
  readonly letterCase: 'upper' | 'lower' | 'title';
}

/** Trailing words that name what an old variable held; stripping one leaves the org prefix. */
const CREDENTIAL_SUFFIX = /^(.*?[A-Za-z0-9])([_-]?)(security[_-]?token|password|passwd|pwd|pass|pw|token|username|user)$/i;

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
    const token = orgToken(other);
    for (const variable of variables) {
      const index = variable.indexOf(`${token}_`);
      if (token === '' || index < 0) continue;
      const head = variable.slice(0, index);
      return { prefix: `${head}${orgToken(org)}`, separator: '_', letterCase: 'upper' };
    }
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

/**
 * Picks names for `roles`: from the org's own variables first, then the project's pattern,
 * then the fallback. A candidate that is already taken by another use is passed over, and
 * the fallback gets a number when even it is taken.
 */
export function chooseVariableNames(
  org: string,
  ownVariables: readonly string[],
  variablesByOrg: ReadonlyMap<string, readonly string[]>,
  taken: ReadonlySet<string>,
  roles: readonly VariableRole[],
): Record<VariableRole, string> {
  const candidates: NamingPattern[] = [];
  for (const variable of ownVariables) {
    const pattern = patternFromVariable(variable);
    if (pattern) candidates.push(pattern);
  }
  const others = new Map([...variablesByOrg].filter(([name]) => name !== org));
  const fromProject = patternFromProject(org, others);
  if (fromProject) candidates.push(fromProject);
  candidates.push(defaultPattern(org));

  const free = (pattern: NamingPattern): boolean => roles.every((role) => !taken.has(variableName(pattern, role)));
  let chosen = candidates.find(free);
  for (let counter = 2; !chosen; counter += 1) {
    const numbered = { ...defaultPattern(org), prefix: `${defaultPattern(org).prefix}_${counter}` };
    if (free(numbered)) chosen = numbered;
  }
  const names = {} as Record<VariableRole, string>;
  for (const role of roles) names[role] = variableName(chosen, role);
  return names;
}

function orgToken(org: string): string {
  return org.toUpperCase().replace(/[^A-Z0-9]+/g, '_');
}
