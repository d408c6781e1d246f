/**
 * Turns ajv's errors into one message per problem. ajv messages are predicates without a
 * subject ("must be string"); each message here names the subject, says what is wrong and
 * what to write instead. Values of secret fields are never quoted.
 */
import type { ErrorObject } from 'ajv';
import { isSecretPath } from '../project/secret-fields.js';
import { authVariablesByOrg, VariableNameSuggester } from '../project/variable-names.js';
import type { DataPath, RangeTarget } from '../project/yaml-source.js';
import { suggestClosest } from './suggest.js';

export interface SchemaProblem {
  readonly path: DataPath;
  readonly target: RangeTarget;
  readonly message: string;
  /** The value that fixes the problem without a person's judgement, with its quoting. */
  readonly replacement?: { readonly value: string | boolean; readonly quote?: 'double' };
}

/** Converts ajv errors in named steps: parse paths, drop redundant errors, phrase each one. */
export function convertSchemaErrors(errors: readonly ErrorObject[], data: unknown): SchemaProblem[] {
  const parsed = errors.map((error) => ({ error, path: parsePointer(error.instancePath) }));
  const kept = parsed.filter((entry) => !isRedundant(entry, parsed));

  // Built on first use, because most files have no missing secret to name a variable for.
  let suggester: VariableNameSuggester | undefined;
  const suggestVariable = (org: string, field: string): string => {
    suggester ??= new VariableNameSuggester(authVariablesByOrg(valueAt(data, ['orgs'])));
    return suggester.suggest(org, field);
  };

  const seen = new Set<string>();
  const problems: SchemaProblem[] = [];
  for (const { error, path } of kept) {
    const problem = describe(error, path, data, suggestVariable);
    const key = `${problem.path.join('\u0000')}|${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem);
  }
  return problems;
}

/** Splits a JSON Pointer into segments, decoding `~1` and `~0`. */
export function parsePointer(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((segment) => (/^(0|[1-9][0-9]*)$/.test(segment) ? Number(segment) : segment));
}

interface ParsedError {
  readonly error: ErrorObject;
  readonly path: (string | number)[];
}

/**
 * An error is redundant when another error explains the same value better: the discriminator
 * repeats the enum or required error on `method`, and a failed `oneOf` repeats its branches.
 */
function isRedundant(entry: ParsedError, all: readonly ParsedError[]): boolean {
  const { error } = entry;
  const samePath = (other: ParsedError): boolean => other.error.instancePath === error.instancePath;
  if (error.keyword === 'discriminator') {
    return all.some(
      (other) =>
        (samePath(other) && other.error.keyword === 'required') ||
        other.error.instancePath === `${error.instancePath}/method`,
    );
  }
  if (error.keyword === 'type' || error.keyword === 'minItems') {
    // Branch failures of a oneOf at the same path are summarised by the oneOf error.
    return all.some((other) => samePath(other) && other.error.keyword === 'oneOf');
  }
  return false;
}

/** Names the environment variable to suggest for a field of an org. */
type SuggestVariable = (org: string, field: string) => string;

function describe(error: ErrorObject, path: (string | number)[], data: unknown, suggestVariable: SuggestVariable): SchemaProblem {
  const subject = describeSubject(path);
  const params = error.params as Record<string, unknown>;
  const value = valueAt(data, path);

  // Errors inside propertyNames are about a key of the map at `path`, not its value.
  const propertyName = (error as ErrorObject & { propertyName?: string }).propertyName;
  if (propertyName !== undefined && error.keyword !== 'propertyNames') {
    const keyPath = [...path, propertyName];
    const isOrg = path.length === 1 && path[0] === 'orgs';
    return {
      path: keyPath,
      target: 'key',
      message: isOrg
        ? `org name "${propertyName}" is invalid; use letters, digits, ".", "_" and "-", starting with a letter or digit (at most 80 characters)`
        : `key "${propertyName}" in ${subject} is invalid`,
    };
  }

  switch (error.keyword) {
    case 'required': {
      const missing = String(params.missingProperty);
      return { path, target: 'key', message: `${subject} is missing the required key "${missing}"; ${requiredHint(path, missing, suggestVariable)}` };
    }
    case 'additionalProperties': {
      const extra = String(params.additionalProperty);
      const allowed = Object.keys((error.parentSchema?.properties as object | undefined) ?? {}).sort();
      return { path: [...path, extra], target: 'key', message: unknownKeyMessage(subject, extra, allowed) };
    }
    case 'type': {
      const replacement = typeReplacement(path, String(params.type), value);
      return { path, target: 'value', message: typeMessage(subject, path, String(params.type), value), ...(replacement ? { replacement } : {}) };
    }
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map((item) => JSON.stringify(item));
      const suggestion = typeof value === 'string' ? suggestClosest(value, (params.allowedValues as unknown[]).map(String)) : undefined;
      return {
        path,
        target: 'value',
        message: `${subject} ${quoteValue(path, value)} is not supported; use one of ${allowed.join(', ')}${suggestion ? ` (did you mean "${suggestion}"?)` : ''}`,
      };
    }
    case 'const':
      return { path, target: 'value', message: constMessage(subject, path, params.allowedValue, value) };
    case 'pattern':
      return { path, target: 'value', message: patternMessage(subject, path, value) };
    case 'propertyNames':
      return {
        path: [...path, String(params.propertyName)],
        target: 'key',
        message: path.length === 1 && path[0] === 'orgs'
          ? `org name "${String(params.propertyName)}" is invalid; use letters, digits, ".", "_" and "-", starting with a letter or digit (at most 80 characters)`
          : `key "${String(params.propertyName)}" in ${subject} is invalid`,
      };
    case 'minLength':
      return { path, target: 'value', message: `${subject} must not be empty` };
    case 'oneOf':
      return { path, target: 'value', message: oneOfMessage(subject, path) };
    default:
      return { path, target: 'value', message: `${subject} ${error.message ?? 'is invalid'}` };
  }
}

/** Names the value at a path in the user's terms: `org "prod": auth.password`, `defaults.sandbox`. */
export function describeSubject(path: readonly (string | number)[]): string {
  if (path.length === 0) return 'the file';
  if (path[0] === 'orgs' && path.length >= 2) {
    const rest = path.slice(2).map(String).join('.');
    return rest === '' ? `org "${String(path[1])}"` : `org "${String(path[1])}": ${rest}`;
  }
  return path.map(String).join('.');
}

function requiredHint(path: readonly (string | number)[], missing: string, suggestVariable: SuggestVariable): string {
  if (missing === 'auth') return 'add an auth block with a method, such as method: client-credentials';
  if (missing === 'method') return 'add method: client-credentials (or soap-password for legacy SOAP login)';
  const orgName = path[0] === 'orgs' ? String(path[1]) : 'org';
  if (missing === 'password' || missing === 'clientSecret' || missing === 'securityToken') {
    return `add ${missing}: \${${suggestVariable(orgName, missing)}} and set that variable in the environment or a .env file`;
  }
  return `add ${missing}`;
}

function unknownKeyMessage(subject: string, extra: string, allowed: readonly string[]): string {
  const where = subject === 'the file' ? 'at the top of the file' : `in ${subject}`;
  if (extra === '<<') {
    return `merge keys ("<<") are not part of YAML 1.2 and are not supported ${where}; put shared settings under defaults`;
  }
  const suggestion = suggestClosest(extra, allowed);
  if (suggestion) return `unknown key "${extra}" ${where}; did you mean "${suggestion}"?`;
  if (allowed.length === 0) return `unknown key "${extra}" ${where}; remove it`;
  return `unknown key "${extra}" ${where}; expected one of ${allowed.map((key) => `"${key}"`).join(', ')}`;
}

/** Derives the fix for an unquoted API version or a YAML 1.1 boolean word. */
function typeReplacement(path: readonly (string | number)[], expected: string, value: unknown): SchemaProblem['replacement'] {
  const last = path[path.length - 1];
  // Only whole numbers map to one version: 60 and 60.0 both mean "60.0", but 60.5 is no version.
  if (last === 'apiVersion' && typeof value === 'number' && Number.isInteger(value)) return { value: `${value}.0`, quote: 'double' };
  if (expected === 'boolean' && typeof value === 'string') {
    const meant = booleanMeaning(value);
    if (meant !== undefined) return { value: meant };
  }
  return undefined;
}

function booleanMeaning(value: string): boolean | undefined {
  const lower = value.toLowerCase();
  if (['yes', 'on', 'y', 'true'].includes(lower)) return true;
  if (['no', 'off', 'n', 'false'].includes(lower)) return false;
  return undefined;
}

function typeMessage(subject: string, path: readonly (string | number)[], expected: string, value: unknown): string {
  const last = path[path.length - 1];
  if (last === 'apiVersion' && typeof value === 'number') {
    const written = Number.isInteger(value) ? `${value}.0` : String(value);
    return `${subject} must be a quoted string such as "${written}"; YAML reads an unquoted ${written} as the number ${value}. Write apiVersion: "${written}"`;
  }
  if (expected === 'boolean' && typeof value === 'string') {
    const lower = value.toLowerCase();
    const meant = ['yes', 'on', 'y', 'true'].includes(lower) ? 'true' : ['no', 'off', 'n', 'false'].includes(lower) ? 'false' : undefined;
    if (meant) return `${subject} must be true or false; "${value}" is a string in YAML 1.2. Write ${String(last)}: ${meant}`;
    return `${subject} must be true or false`;
  }
  const article = expected === 'object' ? 'a map' : expected === 'array' ? 'a list' : `a ${expected}`;
  return `${subject} must be ${article}, not ${describeType(value)}`;
}

function constMessage(subject: string, path: readonly (string | number)[], allowed: unknown, value: unknown): string {
  if (path.length === 1 && path[0] === 'version') {
    if (typeof value === 'number' && typeof allowed === 'number' && value > allowed) {
      return `format version ${value} is newer than this orgcfg understands (version ${allowed}); update orgcfg`;
    }
    return `format version ${quoteValue(path, value)} is not supported; write version: ${String(allowed)}`;
  }
  return `${subject} must be ${JSON.stringify(allowed)}`;
}

function patternMessage(subject: string, path: readonly (string | number)[], value: unknown): string {
  const last = path[path.length - 1];
  if (last === 'apiVersion') {
    return `${subject} ${quoteValue(path, value)} is not an API version; write it with one decimal, such as "66.0"`;
  }
  if (path.length === 2 && path[0] === 'orgs') {
    return `org name ${quoteValue(path, value)} is invalid; use letters, digits, ".", "_" and "-", starting with a letter or digit (at most 80 characters)`;
  }
  return `${subject} ${quoteValue(path, value)} has an invalid format`;
}

function oneOfMessage(subject: string, path: readonly (string | number)[]): string {
  if (path.length === 1 && path[0] === 'include') {
    return 'include must be a path or glob, or a list of them, such as include: ["orgs/*.yaml"]';
  }
  return `${subject} does not match any allowed form`;
}

function quoteValue(path: readonly (string | number)[], value: unknown): string {
  if (isSecretPath(path)) return '(value hidden)';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  // Never print a map or list: it could hold a literal secret further down.
  if (value !== null && typeof value === 'object') return `(${describeType(value)})`;
  return JSON.stringify(value) ?? String(value);
}

function describeType(value: unknown): string {
  if (value === null) return 'an empty value (null)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  if (typeof value === 'string') return 'a string';
  return `a ${typeof value}`;
}

function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  let current = data;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}
