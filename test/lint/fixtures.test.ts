import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintProjects } from '../../src/lint/lint.js';
import { loadProject } from '../../src/project/load.js';
import { formatStylish } from '../../src/report/format/stylish.js';

/**
 * Whole-file cases: test/fixtures/lint/<case>.yaml is linted alone and the stylish output must
 * equal <case>.out. Set UPDATE_FIXTURES=1 to rewrite the .out files, then review the diff.
 */
const directory = path.join(path.dirname(new URL(import.meta.url).pathname), '../fixtures/lint');
const cases = fs.readdirSync(directory).filter((file) => file.endsWith('.yaml')).sort();

describe('lint fixtures', () => {
  it('has cases', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  it.each(cases)('%s', (file) => {
    const host = { readFile: (name: string) => fs.readFileSync(path.join(directory, name), 'utf8'), glob: () => [] };
    const output = formatStylish(lintProjects([loadProject(file, host)]), { color: false });
    const expected = path.join(directory, file.replace(/\.yaml$/, '.out'));
    if (process.env.UPDATE_FIXTURES) fs.writeFileSync(expected, output);
    expect(output).toBe(fs.readFileSync(expected, 'utf8'));
  });
});
