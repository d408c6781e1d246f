import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { EmulatorConfigError, parseEmulatorConfig } from '../../src/emulator/index.js';
import { idChecksum } from '../../src/emulator/ids.js';
import { NEWEST_KNOWN_API_VERSION } from '../../src/salesforce/api-versions.js';

const MINIMAL = `
orgs:
  solo:
    myDomain: solo.my.salesforce.com
`;

/** Parses `text` and returns the error it must raise. */
function configError(text: string): EmulatorConfigError {
  try {
    parseEmulatorConfig(text, 'bad.yaml');
  } catch (error) {
    expect(error).toBeInstanceOf(EmulatorConfigError);
    return error as EmulatorConfigError;
  }
  throw new Error('the file was accepted');
}

function isValidId18(id: string): boolean {
  return /^[0-9A-Za-z]{18}$/.test(id) && id.slice(15) === idChecksum(id.slice(0, 15));
}

describe('parseEmulatorConfig on the demo file', () => {
  const config = parseEmulatorConfig(readFileSync('examples/emulator.yaml', 'utf8'), 'examples/emulator.yaml');
  const byKey = new Map(config.orgs.map((org) => [org.key, org]));

  it('reads the three demo orgs', () => {
    expect(config.orgs.map((org) => org.key)).toEqual(['acme', 'acme--uat', 'acme--legacy']);
    expect(config.faultcodeStyle).toBe('bare');
  });

  it('reads the production org', () => {
    const acme = byKey.get('acme')!;
    expect(acme.sandbox).toBe(false);
    expect(acme.myDomain).toBe('acme.my.salesforce.com');
    expect(acme.organizationId).toBe('00D5g000004AbCdEAK');
    expect(acme.dailyApiRequests).toEqual({ max: 15000, remaining: 14998 });
    expect(acme.apps[0]).toMatchObject({
      clientId: '3MVG9demoProdClientId',
      clientSecret: 'demo-prod-client-secret',
      flows: ['client_credentials', 'jwt_bearer', 'refresh_token'],
      runAs: 'integration@acme.com',
      preAuthorizedUsers: ['integration@acme.com'],
      requireSecret: true,
      refreshTokens: [{ user: 'integration@acme.com', token: 'demo-prod-refresh-token', revoked: false }],
      oauthError: null,
    });
    expect(acme.apps[0]!.certificate?.asymmetricKeyType).toBe('rsa');
  });

  it('reads the UAT sandbox', () => {
    const uat = byKey.get('acme--uat')!;
    expect(uat.sandbox).toBe(true);
    expect(uat.myDomain).toBe('acme--uat.sandbox.my.salesforce.com');
    expect(uat.apps[0]).toMatchObject({
      clientId: '3MVG9demoUatClientId',
      clientSecret: 'demo-uat-client-secret',
      runAs: 'integration@acme.com.uat',
    });
  });

  it('reads the legacy sandbox', () => {
    const legacy = byKey.get('acme--legacy')!;
    expect(legacy.sandbox).toBe(true);
    expect(legacy.soapLogin).toBe(true);
    expect(legacy.myDomain).toBe('acme--legacy.sandbox.my.salesforce.com');
    expect(legacy.users[0]).toMatchObject({
      username: 'integration@acme.com.legacy',
      password: 'demo-legacy-password',
      securityToken: 'DemoLegacyToken123',
    });
  });

  it('gives every org and user a valid 18-character id', () => {
    for (const org of config.orgs) {
      expect(isValidId18(org.organizationId), org.organizationId).toBe(true);
      for (const user of org.users) expect(isValidId18(user.userId), user.userId).toBe(true);
    }
  });
});

