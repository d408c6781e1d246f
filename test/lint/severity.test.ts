import { describe, expect, it } from 'vitest';
import { parseRuleOptions } from '../../src/lint/config.js';
import { lintCase } from './rule-tester.js';

const soap = 'orgs:\n  legacy:\n    apiVersion: "64.0"\n    auth: { method: soap-password, username: u@acme.com, password: "${P}", securityToken: "${T}" }\n';
const ruleOf = (id: string, diagnostics: ReturnType<typeof lintCase>) => diagnostics.filter((d) => d.ruleId === id);

describe('rule severities', () => {
  it('uses the default severity', () => {
    expect(ruleOf('soap-login-retiring', lintCase(soap)).map((d) => d.severity)).toEqual(['warning']);
  });

  it('takes the lint block of the project file', () => {
    const diagnostics = lintCase(`lint:\n  rules:\n    soap-login-retiring: error\n${soap}`);
    expect(ruleOf('soap-login-retiring', diagnostics).map((d) => d.severity)).toEqual(['error']);
  });

  it('lets the command line win over the file', () => {
    const diagnostics = lintCase({ code: `lint:\n  rules:\n    soap-login-retiring: error\n${soap}`, severities: { 'soap-login-retiring': 'off' } });
    expect(ruleOf('soap-login-retiring', diagnostics)).toEqual([]);
  });

  it('turns off loader rules too', () => {
    const diagnostics = lintCase({ code: 'defaults:\n  sandbox: yes\n', severities: { schema: 'off' } });
    expect(diagnostics).toEqual([]);
  });
});

describe('parseRuleOptions', () => {
  const ids = ['schema', 'soap-login-retiring'];
  const suggest = (id: string) => (id.startsWith('soap') ? 'soap-login-retiring' : undefined);

  it('parses id=severity pairs, later ones winning', () => {
    expect(parseRuleOptions(['schema=warning', 'schema=off'], ids, suggest)).toEqual({ ok: true, severities: { schema: 'off' } });
  });

  it.each([
    ['schema', 'invalid --rule "schema"'],
    ['schema=warn', 'invalid --rule "schema=warn"'],
    ['soap-login=off', 'did you mean "soap-login-retiring"?'],
  ])('rejects %s', (value, message) => {
    const result = parseRuleOptions([value], ids, suggest);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(message);
  });
});

describe('inline suppression', () => {
  const directive = (line: string) => soap.replace('    auth:', `    ${line}\n    auth:`);

  it('hides the rule on the next content line', () => {
    const diagnostics = lintCase(directive('# orgcfg-disable-next-line soap-login-retiring -- replaced by jwt in Q3'));
    expect(ruleOf('soap-login-retiring', diagnostics)).toEqual([]);
    expect(diagnostics.filter((d) => d.ruleId.endsWith('disable-directive'))).toEqual([]);
  });

  it('skips blank and comment lines to the target', () => {
    const diagnostics = lintCase(directive('# orgcfg-disable-next-line soap-login-retiring -- why\n\n    # another comment'));
    expect(ruleOf('soap-login-retiring', diagnostics)).toEqual([]);
  });

  it('keeps other rules on that line', () => {
    const diagnostics = lintCase(directive('# orgcfg-disable-next-line security-token-missing -- why'));
    expect(ruleOf('soap-login-retiring', diagnostics)).toHaveLength(1);
    expect(ruleOf('unused-disable-directive', diagnostics)).toHaveLength(1);
  });

  it('suppresses nothing without a reason', () => {
    const diagnostics = lintCase(directive('# orgcfg-disable-next-line soap-login-retiring'));
    expect(ruleOf('soap-login-retiring', diagnostics)).toHaveLength(1);
    expect(ruleOf('invalid-disable-directive', diagnostics)).toHaveLength(1);
  });
});
