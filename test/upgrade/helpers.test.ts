import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { updateEnvExample } from '../../src/upgrade/env-example.js';
import { redactLiteralSecrets } from '../../src/upgrade/redact.js';
import { applyTextEdits } from '../../src/upgrade/text-edit.js';
import { formatUnifiedDiff } from '../../src/report/unified-diff.js';
import { chooseVariableNames } from '../../src/project/variable-names.js';

describe('variable names', () => {
  const none = new Map<string, string[]>();
  const roles = ['CLIENT_ID', 'CLIENT_SECRET'] as const;

  it.each([
    ['SF_LEGACY_PASSWORD', 'SF_LEGACY_CLIENT_ID', 'SF_LEGACY_CLIENT_SECRET'],
    ['sf_legacy_password', 'sf_legacy_client_id', 'sf_legacy_client_secret'],
    ['sfLegacyPassword', 'sfLegacyClientId', 'sfLegacyClientSecret'],
    ['ACME_UAT_PW', 'ACME_UAT_CLIENT_ID', 'ACME_UAT_CLIENT_SECRET'],
  ])('%s gives %s and %s', (variable, clientId, clientSecret) => {
    const names = chooseVariableNames('legacy', [variable], none, new Set(), roles);
    expect(names.CLIENT_ID).toBe(clientId);
    expect(names.CLIENT_SECRET).toBe(clientSecret);
  });

  it('follows the project pattern when the own name has no suffix', () => {
    const others = new Map([['prod', ['ACME_PROD_CLIENT_ID']]]);
    const names = chooseVariableNames('legacy', ['SECRET1'], others, new Set(), roles);
    expect(names.CLIENT_ID).toBe('ACME_LEGACY_CLIENT_ID');
  });

  it('falls back to SF_ and the org name', () => {
    const names = chooseVariableNames('my-org.eu', [], none, new Set(), roles);
    expect(names.CLIENT_ID).toBe('SF_MY_ORG_EU_CLIENT_ID');
  });

  it('passes over names that are taken', () => {
    const names = chooseVariableNames('legacy', ['SF_PASSWORD'], none, new Set(['SF_CLIENT_ID', 'SF_LEGACY_CLIENT_ID']), roles);
    expect(names.CLIENT_ID).toBe('SF_LEGACY_2_CLIENT_ID');
  });
});

describe('.env.example update', () => {
  const variables = [
    { name: 'SF_A_CLIENT_ID', org: 'a', purpose: 'consumer key' },
    { name: 'SF_A_CLIENT_SECRET', org: 'a', purpose: 'consumer secret' },
  ];

  it('appends missing names and keeps the rest', () => {
    const update = updateEnvExample('# header\nSF_A_CLIENT_ID=\nOTHER=1', variables);
    expect(update.added).toEqual(['SF_A_CLIENT_SECRET']);
    expect(update.output).toBe('# header\nSF_A_CLIENT_ID=\nOTHER=1\n# org a: added by orgcfg upgrade\n# consumer secret\nSF_A_CLIENT_SECRET=\n');
  });

  it('keeps CRLF line endings', () => {
    const update = updateEnvExample('X=\r\n', variables);
    expect(update.output).toBe('X=\r\n# org a: added by orgcfg upgrade\r\n# consumer key\r\nSF_A_CLIENT_ID=\r\n# consumer secret\r\nSF_A_CLIENT_SECRET=\r\n');
  });

  it('changes nothing when every name is listed', () => {
    const text = 'export SF_A_CLIENT_ID=\nSF_A_CLIENT_SECRET = \n';
    expect(updateEnvExample(text, variables)).toEqual({ output: text, added: [], removed: [] });
  });

  it('removes unused names with their own comments', () => {
    const text = '# header\nKEEP=\n\n# the old password\nSF_A_PASSWORD=\n\n# login\nSF_A_USER=\nSF_A_TOKEN=\nLAST=\n';
    const update = updateEnvExample(text, [], ['SF_A_PASSWORD', 'SF_A_TOKEN', 'NOT_LISTED']);
    expect(update.removed).toEqual(['SF_A_PASSWORD', 'SF_A_TOKEN']);
    expect(update.output).toBe('# header\nKEEP=\n\n# login\nSF_A_USER=\nLAST=\n');
  });

  it('keeps the file header and group comments', () => {
    const update = updateEnvExample('# Copy to .env\nSF_A_PASSWORD=\n\n# soap\nSF_B_PASSWORD=\nSF_B_TOKEN=\n', [], ['SF_A_PASSWORD', 'SF_B_PASSWORD', 'SF_B_TOKEN']);
    expect(update.output).toBe('# Copy to .env\n\n# soap\n');
  });

  it('removes and appends in one update', () => {
    const update = updateEnvExample('X=\r\n# the password\r\nSF_A_PASSWORD=\r\n', variables.slice(0, 1), ['SF_A_PASSWORD']);
    expect(update.output).toBe('X=\r\n# org a: added by orgcfg upgrade\r\n# consumer key\r\nSF_A_CLIENT_ID=\r\n');
    expect(update.added).toEqual(['SF_A_CLIENT_ID']);
    expect(update.removed).toEqual(['SF_A_PASSWORD']);
  });
});

describe('unified diff', () => {
  it('prints hunks with three lines of context', () => {
    const before = 'a\nb\nc\nd\ne\nf\ng\nh\n';
    const after = 'a\nb\nc\nd\nE\nf\ng\nh\n';
    expect(formatUnifiedDiff('f.yaml', before, after)).toBe('--- f.yaml\n+++ f.yaml\n@@ -2,7 +2,7 @@\n b\n c\n d\n-e\n+E\n f\n g\n h\n');
  });

  it('marks a missing final newline', () => {
    expect(formatUnifiedDiff('f', 'a\nb', 'a\nc')).toBe('--- f\n+++ f\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n');
  });

  it('prints insertions into an empty file', () => {
    expect(formatUnifiedDiff('f', '', 'x\n')).toBe('--- f\n+++ f\n@@ -0,0 +1 @@\n+x\n');
  });

  it('is empty for equal texts', () => {
    expect(formatUnifiedDiff('f', 'same\n', 'same\n')).toBe('');
  });
});

describe('text edits and redaction', () => {
  it('rejects overlapping edits', () => {
    expect(() => applyTextEdits('abcdef', [{ start: 1, end: 4, text: 'x' }, { start: 2, end: 3, text: 'y' }])).toThrow('overlapping');
  });

  it('puts an insertion before a replacement at the same offset', () => {
    expect(applyTextEdits('abc', [{ start: 1, end: 2, text: 'B' }, { start: 1, end: 1, text: '+' }])).toBe('a+Bc');
  });

  it('hides literal secrets and keeps references', () => {
    const text = 'orgs:\n  a:\n    auth:\n      method: soap-password\n      username: u\n      password: hunter2\n      securityToken: ${SF_A_TOKEN}\n';
    const redacted = redactLiteralSecrets(text);
    expect(redacted).not.toContain('hunter2');
    expect((parse(redacted) as { orgs: { a: { auth: Record<string, string> } } }).orgs.a.auth).toEqual({
      method: 'soap-password',
      username: 'u',
      password: '<redacted>',
      securityToken: '${SF_A_TOKEN}',
    });
  });
});