describe('parseEmulatorConfig defaults', () => {
  it('applies defaults to a minimal org', () => {
    const [org] = parseEmulatorConfig(MINIMAL, 'min.yaml').orgs;
    expect(org).toMatchObject({
      key: 'solo',
      name: 'solo',
      sandbox: false,
      maxApiVersion: NEWEST_KNOWN_API_VERSION,
      soapLogin: true,
      apiEnabled: true,
      trustedIp: false,
      dailyApiRequests: { max: 15000, remaining: 15000 },
      organizationType: 'Enterprise Edition',
      users: [],
      apps: [],
    });
    expect(org!.organizationId.startsWith('00D')).toBe(true);
    expect(org!.instanceName).toMatch(/^USA\d+$/);
  });

  it('derives the same ids on every parse', () => {
    const text = `${MINIMAL}    users:\n      - username: a@solo.example\n        password: x\n`;
    const first = parseEmulatorConfig(text, 'a.yaml').orgs[0]!;
    const second = parseEmulatorConfig(text, 'b.yaml').orgs[0]!;
    expect(second.organizationId).toBe(first.organizationId);
    expect(second.users[0]!.userId).toBe(first.users[0]!.userId);
  });

  it('applies user defaults', () => {
    const text = `${MINIMAL}    users:\n      - username: jane.doe@solo.example\n        password: x\n`;
    const user = parseEmulatorConfig(text, 'a.yaml').orgs[0]!.users[0]!;
    expect(user).toMatchObject({
      securityToken: '',
      fullName: 'jane.doe',
      email: 'jane.doe@solo.example',
      passwordExpired: false,
      apiEnabled: true,
      fault: null,
    });
  });

  it('marks a sandbox My Domain as a sandbox', () => {
    const text = 'orgs:\n  box:\n    myDomain: acme--box.sandbox.my.salesforce.com\n';
    expect(parseEmulatorConfig(text, 'a.yaml').orgs[0]!.sandbox).toBe(true);
  });

  it('accepts an unquoted version with ".0"', () => {
    const text = `${MINIMAL}    maxApiVersion: 62.0\n`;
    expect(parseEmulatorConfig(text, 'a.yaml').orgs[0]!.maxApiVersion).toBe('62.0');
  });

  it('extends a 15-character org id', () => {
    const text = `${MINIMAL}    organizationId: 00D5g000004AbCd\n`;
    expect(parseEmulatorConfig(text, 'a.yaml').orgs[0]!.organizationId).toBe('00D5g000004AbCdEAK');
  });

  it('reads a forced fault and prefixed faultcodes', () => {
    const text = `faultcodeStyle: prefixed\n${MINIMAL}    users:\n      - username: a@solo.example\n        password: x\n        fault: PASSWORD_LOCKOUT\n`;
    const config = parseEmulatorConfig(text, 'a.yaml');
    expect(config.faultcodeStyle).toBe('prefixed');
    expect(config.orgs[0]!.users[0]!.fault).toBe('PASSWORD_LOCKOUT');
  });
});

