/**
 * Salesforce record ids and session ids, as the emulator makes and checks them.
 *
 * A record id is 15 case-sensitive alphanumeric characters whose first three name the object
 * (`00D` organization, `005` user, `00e` profile). The 18-character form appends a 3-character
 * suffix that encodes, for each 5-character chunk, which characters are upper-case letters, so
 * that the id survives case-insensitive systems.
 */

import { createHash, randomBytes } from 'node:crypto';

const SUFFIX_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Characters of the opaque part of a session id: 64 of them, so one random byte maps to one character. */
const SESSION_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._';

/** Length of the part after `!` in every recorded session id and access token. */
const SESSION_OPAQUE_LENGTH = 96;

const ID15_PATTERN = /^[0-9A-Za-z]{15}$/;
const ID18_PATTERN = /^[0-9A-Za-z]{18}$/;

/** Computes the 3-character case-safe suffix of a 15-character id. */
export function idChecksum(id15: string): string {
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk += 1) {
    let bits = 0;
    for (let position = 0; position < 5; position += 1) {
      const char = id15.charAt(chunk * 5 + position);
      if (char >= 'A' && char <= 'Z') bits |= 1 << position;
    }
    suffix += SUFFIX_ALPHABET.charAt(bits);
  }
  return suffix;
}

/** Extends a 15-character id to its 18-character form. */
export function toId18(id15: string): string {
  return id15 + idChecksum(id15);
}

/**
 * Checks `id` against the id format and an expected key prefix. Returns its 18-character
 * form, or a sentence that describes the problem.
 */
export function normalizeId(id: string, prefix: string): { id18: string } | { problem: string } {
  if (!ID15_PATTERN.test(id) && !ID18_PATTERN.test(id)) {
    return { problem: `must be 15 or 18 letters and digits, but has ${id.length} characters or other symbols` };
  }
  if (!id.startsWith(prefix)) {
    return { problem: `must start with "${prefix}"` };
  }
  const id15 = id.slice(0, 15);
  if (id.length === 18 && id.slice(15) !== idChecksum(id15)) {
    return { problem: `has the suffix "${id.slice(15)}", but the first 15 characters need "${idChecksum(id15)}"` };
  }
  return { id18: toId18(id15) };
}

/**
 * Derives a stable 18-character id from `seed`, so an emulator file without explicit ids gives
 * the same ids on every run. The shape follows real ids: prefix, two instance characters, a
 * run of zeros, then six characters that tell records apart.
 */
export function deriveId(prefix: string, seed: string): string {
  const digest = createHash('sha256').update(seed).digest();
  const pick = (index: number): string => BASE62.charAt(digest[index]! % BASE62.length);
  const id15 = prefix + pick(0) + pick(1) + '0000' + [2, 3, 4, 5, 6, 7].map(pick).join('');
  return toId18(id15);
}

/** Creates a new session id in Salesforce's shape: the 15-character org id, `!`, 96 opaque characters. */
export function newSessionId(organizationId: string): string {
  const bytes = randomBytes(SESSION_OPAQUE_LENGTH);
  let opaque = '';
  for (const byte of bytes) opaque += SESSION_ALPHABET.charAt(byte & 63);
  return `${organizationId.slice(0, 15)}!${opaque}`;
}
