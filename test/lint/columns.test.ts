import { describe, expect, it } from 'vitest';
import { lintCase } from './rule-tester.js';

// One org whose loginUrl (line 4, column 15) has a trailing slash.
const lines = ['version: 1', 'orgs:', '  prod:', '    loginUrl: https://acme.my.salesforce.com/', '    apiVersion: 60.0', '    auth: { method: client-credentials, clientId: a, clientSecret: "${S}" }'];

function positions(text: string) {
  return lintCase(text)
    .filter((d) => d.ruleId === 'login-url-format' || d.ruleId === 'schema')
    .map((d) => `${d.ruleId} ${d.start?.line}:${d.start?.column}-${d.end?.line}:${d.end?.column}`);
}

const expected = ['login-url-format 4:15-4:46', 'schema 5:17-5:21'];

describe('reported columns', () => {
  it('are 1-based with LF', () => {
    expect(positions(`${lines.join('\n')}\n`)).toEqual(expected);
  });

  it('do not shift with CRLF', () => {
    expect(positions(`${lines.join('\r\n')}\r\n`)).toEqual(expected);
  });

  it('do not shift with a byte-order mark', () => {
    expect(positions(`\uFEFF${lines.join('\n')}\n`)).toEqual(expected);
  });

  it('do not shift on line 1 after a byte-order mark', () => {
    const found = lintCase('\uFEFFversion: 2\n').filter((d) => d.ruleId === 'schema');
    expect(found.map((d) => d.start)).toEqual([{ line: 1, column: 10 }]);
  });

  it('count a tab inside a value as one column', () => {
    const found = lintCase('version: 1\norgs:\n  prod:\n    description: "a\tb"\n    loginUrl: "\thttps://acme.my.salesforce.com"\n').filter((d) => d.ruleId === 'login-url-format');
    expect(found.map((d) => d.start)).toEqual([{ line: 5, column: 15 }]);
  });
});
