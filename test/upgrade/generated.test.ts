/**
 * Generated projects of many orgs, with mixed auth methods, defaults and overrides, comments
 * and both map styles. Each is upgraded, parsed again and compared field by field with a
 * model of the intended change, written separately from the engine.
 */
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { upgradeSource } from '../../src/upgrade/upgrade-source.js';
import type { UpgradeOptions } from '../../src/upgrade/types.js';

const TARGET = '68.0';
const METHODS = ['client-credentials', 'jwt', 'oauth-password', 'refresh-token', 'sfdx-auth-url', 'soap-password'] as const;

/** mulberry32: a small seeded generator, so a failing seed can be run again. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function authFields(method: string, token: string): [string, string][] {
  const ref = (suffix: string): string => `\${SF_${token}_${suffix}}`;
  switch (method) {
    case 'client-credentials':
      return [['clientId', ref('CLIENT_ID')], ['clientSecret', ref('CLIENT_SECRET')]];
    case 'jwt':
      return [['clientId', ref('CLIENT_ID')], ['username', `ci@${token.toLowerCase()}.example`], ['privateKeyFile', 'keys/ci.key']];
    case 'oauth-password':
      return [['clientId', ref('CLIENT_ID')], ['clientSecret', ref('CLIENT_SECRET')], ['username', 'u@example.com'], ['password', ref('PASSWORD')]];
    case 'refresh-token':
      return [['clientId', ref('CLIENT_ID')], ['refreshToken', ref('REFRESH_TOKEN')], ['instanceUrl', 'https://acme.my.salesforce.com']];
    case 'sfdx-auth-url':
      return [['authUrl', ref('AUTH_URL')]];
    default:
      return [['username', `int@${token.toLowerCase()}.example`], ['password', ref('PASSWORD')], ['securityToken', ref('SECURITY_TOKEN')]];
  }
}

function generateProject(seed: number, orgCount: number): string {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const version = (): string => `${50 + Math.floor(next() * 18)}.0`;
  const quote = (value: string): string => pick([`"${value}"`, `'${value}'`]);
  const lines = ['# generated project', 'version: 1', ''];
  if (next() < 0.8) lines.push('defaults:', `  apiVersion: ${quote(version())} # default`, '');
  lines.push('orgs:');
  for (let index = 0; index < orgCount; index += 1) {
    const name = `org-${index}`;
    const token = `ORG_${index}`;
    const method = pick(METHODS);
    if (next() < 0.5) lines.push(`  # comment above ${name}`);
    lines.push(`  ${name}:${next() < 0.3 ? ' # inline on the org' : ''}`);
    if (next() < 0.5) lines.push(`    description: Org number ${index}`);
    if (next() < 0.3) lines.push('    sandbox: true');
    if (method === 'client-credentials' || next() < 0.3) lines.push(`    loginUrl: https://acme${index}.my.salesforce.com`);
    if (next() < 0.5) lines.push(`    apiVersion: ${quote(version())}${next() < 0.5 ? ' # own version' : ''}`);
    const fields = authFields(method, token);
    if (next() < 0.25) {
      const body = fields.map(([key, value]) => `${key}: ${value.includes('$') ? `"${value}"` : value}`);
      lines.push(`    auth: { method: ${method}, ${body.join(', ')} }`);
    } else {
      if (next() < 0.3) lines.push('    # comment above auth');
      lines.push('    auth:', `      method: ${method}`);
      for (const [key, value] of fields) lines.push(`      ${key}: ${value}${next() < 0.2 ? ` # about ${key}` : ''}`);
    }
    if (next() < 0.3) lines.push('');
  }
  lines.push('# end');
  return `${lines.join('\n')}\n`;
}

type Org = { apiVersion?: string; auth: Record<string, string> } & Record<string, unknown>;
type Data = { defaults?: { apiVersion?: string }; orgs: Record<string, Org> };

/** The effective API version each org should have after the upgrade, by the documented rules. */
function expectedVersions(before: Data, options: UpgradeOptions): Map<string, string | undefined> {
  const expected = new Map<string, string | undefined>();
  for (const [name, org] of Object.entries(before.orgs)) {
    const selected = options.orgs === undefined || options.orgs.includes(name);
    const effective = org.apiVersion ?? before.defaults?.apiVersion;
    const staysSoap = org.auth.method === 'soap-password' && !(selected && options.auth);
    expected.set(name, !selected || staysSoap ? effective : TARGET);
  }
  return expected;
}

const VARIANTS: Record<string, UpgradeOptions> = {
  'API version only': {},
  'client credentials': { auth: 'client-credentials' },
  jwt: { auth: 'jwt' },
  'selected orgs': { auth: 'client-credentials', orgs: ['org-1', 'org-2', 'org-3', 'org-5', 'org-8'] },
};

describe('generated projects', () => {
  for (const seed of [1, 2, 3, 4, 5, 6]) {
    for (const [variant, options] of Object.entries(VARIANTS)) {
      it(`seed ${seed}, ${variant}: only the intended fields change`, () => {
        const text = generateProject(seed, 40);
        const result = upgradeSource(text, options);
        expect(result.problems.filter((problem) => problem.severity !== 'info')).toEqual(
          result.problems.filter((problem) => problem.severity === 'warning' && (problem.message.includes('My Domain') || problem.message.includes('its login fails already'))),
        );
        const before = parse(text) as Data;
        const after = parse(result.output) as Data;
        const versions = expectedVersions(before, options);
        const defaultsMove = options.orgs === undefined && before.defaults?.apiVersion !== undefined;
        expect(after.defaults?.apiVersion).toBe(defaultsMove ? TARGET : before.defaults?.apiVersion);
        expect(Object.keys(after.orgs)).toEqual(Object.keys(before.orgs));

        for (const [name, org] of Object.entries(before.orgs)) {
          const upgraded = after.orgs[name]!;
          const { apiVersion: _old, auth: oldAuth, ...rest } = org;
          const { apiVersion: newOwn, auth: newAuth, ...newRest } = upgraded;
          expect(newRest, name).toEqual(rest);
          expect(newOwn ?? after.defaults?.apiVersion, name).toBe(versions.get(name));
          if (org.apiVersion === undefined && newOwn !== undefined) {
            expect(newOwn, `${name} gets its own version only when the defaults no longer fit`).not.toBe(after.defaults?.apiVersion);
          }
          const migrated = oldAuth.method === 'soap-password' && options.auth !== undefined && (options.orgs?.includes(name) ?? true);
          if (!migrated) {
            expect(newAuth, name).toEqual(oldAuth);
            continue;
          }
          const token = `SF_ORG_${name.slice(4)}`;
          const expectedAuth =
            options.auth === 'jwt'
              ? { method: 'jwt', clientId: `\${${token}_CLIENT_ID}`, username: oldAuth.username, privateKey: `\${${token}_JWT_KEY}` }
              : { method: 'client-credentials', clientId: `\${${token}_CLIENT_ID}`, clientSecret: `\${${token}_CLIENT_SECRET}` };
          expect(newAuth, name).toEqual(expectedAuth);
        }

        // Every comment survives: removed entries hand their comments to lines of their own.
        expect(result.output.split('#').length).toBe(text.split('#').length);
        const again = upgradeSource(result.output, options);
        expect(again.changes).toEqual([]);
        expect(again.output).toBe(result.output);
      });
    }
  }
});
