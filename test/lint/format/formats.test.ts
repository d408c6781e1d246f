import fs from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv2020 } from 'ajv/dist/2020.js';
import AjvDraft04Module from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../../src/lint/rules/index.js';
import type { Diagnostic } from '../../../src/report/diagnostic.js';
import type { FormatContext } from '../../../src/report/format/context.js';
import { escapeData, escapeProperty, formatGithub } from '../../../src/report/format/github.js';
import { formatLintJson } from '../../../src/report/format/json.js';
import { formatJunit } from '../../../src/report/format/junit.js';
import { formatSarif } from '../../../src/report/format/sarif.js';
import { formatStylish } from '../../../src/report/format/stylish.js';

const require = createRequire(import.meta.url);
const AjvDraft04 = AjvDraft04Module.default;

/** Diagnostics covering every severity, a missing position, characters to escape and two files. */
const DIAGNOSTICS: Diagnostic[] = [
  {
    ruleId: 'login-url-format',
    severity: 'error',
    message: 'org "prod": loginUrl "https://acme.my.salesforce.com/" ends with a slash, so requests go to //services/...; write https://acme.my.salesforce.com',
    file: 'orgcfg.yaml',
    start: { line: 4, column: 15 },
    end: { line: 4, column: 46 },
    path: ['orgs', 'prod', 'loginUrl'],
    fix: { range: [60, 91], text: 'https://acme.my.salesforce.com' },
  },
  {
    ruleId: 'soap-login-retiring',
    severity: 'warning',
    message: "org \"a,b\": 50% <done> & 'quoted'\nsecond line: with colon",
    file: 'orgs/legacy team.yaml',
    start: { line: 7, column: 15 },
    end: { line: 7, column: 28 },
    path: ['orgs', 'a,b', 'auth', 'method'],
  },
  {
    ruleId: 'sandbox-username-suffix',
    severity: 'info',
    message: 'org "uat": sandbox username "ci@acme.com" has no .uat suffix',
    file: 'orgs/legacy team.yaml',
    start: { line: 9, column: 17 },
    end: { line: 9, column: 17 },
    path: ['orgs', 'uat', 'auth', 'username'],
  },
  { ruleId: 'io', severity: 'error', message: 'cannot read missing.yaml: no such file or directory', file: 'missing.yaml', path: [] },
];

const CONTEXT: FormatContext = {
  color: false,
  files: ['orgcfg.yaml', 'orgs/clean.yaml', 'orgs/legacy team.yaml'],
  rules: RULES,
  version: '0.1.0',
};

const golden = (name: string): string => fs.readFileSync(new URL(`golden/${name}`, import.meta.url), 'utf8');

describe('format golden files', () => {
  it.each([
    ['stylish.txt', () => formatStylish(DIAGNOSTICS, { color: false })],
    ['report.json', () => formatLintJson(DIAGNOSTICS)],
    ['report.sarif', () => formatSarif(DIAGNOSTICS, CONTEXT)],
    ['junit.xml', () => formatJunit(DIAGNOSTICS, CONTEXT)],
    ['github.txt', () => formatGithub(DIAGNOSTICS)],
  ])('%s', (name, format) => {
    // Set UPDATE_GOLDEN=1 to rewrite the files after an intended change, then review the diff.
    if (process.env.UPDATE_GOLDEN) fs.writeFileSync(new URL(`golden/${name}`, import.meta.url), format());
    expect(format()).toBe(golden(name));
  });
});

describe('sarif', () => {
  // The official SARIF 2.1.0 schema (OASIS, final "rtm.5" revision) is JSON Schema draft-04, and one
  // of its patterns is not valid in unicode mode, hence unicodeRegExp: false.
  const schema = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json') as Record<string, unknown>;
  const validate = new AjvDraft04({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false }).compile(schema);

  it('validates against the SARIF 2.1.0 schema', () => {
    const log = JSON.parse(formatSarif(DIAGNOSTICS, CONTEXT));
    expect(validate(log) ? [] : validate.errors).toEqual([]);
  });

  it('validates with no results', () => {
    expect(validate(JSON.parse(formatSarif([], CONTEXT)))).toBe(true);
  });

  it('rejects a broken log, so the check can fail', () => {
    const log = JSON.parse(formatSarif(DIAGNOSTICS, CONTEXT));
    log.runs[0].results[0].level = 'fatal';
    expect(validate(log)).toBe(false);
  });

  it('keeps fingerprints when lines move', () => {
    const moved = DIAGNOSTICS.map((d) => (d.start ? { ...d, start: { line: d.start.line + 5, column: d.start.column } } : d));
    const prints = (list: Diagnostic[]) => JSON.parse(formatSarif(list, CONTEXT)).runs[0].results.map((r: { partialFingerprints: unknown }) => r.partialFingerprints);
    expect(prints(moved)).toEqual(prints(DIAGNOSTICS));
  });

  it('gives each rule help text', () => {
    const rules = JSON.parse(formatSarif([], CONTEXT)).runs[0].tool.driver.rules as { id: string; help?: { text: string } }[];
    expect(rules.map((rule) => rule.id)).toEqual(RULES.map((rule) => rule.id));
    expect(rules.every((rule) => (rule.help?.text.length ?? 0) > 40)).toBe(true);
  });
});

describe('github escaping', () => {
  it('escapes message data', () => {
    expect(escapeData('50%\r\nnext')).toBe('50%25%0D%0Anext');
  });

  it('escapes property separators', () => {
    expect(escapeProperty('a,b: c%')).toBe('a%2Cb%3A c%25');
  });
});

describe('json report schema', () => {
  const schema = JSON.parse(fs.readFileSync(new URL('../../../schema/report.schema.json', import.meta.url), 'utf8'));
  const validate = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true }).compile(schema);

  it('accepts the lint report', () => {
    const report = JSON.parse(formatLintJson(DIAGNOSTICS));
    expect(validate(report) ? [] : validate.errors).toEqual([]);
  });

  it('rejects an unknown severity', () => {
    const report = JSON.parse(formatLintJson(DIAGNOSTICS));
    report.diagnostics[0].severity = 'fatal';
    expect(validate(report)).toBe(false);
  });
});
