import { inspect } from 'node:util';

const REDACTED = '[redacted]';

/**
 * A resolved credential. Its string, JSON and inspect forms are a redaction, so a secret that
 * reaches a log line, an error message or a report by mistake prints as "[redacted]".
 * Only login code calls `reveal()`.
 */
export class Secret {
  readonly #value: string;

  constructor(value: string) {
    this.#value = value;
  }

  /** Returns the plain value; call it only where the value goes to the login request. */
  reveal(): string {
    return this.#value;
  }

  get length(): number {
    return this.#value.length;
  }

  toString(): string {
    return REDACTED;
  }

  toJSON(): string {
    return REDACTED;
  }

  [inspect.custom](): string {
    return `Secret(${REDACTED})`;
  }
}

/**
 * Replaces every occurrence of each secret's value in `text` with "[redacted]". A last line
 * of defence for text that came from outside orgcfg, such as a server's error body.
 */
export function redactSecrets(text: string, secrets: readonly Secret[]): string {
  let out = text;
  for (const secret of secrets) {
    const value = secret.reveal();
    // Very short values would redact ordinary words; login secrets are never this short.
    if (value.length < 4) continue;
    out = out.split(value).join(REDACTED);
    const encoded = encodeURIComponent(value);
    if (encoded !== value) out = out.split(encoded).join(REDACTED);
  }
  return out;
}
