import { describe, expect, it } from 'vitest';
import { lintProject } from '../../src/lint/lint.js';
import { loadProject } from '../../src/project/load.js';
import { memoryHost } from '../helpers/memory-host.js';
import { yaml } from '../helpers/source.js';

function lint(files: Record<string, string>, entry = 'p/orgcfg.yaml') {
  const project = loadProject(entry, memoryHost(files));
  // These cases are about loading: they share one variable and omit My Domain login URLs for
  // brevity, so the rules for those are off here (test/lint covers them).
  const severities = { 'shared-secret-variable': 'off', 'client-credentials-my-domain': 'off' } as const;
  return { project, diagnostics: lintProject(project, { severities }) };
}

function brief(diagnostics: ReturnType<typeof lint>['diagnostics']) {
  return diagnostics.map((d) => `${d.file}:${d.start?.line}:${d.start?.column} ${d.ruleId}`);
}

describe('loadProject', () => {
  it('applies defaults and the login URL from the sandbox flag', () => {
    const { project, diagnostics } = lint({
      'p/orgcfg.yaml': yaml`
        version: 1
        defaults:
          apiVersion: "64.0"
        orgs:
          prod:
            auth: { method: client-credentials, clientId: x, clientSecret: "\${S}" }
          sbx:
            sandbox: true
            apiVersion: "62.0"
            auth: { method: client-credentials, clientId: x, clientSecret: "\${S}" }
      `,
    });
    expect(diagnostics).toEqual([]);
    const [prod, sbx] = project.orgs;
    expect(prod).toMatchObject({ name: 'prod', loginUrl: 'https://login.salesforce.com', loginUrlOrigin: 'sandbox-flag', sandbox: false, apiVersion: '64.0' });
    expect(sbx).toMatchObject({ name: 'sbx', loginUrl: 'https://test.salesforce.com', sandbox: true, apiVersion: '62.0' });
  });

  it('reads included org files and reports positions in them', () => {
    const { project, diagnostics } = lint({
      'p/orgcfg.yaml': 'version: 1\ninclude: orgs/*.yaml\ndefaults:\n  apiVersion: "66.0"\n',
      'p/orgs/a.yaml': 'orgs:\n  a:\n    auth: { method: client-credentials, clientId: x, clientSecret: "${S}" }\n',
      'p/orgs/b.yaml': 'orgs:\n  b:\n    auth:\n      method: client-credentials\n      clientId: x\n      clientSecret: literal\n',
    });
    expect(project.orgs.map((org) => org.name)).toEqual(['a', 'b']);
    expect(project.orgs[1]?.apiVersion).toBe('66.0');
    expect(brief(diagnostics)).toEqual(['p/orgs/b.yaml:6:21 no-literal-secret']);
  });

  it('reports an org name defined in two files at the second one', () => {
    const { diagnostics } = lint({
      'p/orgcfg.yaml': 'version: 1\ninclude: [orgs/a.yaml]\norgs:\n  a:\n    apiVersion: "66.0"\n    auth: { method: client-credentials, clientId: x, clientSecret: "${S}" }\n',
      'p/orgs/a.yaml': '\norgs:\n  a:\n    apiVersion: "66.0"\n    auth: { method: client-credentials, clientId: x, clientSecret: "${S}" }\n',
    });
    expect(brief(diagnostics)).toEqual(['p/orgs/a.yaml:3:3 unique-org-name']);
    expect(diagnostics[0]?.message).toContain('already defined in p/orgcfg.yaml:4:3');
  });

  it('reports a duplicate org name in a file with other errors', () => {
    const { diagnostics } = lint({
      'p/orgcfg.yaml': 'version: 1\ninclude: [orgs/a.yaml]\norgs:\n  a:\n    apiVersion: "66.0"\n    auth: { method: client-credentials, clientId: x, clientSecret: "${S}" }\n',
      'p/orgs/a.yaml': 'orgs:\n  b:\n    descripton: typo\n    apiVersion: "66.0"\n    auth: { method: client-credentials, clientId: x, clientSecret: "${S}" }\n  a:\n    apiVersion: "66.0"\n    auth: { method: client-credentials, clientId: x, clientSecret: "${S}" }\n',
    });
    expect(brief(diagnostics)).toEqual(['p/orgs/a.yaml:3:5 schema', 'p/orgs/a.yaml:6:3 unique-org-name']);
  });

  it('refuses includes that leave the project directory', () => {
    const { diagnostics } = lint({ 'p/orgcfg.yaml': 'version: 1\ninclude:\n  - ../secrets.yaml\n  - /etc/passwd\n' });
    expect(brief(diagnostics)).toEqual(['p/orgcfg.yaml:3:5 include', 'p/orgcfg.yaml:4:5 include']);
    expect(diagnostics[0]?.message).toContain('leaves the project directory');
    expect(diagnostics[1]?.message).toContain('absolute path');
  });

  it('reports an include that matches nothing', () => {
    const { diagnostics } = lint({ 'p/orgcfg.yaml': 'version: 1\ninclude: [orgs/missing.yaml, teams/*.yaml]\n' });
    expect(diagnostics.map((d) => [d.severity, d.start?.column])).toEqual([
      ['error', 11],
      ['warning', 30],
    ]);
  });

  it('reports defaults inside an included file', () => {
    const { diagnostics } = lint({
      'p/orgcfg.yaml': 'version: 1\ninclude: o.yaml\n',
      'p/o.yaml': 'defaults:\n  sandbox: true\n',
    });
    expect(brief(diagnostics)).toEqual(['p/o.yaml:1:1 include']);
  });

  it('reports an org without any apiVersion', () => {
    const { diagnostics } = lint({ 'p/orgcfg.yaml': 'orgs:\n  x:\n    auth: { method: client-credentials, clientId: a, clientSecret: "${S}" }\n' });
    expect(brief(diagnostics)).toEqual(['p/orgcfg.yaml:2:3 schema']);
    expect(diagnostics[0]?.message).toContain('has no apiVersion');
  });

  it('returns a read error for a missing project file', () => {
    const { project } = lint({}, 'p/orgcfg.yaml');
    expect(project.readErrors.map((d) => d.message)).toEqual(['cannot read p/orgcfg.yaml: no such file or directory']);
  });
});

