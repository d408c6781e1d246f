import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { upgradeSource } from '../../src/upgrade/upgrade-source.js';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Inputs that are already at their target; each must come back byte for byte. */
const SETTLED: Record<string, string> = {
  'spacing, quoting, anchors and flow style': [
    '\uFEFF# header\r\n',
    'version: 1   # format\r\n',
    '\r\n',
    'defaults: { apiVersion: \'68.0\' }\r\n',
    'orgs:\r\n',
    '  prod: &base\r\n',
    '    loginUrl:   https://acme.my.salesforce.com    # spaced\r\n',
    '    auth: {method: client-credentials,   clientId: "${A}", clientSecret: "${B}"}\r\n',
    '  copy: *base\r\n',
    '\r\n',
    '\r\n',
    '# trailing\r\n',
  ].join(''),
  'no final newline': 'version: 1\norgs:\n  a:\n    apiVersion: "68.0"\n    auth:\n      method: sfdx-auth-url\n      authUrl: ${X}',
};

describe('identity run', () => {
  for (const [name, text] of Object.entries(SETTLED)) {
    it(`returns the input byte for byte: ${name}`, () => {
      const result = upgradeSource(text);
      expect(result.changes).toEqual([]);
      expect(result.output).toBe(text);
    });
  }

  it('returns the example project unchanged at its own version', () => {
    const text = fs.readFileSync(path.join(ROOT, 'examples', 'orgcfg.yaml'), 'utf8');
    const result = upgradeSource(text, { apiVersion: '66.0' });
    expect(result.changes).toEqual([]);
    expect(result.output).toBe(text);
  });

  it("yaml's stringifier alone would not round-trip these inputs", () => {
    // This is why the engine splices values into the source instead of calling String(doc).
    const text = SETTLED['spacing, quoting, anchors and flow style']!;
    expect(String(parseDocument(text))).not.toBe(text);
  });

  it('leaves a file with syntax errors unchanged', () => {
    const text = 'version: 1\norgs:\n  a: [unclosed\n';
    const result = upgradeSource(text);
    expect(result.output).toBe(text);
    expect(result.problems[0]?.severity).toBe('error');
  });

  it('leaves a file that fails the schema unchanged', () => {
    const text = 'version: 1\ndefaults:\n  apiVersion: "60.0"\norgs:\n  a:\n    colour: blue\n    auth:\n      method: sfdx-auth-url\n      authUrl: ${X}\n';
    const result = upgradeSource(text);
    expect(result.output).toBe(text);
    expect(result.changes).toEqual([]);
    expect(result.problems.some((problem) => problem.severity === 'error' && problem.message.includes('schema'))).toBe(true);
  });
});
