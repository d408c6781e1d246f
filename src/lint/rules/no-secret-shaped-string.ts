import { hasReference } from '../org-view.js';
import { SECRET_FIELDS } from '../../project/secret-fields.js';
import { findNode, positionAt, type YamlSource } from '../../project/yaml-source.js';
import type { Rule } from '../rule.js';
import { forEachAuthBlock, forEachString } from '../walk.js';

/** Text shapes that are credentials wherever they appear, with what to call them in a message. */
const SHAPES: readonly { readonly name: string; readonly pattern: RegExp }[] = [
  // force://CLIENT_ID:CLIENT_SECRET:REFRESH_TOKEN@HOST, as `sf org display --verbose` prints it.
  { name: 'a Salesforce CLI auth URL (force://...), which holds a refresh token', pattern: /force:\/\/[^\s'"@]+@[A-Za-z0-9.-]+/g },
  // A session id or access token: the 15- or 18-character org id, "!", then the opaque part.
  { name: 'a Salesforce session id or access token (00D...!...)', pattern: /\b00D[A-Za-z0-9]{12}(?:[A-Za-z0-9]{3})?![A-Za-z0-9._]{20,}/g },
  { name: 'a PEM private key', pattern: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----/g },
];

/** Keys outside the known secret fields whose names suggest a credential. */
const CREDENTIAL_KEY = /(?:pass(?:word)?|passwd|pwd|secret|token|credentials?|api[_-]?key)$/i;

/** A password with the 24- or 25-character security token appended, as people paste it. */
const PASSWORD_WITH_TOKEN = /^\S{4,}[A-Za-z0-9]{24,25}$/;

/** Credentials in a committed file leak to everyone who can read the repository. */
export const noSecretShapedString: Rule = {
  id: 'no-secret-shaped-string',
  defaultSeverity: 'error',
  description: 'Credential-shaped text anywhere in a file: auth URLs, session ids, private keys, passwords',
  explanation:
    'Secret fields are checked by no-literal-secret; this rule looks at the rest of the file, comments included. It reports a Salesforce CLI auth URL (force://...), a session id or access token (00D...!...), a PEM private key, and a literal under a key named like a credential (password, token, secret), such as a password with the security token pasted onto it. The message never repeats the text. Move the value into an environment variable, reference it from the secret field, and rotate it, since it has been committed.',
  bad: 'orgs:\n  prod:\n    # token for debugging: 00D5g000000abcd!AQ4AQFakeSessionIdValue0123\n',
  good: 'orgs:\n  prod:\n    # the session comes from orgcfg verify; nothing is stored here\n',
  fixable: false,
  check(project, report) {
    for (const source of project.sources) {
      const skipped = secretFieldRanges(source);
      for (const { name, pattern } of SHAPES) {
        for (const match of source.text.matchAll(pattern)) {
          const start = match.index;
          if (skipped.some(([from, to]) => start >= from && start < to)) continue;
          report({
            file: source.file,
            start: positionAt(source, start),
            end: positionAt(source, start + match[0].length),
            message: `this line holds ${name}; move it into an environment variable, reference it from a secret field, and rotate it, because it is now in the file's history`,
          });
        }
      }
      if (source.data === undefined) continue;
      forEachString(source, (value, path) => {
        const key = path[path.length - 1];
        if (typeof key !== 'string' || SECRET_FIELDS.has(key) || !CREDENTIAL_KEY.test(key)) return;
        if (value === '' || hasReference(value)) return;
        const shape = PASSWORD_WITH_TOKEN.test(value) ? 'looks like a password with the security token appended' : 'looks like a literal credential';
        report({
          source,
          path,
          message: `"${key}" ${shape}; keep credentials in environment variables and reference them from the auth block's secret fields, and rotate this one`,
        });
      });
    }
  },
};

/** Offsets of secret field values, which no-literal-secret already reports. */
function secretFieldRanges(source: YamlSource): (readonly [number, number])[] {
  const ranges: (readonly [number, number])[] = [];
  if (source.data === undefined) return ranges;
  forEachAuthBlock(source, (_name, auth, authPath) => {
    for (const field of Object.keys(auth)) {
      if (!SECRET_FIELDS.has(field)) continue;
      const node = findNode(source, [...authPath, field]).node;
      if (node?.range) ranges.push([node.range[0], node.range[1]]);
    }
  });
  return ranges;
}