describe('YAML syntax', () => {
  it.each([
    ['duplicate key', 'orgs:\n  a: {}\n  a: {}\n', 3, 3, 'DUPLICATE_KEY'],
    ['tab indentation', 'orgs:\n\ta: 1\n', 2, 1, 'TAB_AS_INDENT'],
    ['unclosed flow sequence', 'orgs:\n  x: [1,\n', 3, 1, undefined],
    ['two documents', 'version: 1\n---\norgs: {}\n', 2, 1, 'MULTIPLE_DOCS'],
  ])('reports %s with its position', (_, text, line, column, code) => {
    const { diagnostics } = lint({ 'p/orgcfg.yaml': text });
    expect(diagnostics[0]).toMatchObject({ ruleId: 'yaml-syntax', severity: 'error', start: { line, column } });
    if (code) expect(diagnostics[0]?.data?.code).toBe(code);
  });

  it('stops alias bombs', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let index = 0; index < 6; index += 1) {
      const alias = String.fromCharCode(97 + index);
      const next = String.fromCharCode(98 + index);
      lines.push(`${next}: &${next} [*${alias}, *${alias}, *${alias}, *${alias}, *${alias}, *${alias}, *${alias}, *${alias}, *${alias}, *${alias}]`);
    }
    const { diagnostics } = lint({ 'p/orgcfg.yaml': `${lines.join('\n')}\n` });
    expect(diagnostics[0]).toMatchObject({ ruleId: 'yaml-syntax', data: { code: 'ALIAS_LIMIT' } });
  });

  it('keeps columns right with CRLF line endings', () => {
    const text = 'version: 1\r\norgs:\r\n  x:\r\n    apiVersion: 64.0\r\n    auth: { method: client-credentials, clientId: a, clientSecret: "${S}" }\r\n';
    const { diagnostics } = lint({ 'p/orgcfg.yaml': text });
    expect(brief(diagnostics)).toEqual(['p/orgcfg.yaml:4:17 schema']);
  });
});
