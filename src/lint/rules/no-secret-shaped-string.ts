import { hasReference } from '../org-view.js';
import { SECRET_FIELDS } from '../../project/secret-fields.js';
import { findNode, positionAt, type YamlSource } from '../../project/yaml-source.js';
import type { Position } from '../../report/diagnostic.js';
import type { Rule, RuleReport } from '../rule.js';
import { CREDENTIAL_KEY, findCommentSecrets, findEnvExampleSecrets } from '../secret-text.js';
import { forEachAuthBlock, forEachString } from '../walk.js';

/** Text shapes that are credentials wherever they appear, with what to call them in a message. */
const SHAPES: readonly { readonly name: string; readonly pattern: RegExp }[] = [
  // force://CLIENT_ID:CLIENT_SECRET:REFRESH_TOKEN@HOST, as `sf org display --verbose` prints it.
  { name: 'a Salesforce CLI auth URL (force://...), which holds a refresh token', pattern: /force:\/\/[^\s'"@]+@[A-Za-z0-9.-]+/g },
  // A session id or access token: the 15- or 18-character org id, "!", then the opaque part.
  { name: 'a Salesforce session id or access token (00D...!...)', pattern: /\b00D[A-Za-z0-9]{12}(?:[A-Za-z0-9]{3})?![A-Za-z0-9._]{20,}/g },
  { name: 'a PEM private key', pattern: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----/g },
];

/** A password with the 24- or 25-character security token appended, as people paste it. */
const PASSWORD_WITH_TOKEN = /^\S{4,}[A-Za-z0-9]{24,25}$/;

/** Credentials in a committed file leak to everyone who can read the repository. */
export const noSecretShapedString: Rule = {
  id: 'no-secret-shaped-string',
  defaultSeverity: 'error',
  description: 'Credential-shaped text anywhere in a file: auth URLs, session ids, private keys, passwords',
  explanation:
    'Secret fields are checked by no-literal-secret; this rule looks at the rest of the file, comments included, and at .env.example beside the project file. Anywhere in both it reports a Salesforce CLI auth URL (force://...), a session id or access token (00D...!...) and a PEM private key. In YAML data it reports a literal under a key named like a credential (password, token, secret), such as a password with the security token pasted onto it. In a comment it reports key: value or key=value text whose key is a secret field or named like a credential, when the value is the last word of the comment, at least 6 characters long, mixes at least two of lower case, upper case, digits and symbols, and is not a reference or a placeholder. In .env.example it reports a line whose variable name ends in PASSWORD, PASSWD, PWD, PASS, SECRET, TOKEN, KEY, AUTH_URL or CREDENTIALS and whose value is not empty, a reference or a placeholder. Placeholders are values such as changeme, <your-secret>, xxx, *** or your-secret-here. The message never repeats the text. Move the value into an environment variable, reference it from the secret field, and rotate it, since it has been committed.',
  bad: 'orgs:\n  prod:\n    # token for debugging: 00D5g000000abcd!AQ4AQFakeSessionIdValue0123\n',
  good: 'orgs:\n  prod:\n    # the session comes from orgcfg verify; nothing is stored here\n',
  fixable: false,
  check(project, report, context) {
    for (const source of project.sources) {
      const skipped = secretFieldRanges(source);
      const position = (offset: number): Position => positionAt(source, offset);
      const shapes = reportShapes(source.file, source.text, skipped, position, report);
      for (const finding of findCommentSecrets(source.text)) {
        if (shapes.some(([from, to]) => finding.start < to && finding.end > from)) continue;
        report({
          file: source.file,
          start: position(finding.start),
          end: position(finding.end),
          message: `this comment contains a value for "${finding.name}" that looks like a credential; remove it from the comment and rotate it, because it is now in the file's history`,
        });
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
    if (context.envExample) checkEnvExample(context.envExample.file, context.envExample.text, report);
  },
};

/** Reports every credential shape in `text` outside `skipped`, and returns the ranges it reported. */
function reportShapes(
  file: string,
  text: string,
  skipped: readonly (readonly [number, number])[],
  position: (offset: number) => Position,
  report: (problem: RuleReport) => void,
): [number, number][] {
  const reported: [number, number][] = [];
  for (const { name, pattern } of SHAPES) {
    for (const match of text.matchAll(pattern)) {
      const start = match.index;
      if (skipped.some(([from, to]) => start >= from && start < to)) continue;
      reported.push([start, start + match[0].length]);
      report({
        file,
        start: position(start),
        end: position(start + match[0].length),
        message: `this line contains ${name}; move it into an environment variable, reference it from a secret field, and rotate it, because it is now in the file's history`,
      });
    }
  }
  return reported;
}

/** Reports credentials in `.env.example`, which is committed and so must hold no value of a secret. */
function checkEnvExample(file: string, text: string, report: (problem: RuleReport) => void): void {
  const lineStarts = [0];
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) lineStarts.push(index + 1);
  const position = (offset: number): Position => {
    let line = lineStarts.length - 1;
    while (lineStarts[line]! > offset) line -= 1;
    return { line: line + 1, column: offset - lineStarts[line]! + 1 };
  };
  const shapes = reportShapes(file, text, [], position, report);
  for (const finding of findEnvExampleSecrets(text)) {
    if (shapes.some(([from, to]) => finding.start < to && finding.end > from)) continue;
    report({
      file,
      start: position(finding.start),
      end: position(finding.end),
      message: `${finding.name} has a value, and its name marks it as a credential; leave it empty (${finding.name}=) because .env.example is committed, and rotate the credential if it is real`,
    });
  }
}

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
