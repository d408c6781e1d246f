import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { loadProject } from '../../src/project/load.js';
import { layerEnvironments } from '../../src/resolve/environment.js';
import { resolveOrg } from '../../src/resolve/resolve.js';
import { redactSecrets, Secret } from '../../src/resolve/secret.js';
import { memoryHost } from '../helpers/memory-host.js';
import { yaml } from '../helpers/source.js';

const project = loadProject(
  'orgcfg.yaml',
  memoryHost({
    'orgcfg.yaml': yaml`
      version: 1
      defaults:
        apiVersion: "64.0"
      orgs:
        legacy:
          sandbox: true
          auth:
            method: soap-password
            username: \${SF_USER:-integration@acme.com.legacy}
            password: \${SF_PASSWORD}
            securityToken: \${SF_TOKEN:?reset the token in personal settings}
    `,
  }),
);
const legacy = project.orgs[0]!;

describe('resolveOrg', () => {
  it('resolves values and wraps secrets', () => {
    const environment = layerEnvironments([{ origin: 'test', variables: { SF_PASSWORD: 'pw-value', SF_TOKEN: 'tok-value' } }]);
    const { org, diagnostics } = resolveOrg(legacy, environment);
    expect(diagnostics).toEqual([]);
    expect(org?.auth.method).toBe('soap-password');
    if (org?.auth.method !== 'soap-password') return;
    expect(org.auth.username).toBe('integration@acme.com.legacy');
    expect(org.auth.password.reveal()).toBe('pw-value');
    expect(org.loginUrl).toBe('https://test.salesforce.com');
    expect(JSON.stringify(org)).not.toContain('pw-value');
    expect(inspect(org, { depth: 10 })).not.toContain('tok-value');
  });

  it('names org, field and variable for a missing variable', () => {
    const environment = layerEnvironments([{ origin: './.env', variables: { SF_TOKEN: 't' } }, { origin: 'the process environment', variables: {} }]);
    const { org, diagnostics } = resolveOrg(legacy, environment);
    expect(org).toBeUndefined();
    expect(diagnostics.map((d) => d.message)).toEqual([
      'org "legacy": auth.password references ${SF_PASSWORD}, which is not set; set SF_PASSWORD in one of: ./.env, the process environment',
    ]);
    expect(diagnostics[0]?.start).toEqual({ line: 10, column: 17 });
  });

  it('shows the author message of a required variable', () => {
    const environment = layerEnvironments([{ origin: 'env', variables: { SF_PASSWORD: 'p' } }]);
    const { diagnostics } = resolveOrg(legacy, environment);
    expect(diagnostics[0]?.message).toBe(
      'org "legacy": auth.securityToken requires ${SF_TOKEN}: reset the token in personal settings; set SF_TOKEN in one of: env',
    );
  });

  it('reports an empty secret', () => {
    const environment = layerEnvironments([{ origin: 'env', variables: { SF_PASSWORD: '', SF_TOKEN: 't' } }]);
    const { diagnostics } = resolveOrg(legacy, environment);
    expect(diagnostics[0]?.message).toBe('org "legacy": auth.password references ${SF_PASSWORD}, which is set but empty; set it to the password');
  });
});

describe('layerEnvironments', () => {
  it('lets later layers win and remembers the origin', () => {
    const environment = layerEnvironments([
      { origin: '.env', variables: { A: 'dotenv', B: 'dotenv' } },
      { origin: 'process', variables: { A: 'process' } },
    ]);
    expect(environment.lookup('A')).toBe('process');
    expect(environment.lookup('B')).toBe('dotenv');
    expect(environment.originOf('B')).toBe('.env');
    expect(environment.lookup('C')).toBeUndefined();
  });
});

describe('Secret', () => {
  it('prints as a redaction in every string form', () => {
    const secret = new Secret('s3cr3t-value');
    expect(String(secret)).toBe('[redacted]');
    expect(`${secret}`).toBe('[redacted]');
    expect(JSON.stringify({ secret })).toBe('{"secret":"[redacted]"}');
    expect(inspect(secret)).toBe('Secret([redacted])');
  });

  it('redacts values and their URL encoding from text', () => {
    const secret = new Secret('a&b=c d');
    expect(redactSecrets('x a&b=c d y a%26b%3Dc%20d', [secret])).toBe('x [redacted] y [redacted]');
  });
});
