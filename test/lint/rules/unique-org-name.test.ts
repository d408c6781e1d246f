import { describe, expect, it } from 'vitest';
import { lintProjects } from '../../../src/lint/lint.js';
import { loadProject } from '../../../src/project/load.js';
import { memoryHost } from '../../helpers/memory-host.js';
import { testRule } from '../rule-tester.js';

const org = '{ apiVersion: "66.0", auth: { method: jwt, clientId: a, username: u, privateKey: "${K}" } }';

testRule('unique-org-name', {
  valid: [{ code: `version: 1\ninclude: o.yaml\norgs:\n  a: ${org}\n`, files: { 'p/o.yaml': `orgs:\n  b: ${org}\n` } }],
  invalid: [{ case: { code: `version: 1\ninclude: o.yaml\norgs:\n  a: ${org}\n`, files: { 'p/o.yaml': `orgs:\n  a: ${org}\n` } }, errors: [{ at: 'p/o.yaml:2:3', message: 'already defined in p/orgcfg.yaml:4:3' }] }],
});

describe('unique-org-name across projects', () => {
  const host = memoryHost({
    'a/orgcfg.yaml': 'version: 1\ninclude: shared.yaml\norgs:\n  prod: {}\n',
    'a/shared.yaml': 'orgs:\n  ci: {}\n',
    'b/orgcfg.yaml': 'version: 1\norgs:\n  prod: {}\n',
  });
  const lint = (files: string[]) => lintProjects(files.map((file) => loadProject(file, host))).filter((d) => d.ruleId === 'unique-org-name');

  it('reports the later project', () => {
    const found = lint(['a/orgcfg.yaml', 'b/orgcfg.yaml']);
    expect(found.map((d) => `${d.file}:${d.start?.line}:${d.start?.column}`)).toEqual(['b/orgcfg.yaml:3:3']);
    expect(found[0]?.message).toContain('already defined in a/orgcfg.yaml:4:3, in another project');
  });

  it('skips while a linted project has syntax errors', () => {
    const broken = memoryHost({
      'a/orgcfg.yaml': 'version: 1\norgs:\n  prod: {}\n',
      'b/orgcfg.yaml': 'version: 1\ninclude: more.yaml\norgs:\n  prod: {}\n',
      'b/more.yaml': 'orgs:\n  uat\n    sandbox: true\n',
    });
    const found = lintProjects(['a/orgcfg.yaml', 'b/orgcfg.yaml'].map((file) => loadProject(file, broken)));
    expect(found.filter((d) => d.ruleId === 'unique-org-name')).toEqual([]);
    expect(found.filter((d) => d.ruleId === 'yaml-syntax')).not.toEqual([]);
  });

  it('ignores a file linted twice', () => {
    expect(lint(['a/orgcfg.yaml', 'a/orgcfg.yaml'])).toEqual([]);
  });
});
