import { describe, expect, it } from 'vitest';
import { lintProject } from '../../src/lint/lint.js';
import { loadProject } from '../../src/project/load.js';
import { memoryHost } from '../helpers/memory-host.js';
import { yaml } from '../helpers/source.js';

function diagnosticsFor(text: string) {
  // The SOAP lifecycle rules warn on every soap-password org; test/lint covers them.
  const severities = { 'soap-login-retiring': 'off', 'security-token-missing': 'off', 'client-credentials-my-domain': 'off' } as const;
  return lintProject(loadProject('orgcfg.yaml', memoryHost({ 'orgcfg.yaml': text })), { severities });
}

const validAuth = '{ method: client-credentials, clientId: a, clientSecret: "${S}" }';

describe('schema messages', () => {
  it.each([
    [
      'unquoted apiVersion',
      `orgs:\n  prod:\n    apiVersion: 60.0\n    auth: ${validAuth}\n`,
      [3, 17],
      'org "prod": apiVersion must be a quoted string such as "60.0"; YAML reads an unquoted 60.0 as the number 60. Write apiVersion: "60.0"',
    ],
    [
      'malformed apiVersion',
      `orgs:\n  prod:\n    apiVersion: "60"\n    auth: ${validAuth}\n`,
      [3, 17],
      'org "prod": apiVersion "60" is not an API version; write it with one decimal, such as "66.0"',
    ],
    [
      'yes as a boolean',
      `orgs:\n  prod:\n    apiVersion: "60.0"\n    sandbox: yes\n    auth: ${validAuth}\n`,
      [4, 14],
      'org "prod": sandbox must be true or false; "yes" is a string in YAML 1.2. Write sandbox: true',
    ],
    [
      'misspelt key',
      `orgs:\n  prod:\n    apiVersion: "60.0"\n    loginURL: https://login.salesforce.com\n    auth: ${validAuth}\n`,
      [4, 5],
      'unknown key "loginURL" in org "prod"; did you mean "loginUrl"?',
    ],
    [
      'unknown auth method',
      'orgs:\n  prod:\n    apiVersion: "60.0"\n    auth:\n      method: client-credential\n',
      [5, 15],
      'org "prod": auth.method "client-credential" is not supported; use one of "client-credentials", "jwt", "oauth-password", "refresh-token", "sfdx-auth-url", "soap-password" (did you mean "client-credentials"?)',
    ],
    [
      'missing secret field',
      'orgs:\n  prod:\n    apiVersion: "60.0"\n    auth:\n      method: client-credentials\n      clientId: a\n',
      [4, 5],
      'org "prod": auth is missing the required key "clientSecret"; add clientSecret: ${SF_PROD_CLIENT_SECRET} and set that variable in the environment or a .env file',
    ],
    [
      'missing secret named like the org variables',
      'orgs:\n  eu-dev:\n    apiVersion: "60.0"\n    auth:\n      method: client-credentials\n      clientId: ${SF_EUDEV_CLIENT_ID}\n',
      [4, 5],
      'org "eu-dev": auth is missing the required key "clientSecret"; add clientSecret: ${SF_EUDEV_CLIENT_SECRET} and set that variable in the environment or a .env file',
    ],
    [
      'missing auth',
      'orgs:\n  prod:\n    apiVersion: "60.0"\n',
      [2, 3],
      'org "prod" is missing the required key "auth"; add an auth block with a method, such as method: client-credentials',
    ],
    [
      'newer format version',
      'version: 2\n',
      [1, 10],
      'format version 2 is newer than this orgcfg understands (version 1); update orgcfg',
    ],
    [
      'merge key',
      `orgs:\n  prod:\n    <<: {}\n    apiVersion: "60.0"\n    auth: ${validAuth}\n`,
      [3, 5],
      'merge keys ("<<") are not part of YAML 1.2 and are not supported in org "prod"; put shared settings under defaults',
    ],
    [
      'include of the wrong type',
      'include: 3\n',
      [1, 10],
      'include must be a path or glob, or a list of them, such as include: ["orgs/*.yaml"]',
    ],
  ])('%s', (_, text, [line, column], message) => {
    const diagnostics = diagnosticsFor(text);
    expect(diagnostics.map((d) => d.message)).toEqual([message]);
    expect(diagnostics[0]?.start).toEqual({ line, column });
    expect(diagnostics[0]?.ruleId).toBe('schema');
  });

  it('reports an invalid org name once, at its key', () => {
    const diagnostics = diagnosticsFor(`orgs:\n  "bad name":\n    apiVersion: "60.0"\n    auth: ${validAuth}\n`);
    expect(diagnostics.map((d) => d.message)).toEqual([
      'org name "bad name" is invalid; use letters, digits, ".", "_" and "-", starting with a letter or digit (at most 80 characters)',
    ]);
    expect(diagnostics[0]?.start).toEqual({ line: 2, column: 3 });
  });

  it('never prints the map under an invalid org name', () => {
    const text = 'orgs:\n  "bad name":\n    apiVersion: "60.0"\n    auth: { method: client-credentials, clientId: a, clientSecret: literal-s3cret-xyz }\n';
    const diagnostics = diagnosticsFor(text);
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(JSON.stringify(diagnostics)).not.toContain('s3cret');
  });

  it('never quotes a secret field value in schema messages', () => {
    const diagnostics = diagnosticsFor(yaml`
      orgs:
        prod:
          apiVersion: "60.0"
          auth:
            method: soap-password
            username: u
            password: ""
            securityToken: 12345
    `);
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(JSON.stringify(diagnostics)).not.toContain('12345');
  });
});

describe('no-literal-secret', () => {
  it.each([
    ['hunter2-literal', 'is a literal value'],
    ['${SF_PW:-hunter2-literal}', 'has a default value, which is a literal secret'],
    ['pre${SF_PW}', 'mixes literal text with a reference'],
    ['pa$wXq9', 'is not a valid environment reference'],
  ])('reports %s without echoing it', (value, problem) => {
    const diagnostics = diagnosticsFor(`orgs:\n  prod:\n    apiVersion: "60.0"\n    auth:\n      method: soap-password\n      username: u\n      password: '${value}'\n`);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ ruleId: 'no-literal-secret', start: { line: 7, column: 17 } });
    expect(diagnostics[0]?.message).toContain(problem);
    expect(diagnostics[0]?.message).not.toContain('hunter2');
    expect(diagnostics[0]?.message).not.toContain('wXq9');
  });

  it('accepts required-variable forms', () => {
    const diagnostics = diagnosticsFor(`orgs:\n  prod:\n    apiVersion: "60.0"\n    auth: { method: soap-password, username: u, password: "\${P:?set P}", securityToken: "\${T}" }\n`);
    expect(diagnostics).toEqual([]);
  });
});
