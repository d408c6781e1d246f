import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatRulesMarkdown } from '../../src/lint/rule-docs.js';
import { RULES } from '../../src/lint/rules/index.js';

const root = new URL('../../', import.meta.url);
const read = (relative: string): string => fs.readFileSync(new URL(relative, root), 'utf8');

describe('rule registry', () => {
  it('is sorted by id without duplicates', () => {
    const ids = RULES.map((rule) => rule.id);
    expect(ids).toEqual([...new Set(ids)].sort());
  });

  it.each(RULES.map((rule) => [rule.id, rule] as const))('%s has a file, tests and docs', (id, rule) => {
    expect(fs.existsSync(new URL(`src/lint/rules/${id}.ts`, root))).toBe(true);
    expect(fs.existsSync(new URL(`test/lint/rules/${id}.test.ts`, root))).toBe(true);
    expect(read(`test/lint/rules/${id}.test.ts`)).toContain(`'${id}'`);
    expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
    expect(rule.description.length).toBeLessThanOrEqual(110);
    expect(rule.explanation.length).toBeGreaterThan(rule.description.length);
    expect(rule.bad).not.toBe(rule.good);
    expect(read('docs/rules.md')).toContain(`\n## ${id}\n`);
  });

  it('docs/rules.md matches the registry', () => {
    // Regenerate with: npm run docs:rules
    expect(read('docs/rules.md')).toBe(formatRulesMarkdown(RULES));
  });

  it('rule files match the registry', () => {
    const files = fs.readdirSync(new URL('src/lint/rules/', root)).filter((file) => file !== 'index.ts').map((file) => file.replace(/\.ts$/, ''));
    expect(files.sort()).toEqual(RULES.map((rule) => rule.id));
  });
});
