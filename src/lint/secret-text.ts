/**
 * Finding credentials in text that is not YAML data: comments of a YAML file and the lines of
 * `.env.example`. Every finding carries offsets only, never the value, so no message can echo it.
 */
import { SECRET_FIELDS } from '../project/secret-fields.js';

/** A credential found in text, as offsets into that text. */
export interface SecretFinding {
  readonly start: number;
  readonly end: number;
  /** The key or variable name that says the value is a credential. */
  readonly name: string;
}

/** Keys outside the known secret fields whose names suggest a credential. */
export const CREDENTIAL_KEY = /(?:pass(?:word)?|passwd|pwd|secret|token|credentials?|api[_-]?key)$/i;

/** `.env.example` names that suggest a credential, by their last words. */
const SECRET_VARIABLE = /(?:^|_)(?:PASSWORD|PASSWD|PWD|PASS|SECRET|TOKEN|KEY|AUTH_?URL|CREDENTIALS?)$/i;

/**
 * Values that stand in for a secret rather than being one: empty, a reference, an angle-bracket
 * hint, a run of x, * or dots, or a word such as changeme or your-secret-here.
 */
const PLACEHOLDER =
  /^(?:|\$\{[^}]*\}|\$[A-Za-z_]\w*|<[^>]*>|\[[^\]]*\]|x+|\*+|\.+|-+|change[-_]?me|changeit|todo|tbd|none|null|empty|redacted|secret|password|token|example|placeholder|dummy|your[-_].*|.*[-_]here)$/i;

const ENV_ASSIGNMENT = /^([ \t]*(?:export[ \t]+)?)([A-Za-z_][A-Za-z0-9_]*)[ \t]*=[ \t]*(.*?)[ \t]*$/;

/** Tells whether `value`, with surrounding quotes removed, is a placeholder and no secret. */
export function isPlaceholder(value: string): boolean {
  return PLACEHOLDER.test(unquote(value));
}

/** Lists `.env.example` lines whose variable name suggests a credential and whose value is set. */
export function findEnvExampleSecrets(text: string): SecretFinding[] {
  const findings: SecretFinding[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    const match = ENV_ASSIGNMENT.exec(line.replace(/\r$/, ''));
    if (match && SECRET_VARIABLE.test(match[2]!)) {
      const value = withoutTrailingComment(match[3]!);
      if (!isPlaceholder(value)) {
        const start = offset + line.indexOf(match[3]!, match[1]!.length + match[2]!.length);
        findings.push({ start, end: start + value.length, name: match[2]! });
      }
    }
    offset += line.length + 1;
  }
  return findings;
}

/**
 * Lists `key: value` and `key=value` text in YAML comments whose key is a secret field or is
 * named like a credential. To keep prose such as "# token: see the vault" quiet, the value must
 * be the last word of the comment, at least 6 characters long, mix at least two of lower case,
 * upper case, digits and symbols, and not be a placeholder.
 */
export function findCommentSecrets(text: string): SecretFinding[] {
  const findings: SecretFinding[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    const hash = commentStart(line);
    if (hash !== undefined) {
      const comment = line.slice(hash).replace(/\r$/, '');
      const match = /([A-Za-z_][A-Za-z0-9_-]*)["']?[ \t]*[:=][ \t]*(\S+)[ \t]*$/.exec(comment);
      if (match && isCredentialKey(match[1]!) && looksLikeSecret(match[2]!)) {
        const start = offset + hash + match.index + match[0].lastIndexOf(match[2]!);
        findings.push({ start, end: start + match[2]!.length, name: match[1]! });
      }
    }
    offset += line.length + 1;
  }
  return findings;
}

function isCredentialKey(key: string): boolean {
  return SECRET_FIELDS.has(key) || CREDENTIAL_KEY.test(key);
}

function looksLikeSecret(raw: string): boolean {
  const value = unquote(raw);
  if (value.length < 6 || isPlaceholder(value) || value.includes('${')) return false;
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((pattern) => pattern.test(value)).length;
  return classes >= 2;
}

/** Returns the offset of the `#` that starts a comment on `line`, skipping `#` inside quotes. */
function commentStart(line: string): number | undefined {
  let quote: string | undefined;
  for (let index = 0; index < line.length; index += 1) {
    const char = line[index]!;
    if (quote) {
      if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'") {
      // A quote opens a YAML string only at the start of a scalar: after white space or one of : [ { , -.
      if (index === 0 || /[\s:[{,-]/.test(line[index - 1]!)) quote = char;
    } else if (char === '#' && (index === 0 || /\s/.test(line[index - 1]!))) {
      return index;
    }
  }
  return undefined;
}

function withoutTrailingComment(value: string): string {
  if (value.startsWith('"') || value.startsWith("'")) return value;
  const hash = value.search(/\s#/);
  return hash === -1 ? value : value.slice(0, hash).trimEnd();
}

function unquote(value: string): string {
  const match = /^(["'])(.*)\1$/.exec(value);
  return match ? match[2]! : value;
}
