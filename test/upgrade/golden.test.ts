import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { upgradeSource } from '../../src/upgrade/upgrade-source.js';
import type { UpgradeOptions } from '../../src/upgrade/types.js';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'upgrade');

function fixture(name: string): string {
  return fs.readFileSync(path.join(FIXTURES, name), 'utf8');
}

/** Each case pairs `<case>.before.yaml` with `<case>.after.yaml` under these options. */
const CASES: Record<string, UpgradeOptions> = {
  'api-version': {},
  'auth-client-credentials': { auth: 'client-credentials' },
  'auth-jwt': { auth: 'jwt' },
  aliases: { auth: 'client-credentials' },
};

describe('golden upgrade fixtures', () => {
  it('every fixture pair has a case', () => {
    const names = fs.readdirSync(FIXTURES).filter((file) => file.endsWith('.before.yaml')).map((file) => file.replace('.before.yaml', ''));
    expect(names.sort()).toEqual(Object.keys(CASES).sort());
  });

  for (const [name, options] of Object.entries(CASES)) {
    it(`${name}: output matches the after file`, () => {
      const result = upgradeSource(fixture(`${name}.before.yaml`), options);
      expect(result.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
      expect(result.output).toBe(fixture(`${name}.after.yaml`));
    });

    it(`${name}: a second run changes nothing`, () => {
      const after = fixture(`${name}.after.yaml`);
      const again = upgradeSource(after, options);
      expect(again.changes).toEqual([]);
      expect(again.output).toBe(after);
    });

    it(`${name}: keeps CRLF line endings and a byte-order mark`, () => {
      const crlf = (text: string): string => `\uFEFF${text.replace(/\n/g, '\r\n')}`;
      const result = upgradeSource(crlf(fixture(`${name}.before.yaml`)), options);
      expect(result.output).toBe(crlf(fixture(`${name}.after.yaml`)));
    });
  }
});

describe('golden case reports', () => {
  it('api-version: pins the inheriting SOAP org and explains both', () => {
    const result = upgradeSource(fixture('api-version.before.yaml'));
    expect(result.changes.map((change) => [change.kind, change.org ?? 'defaults', change.from, change.to])).toEqual([
      ['api-version', 'defaults', '62.0', '68.0'],
      ['api-version', 'uat', '60.0', '68.0'],
      ['pin-api-version', 'legacy', '62.0', '62.0'],
    ]);
    const notes = result.problems.filter((problem) => problem.severity === 'info').map((problem) => problem.org);
    expect(notes).toEqual(['legacy', 'legacy-pinned']);
    expect(result.problems.find((problem) => problem.org === 'legacy')!.message).toContain('SOAP login() does not exist at API 65.0');
  });

  it('auth-client-credentials: names variables after the old ones', () => {
    const result = upgradeSource(fixture('auth-client-credentials.before.yaml'), { auth: 'client-credentials' });
    expect(result.variables.map((variable) => variable.name)).toEqual(['SF_LEGACY_CLIENT_ID', 'SF_LEGACY_CLIENT_SECRET']);
    const steps = result.followUps.find((followUp) => followUp.org === 'legacy')!.steps.join('\n');
    expect(steps).toContain('External Client App');
    expect(steps).toContain('run-as user');
    expect(steps).toContain('integration@acme.com.legacy');
    expect(steps).toContain('(api)');
    expect(steps).toContain('SF_LEGACY_PASSWORD and SF_LEGACY_SECURITY_TOKEN');
  });

  it('auth-jwt: lists certificate and pre-authorization steps', () => {
    const result = upgradeSource(fixture('auth-jwt.before.yaml'), { auth: 'jwt' });
    const steps = result.followUps.find((followUp) => followUp.org === 'ci')!.steps.join('\n');
    expect(steps).toContain('certificate');
    expect(steps).toContain('pre-authorized');
    expect(steps).not.toContain('"ci@acme.com" from your secret stores');
    expect(result.variables.map((variable) => variable.name)).toEqual(['sfCiClientId', 'sfCiJwtKey', 'FLOW_CLIENT_ID', 'FLOW_JWT_KEY']);
  });

  it('aliases: reports shared nodes instead of expanding them', () => {
    const result = upgradeSource(fixture('aliases.before.yaml'), { auth: 'client-credentials' });
    const warnings = result.problems.filter((problem) => problem.severity === 'warning').map((problem) => problem.message);
    expect(warnings.some((message) => message.includes('org "a"') && message.includes('"soap"'))).toBe(true);
    expect(warnings.some((message) => message.includes('org "b"') && message.includes('"soap"'))).toBe(true);
    expect(result.output).toContain('auth: *soap');
    expect(result.output).toContain('apiVersion: &version "62.0"');
  });
});