describe('parseEmulatorConfig errors', () => {
  it('names file, line and column of an unknown key', () => {
    const error = configError(`${MINIMAL}    sandbx: true\n`);
    expect(error.file).toBe('bad.yaml');
    expect(error.line).toBe(5);
    expect(error.column).toBe(5);
    expect(error.message).toMatch(/^bad\.yaml:5:5: orgs\.solo has the unknown key "sandbx"; did you mean "sandbox"\?/);
  });

  it('rejects a wrong value type', () => {
    const error = configError(`${MINIMAL}    sandbox: "yes"\n`);
    expect(error.message).toBe('bad.yaml:5:14: orgs.solo.sandbox must be true or false, but is the string "yes"');
  });

  it('asks to quote a numeric password', () => {
    const error = configError(`${MINIMAL}    users:\n      - username: a@solo.example\n        password: 12345\n`);
    expect(error.line).toBe(7);
    expect(error.column).toBe(19);
    expect(error.message).toContain('orgs.solo.users[0].password must be a string, but is the number 12345; put the value in quotes');
  });

  it('rejects a username used in two orgs', () => {
    const text = `
orgs:
  one:
    myDomain: one.my.salesforce.com
    users:
      - username: same@example.com
        password: x
  two:
    myDomain: two.my.salesforce.com
    users:
      - username: SAME@example.com
        password: y
`;
    const error = configError(text);
    expect(error.line).toBe(11);
    expect(error.column).toBe(19);
    expect(error.message).toContain('"SAME@example.com" is already used at line 6');
  });

  it('rejects runAs naming an unknown user', () => {
    const text = `${MINIMAL}    users:
      - username: a@solo.example
        password: x
    apps:
      - name: ci
        clientId: id1
        clientSecret: s1
        flows: [client_credentials]
        runAs: b@solo.example
`;
    const error = configError(text);
    expect(error.line).toBe(13);
    expect(error.column).toBe(16);
    expect(error.message).toContain('runAs "b@solo.example" is not a user of org "solo"; use one of "a@solo.example"');
  });

  it.each([
    ['a wrong checksum', '00D5g000004AbCdAAA', 'has the suffix "AAA", but the first 15 characters need "EAK"'],
    ['a wrong prefix', '0055g000004AbCdEAK', 'must start with "00D"'],
    ['a wrong length', '00D5g000004', 'must be 15 or 18 letters and digits'],
  ])('rejects an org id with %s', (_case, id, problem) => {
    const error = configError(`${MINIMAL}    organizationId: ${id}\n`);
    expect(error.line).toBe(5);
    expect(error.column).toBe(21);
    expect(error.message).toContain(problem);
  });

  it('rejects a generic login host as My Domain', () => {
    const error = configError('orgs:\n  x:\n    myDomain: login.salesforce.com\n');
    expect(error.message).toContain('"login.salesforce.com" is not a My Domain host');
  });

  it('rejects a production org on a sandbox host', () => {
    const error = configError('orgs:\n  x:\n    myDomain: acme--uat.sandbox.my.salesforce.com\n    sandbox: false\n');
    expect(error.message).toContain('sandbox is false, but myDomain "acme--uat.sandbox.my.salesforce.com" is a sandbox host');
  });

  it('rejects a missing My Domain', () => {
    const error = configError('orgs:\n  x:\n    name: X\n');
    expect(error.message).toBe('bad.yaml:2:3: orgs.x has no "myDomain"; add the org\'s My Domain host, such as "acme.my.salesforce.com"');
  });

  it('reports invalid YAML with its position', () => {
    const error = configError('orgs:\n  x: [unclosed\n');
    expect(error.message).toMatch(/^bad\.yaml:\d+:\d+: invalid YAML: /);
  });

  it('reports duplicate YAML keys', () => {
    const error = configError(`${MINIMAL}    sandbox: false\n    sandbox: true\n`);
    expect(error.line).toBe(6);
    expect(error.message).toContain('invalid YAML');
  });

  it('suggests a close fault code', () => {
    const error = configError(`${MINIMAL}    users:\n      - username: a@solo.example\n        password: x\n        fault: PASSWORD_LOCKED\n`);
    expect(error.message).toContain('fault "PASSWORD_LOCKED" is not a known fault code; did you mean "PASSWORD_LOCKOUT"?');
  });

  it.each([
    ['an unquoted whole number', '64', 'must be a version such as'],
    ['a version newer than known', '"99.0"', "is newer than the newest version in orgcfg's table"],
    ['a retired version', '"30.0"', 'is retired'],
  ])('rejects maxApiVersion as %s', (_case, value, problem) => {
    const error = configError(`${MINIMAL}    maxApiVersion: ${value}\n`);
    expect(error.line).toBe(5);
    expect(error.message).toContain(problem);
  });

  it('rejects a duplicate client id', () => {
    const text = `${MINIMAL}    apps:
      - { name: a, clientId: same, clientSecret: s1, flows: [password] }
      - { name: b, clientId: same, clientSecret: s2, flows: [password] }
`;
    const error = configError(text);
    expect(error.line).toBe(7);
    expect(error.message).toContain('clientId "same" is already used at line 6');
  });

  it('rejects an unknown flow', () => {
    const text = `${MINIMAL}    apps:\n      - { name: a, clientId: c, clientSecret: s, flows: [jwt] }\n`;
    expect(configError(text).message).toContain('flows has the unknown flow "jwt"');
  });

  it('rejects more remaining requests than the maximum', () => {
    const error = configError(`${MINIMAL}    dailyApiRequests: { max: 10, remaining: 11 }\n`);
    expect(error.message).toContain('dailyApiRequests.remaining (11) is more than max (10)');
  });

  it('rejects an unknown faultcode style', () => {
    const error = configError(`faultcodeStyle: sf\n${MINIMAL}`);
    expect(error.message).toBe('bad.yaml:1:17: faultcodeStyle "sf" is not valid; use "bare" or "prefixed"');
  });

  it('rejects an empty file', () => {
    expect(configError('').message).toBe('bad.yaml:1:1: the file is empty; add an "orgs:" mapping with at least one org');
  });

  it('rejects a file without orgs', () => {
    expect(configError('faultcodeStyle: bare\n').message).toContain('the file has no "orgs:" key');
  });

  it('reports every problem of one user', () => {
    const error = configError(`${MINIMAL}    users:\n      - username: not-an-email\n        fault: NOPE\n`);
    expect(error.problems.map((problem) => problem.line)).toEqual([6, 6, 7]);
    expect(error.problems[0]!.message).toContain('username "not-an-email" is not in the form of an e-mail address');
    expect(error.problems[1]!.message).toContain('has no "password"');
    expect(error.problems[2]!.message).toContain('fault "NOPE" is not a known fault code');
  });

  it('lists every problem, one per line', () => {
    const error = configError(`${MINIMAL}    sandbox: 1\n    trustedIp: "no"\n`);
    expect(error.problems).toHaveLength(2);
    expect(error.message.split('\n')).toHaveLength(2);
  });
});
