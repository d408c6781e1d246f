import { describe, expect, it } from 'vitest';
import { lintProject } from '../../src/lint/lint.js';
import { parseRuleOptions } from '../../src/lint/config.js';
import { loadProject } from '../../src/project/load.js';
import { memoryHost } from '../helpers/memory-host.js';

describe('locked rule severities', () => {
  it('ignores and reports yaml-syntax and schema in the project file', () => {
    const text = 'version: 1\nlint:\n  rules:\n    schema: off\norgs:\n  x:\n    apiVersion: 60\n    loginUrl: https://a.my.salesforce.com\n    auth: { method: client-credentials, clientId: a, clientSecret: "${S}" }\n';
    const diagnostics = lintProject(loadProject('orgcfg.yaml', memoryHost({ 'orgcfg.yaml': text })));
    expect(diagnostics.map((d) => `${d.start?.line}:${d.start?.column} ${d.ruleId}`)).toEqual(['4:5 lint-config', '7:17 schema']);
  });

  it('rejects --rule yaml-syntax=off', () => {
    const result = parseRuleOptions(['yaml-syntax=off'], ['yaml-syntax', 'schema'], () => undefined);
    expect(result).toEqual({ ok: false, message: '--rule cannot change yaml-syntax: a file that is not valid YAML always fails lint' });
  });

  it('lets --rule change schema', () => {
    expect(parseRuleOptions(['schema=warning'], ['yaml-syntax', 'schema'], () => undefined)).toEqual({ ok: true, severities: { schema: 'warning' } });
  });
});
