/**
 * Environment-variable references inside string values, in the grammar of Docker Compose:
 *
 *   ${VAR}            the value of VAR; orgcfg reports an unset VAR as an error
 *   ${VAR:-default}   default when VAR is unset or empty
 *   ${VAR-default}    default when VAR is unset
 *   ${VAR:?message}   error with message when VAR is unset or empty
 *   ${VAR?message}    error with message when VAR is unset
 *   $$                a literal dollar sign
 *
 * Defaults and messages may contain references themselves. Unlike Compose, orgcfg rejects the
 * unbraced `$VAR` form: in a file of credentials, a `$` that silently swallows the following
 * word is a worse failure than a clear error.
 */

export type ReferenceOperator = '' | ':-' | '-' | ':?' | '?';

export interface Reference {
  readonly variable: string;
  readonly operator: ReferenceOperator;
  /** The default value (for `-` forms) or the error message (for `?` forms). */
  readonly argument?: Template;
  /** Offsets of `${` and one past `}` in the string value. */
  readonly start: number;
  readonly end: number;
}

export type TemplatePart =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'reference'; readonly reference: Reference };

/** A string value split into literal text and references. */
export interface Template {
  readonly parts: readonly TemplatePart[];
}

export class ReferenceSyntaxError extends Error {
  constructor(
    message: string,
    /** Offset in the string value where the problem starts. */
    readonly offset: number,
  ) {
    super(message);
    this.name = 'ReferenceSyntaxError';
  }
}

const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;

/** Parses a string value into text and references; throws ReferenceSyntaxError when malformed. */
export function parseTemplate(value: string): Template {
  // Most values hold no "$"; the parser would return them as one text part, character by character.
  if (!value.includes('$')) return { parts: value === '' ? [] : [{ kind: 'text', text: value }] };
  const parser = new TemplateParser(value);
  const template = parser.parseUntil(undefined);
  return template;
}

class TemplateParser {
  private index = 0;

  constructor(private readonly text: string) {}

  /** Parses until `stop` (a closing brace of an enclosing reference) or the end of the text. */
  parseUntil(stop: '}' | undefined): Template {
    const parts: TemplatePart[] = [];
    let literal = '';
    const flush = (): void => {
      if (literal !== '') parts.push({ kind: 'text', text: literal });
      literal = '';
    };

    while (this.index < this.text.length) {
      const char = this.text[this.index]!;
      if (stop !== undefined && char === stop) break;
      if (char !== '$') {
        literal += char;
        this.index += 1;
        continue;
      }
      const next = this.text[this.index + 1];
      if (next === '$') {
        literal += '$';
        this.index += 2;
      } else if (next === '{') {
        flush();
        parts.push({ kind: 'reference', reference: this.parseReference() });
      } else if (next !== undefined && NAME_START.test(next)) {
        const name = this.readName(this.index + 1);
        throw new ReferenceSyntaxError(
          `unbraced reference "$${name}": write \${${name}} to use the variable, or $$${name} for the literal text`,
          this.index,
        );
      } else {
        literal += '$';
        this.index += 1;
      }
    }
    flush();
    return { parts };
  }

  private parseReference(): Reference {
    const start = this.index;
    this.index += 2; // past "${"
    const name = this.readName(this.index);
    if (name === '') {
      throw new ReferenceSyntaxError(
        'a reference must start with a variable name such as ${SF_PASSWORD} (letters, digits and _, not starting with a digit)',
        start,
      );
    }
    this.index += name.length;

    const operator = this.readOperator();
    let argument: Template | undefined;
    if (operator !== '') argument = this.parseUntil('}');

    if (this.text[this.index] !== '}') {
      const found = this.text[this.index];
      throw new ReferenceSyntaxError(
        found === undefined
          ? `reference \${${name} is not closed: add "}"`
          : `unexpected "${found}" in reference \${${name}...}: use one of :- - :? ? after the name, or close it with "}"`,
        start,
      );
    }
    this.index += 1;
    return { variable: name, operator, ...(argument ? { argument } : {}), start, end: this.index };
  }

  private readOperator(): ReferenceOperator {
    const rest = this.text.slice(this.index, this.index + 2);
    for (const operator of [':-', ':?', '-', '?'] as const) {
      if (rest.startsWith(operator)) {
        this.index += operator.length;
        return operator;
      }
    }
    return '';
  }

  private readName(from: number): string {
    if (!NAME_START.test(this.text[from] ?? '')) return '';
    let end = from + 1;
    while (end < this.text.length && NAME_CHAR.test(this.text[end]!)) end += 1;
    return this.text.slice(from, end);
  }
}

/** Lists every reference in a template, including those nested in defaults and messages. */
export function referencesIn(template: Template): Reference[] {
  const found: Reference[] = [];
  for (const part of template.parts) {
    if (part.kind !== 'reference') continue;
    found.push(part.reference);
    if (part.reference.argument) found.push(...referencesIn(part.reference.argument));
  }
  return found;
}

/** Tells whether the template is exactly one reference with no default, as secret fields need. */
export function isSingleReferenceWithoutDefault(template: Template): boolean {
  if (template.parts.length !== 1) return false;
  const part = template.parts[0]!;
  if (part.kind !== 'reference') return false;
  const { operator } = part.reference;
  return operator === '' || operator === ':?' || operator === '?';
}

/** Why a template could not be resolved. */
export interface UnresolvedReference {
  readonly variable: string;
  /** `missing`: a plain reference to an unset variable. `required`: a `?` form failed. */
  readonly reason: 'missing' | 'required';
  /** The author's text from a `?` form, without its references resolved. */
  readonly message?: string;
}

export type ResolveResult =
  | { readonly ok: true; readonly value: string }
  | { readonly ok: false; readonly unresolved: UnresolvedReference };

/** Substitutes references with values from `lookup`, which returns undefined for unset names. */
export function resolveTemplate(
  template: Template,
  lookup: (name: string) => string | undefined,
): ResolveResult {
  let value = '';
  for (const part of template.parts) {
    if (part.kind === 'text') {
      value += part.text;
      continue;
    }
    const result = resolveReference(part.reference, lookup);
    if (!result.ok) return result;
    value += result.value;
  }
  return { ok: true, value };
}

function resolveReference(
  reference: Reference,
  lookup: (name: string) => string | undefined,
): ResolveResult {
  const raw = lookup(reference.variable);
  const unset = raw === undefined;
  const empty = raw === '';
  const { operator, variable } = reference;

  switch (operator) {
    case '':
      return unset ? { ok: false, unresolved: { variable, reason: 'missing' } } : { ok: true, value: raw };
    case ':-':
    case '-': {
      const useDefault = unset || (operator === ':-' && empty);
      if (!useDefault) return { ok: true, value: raw! };
      return reference.argument ? resolveTemplate(reference.argument, lookup) : { ok: true, value: '' };
    }
    case ':?':
    case '?': {
      const fails = unset || (operator === ':?' && empty);
      if (!fails) return { ok: true, value: raw! };
      // The message is shown as written: resolving references inside it could print a secret.
      const message = reference.argument ? literalText(reference.argument) : '';
      return {
        ok: false,
        unresolved: { variable, reason: 'required', ...(message !== '' ? { message } : {}) },
      };
    }
  }
}

function literalText(template: Template): string {
  return template.parts
    .map((part) => (part.kind === 'text' ? part.text : `\${${part.reference.variable}}`))
    .join('');
}
