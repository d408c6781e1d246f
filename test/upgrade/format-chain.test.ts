import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseYamlSource } from '../../src/project/yaml-source.js';
import { runFormatChain } from '../../src/upgrade/format-chain.js';
import { CURRENT_FORMAT_VERSION, FORMAT_MIGRATIONS, type FormatMigration } from '../../src/upgrade/formats/index.js';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Test migrations: 1 -> 2 and 2 -> 3 each rewrite a marker value; 3 -> 4 serves the gap case. */
const ONE_TO_TWO: FormatMigration = {
  from: 1,
  to: 2,
  description: 'marks the defaults as format 2',
  migrate(editor) {
    editor.replaceScalar(['defaults', 'apiVersion'], '2.0');
  },
};
const TWO_TO_THREE: FormatMigration = {
  from: 2,
  to: 3,
  description: 'marks the defaults as format 3',
  migrate(editor) {
    // Reads the value that 1 -> 2 wrote, which shows the steps run on each other's output.
    const { defaults } = editor.source.data as { defaults: { apiVersion: string } };
    editor.replaceScalar(['defaults', 'apiVersion'], `${defaults.apiVersion}+3`);
  },
};
const THREE_TO_FOUR: FormatMigration = { from: 3, to: 4, description: 'unused', migrate() {} };

const TEXT = '# header\nversion: 1 # format\ndefaults:\n  apiVersion: "1.0" # marker\n';

describe('format migration chain', () => {
  it('runs the steps in order and reports each one', () => {
    const result = runFormatChain(parseYamlSource(TEXT, 'f.yaml'), [TWO_TO_THREE, ONE_TO_TWO], 3);
    expect(result.error).toBeUndefined();
    expect(result.steps.map((step) => `${step.from}->${step.to}: ${step.description}`)).toEqual([
      '1->2: marks the defaults as format 2',
      '2->3: marks the defaults as format 3',
    ]);
    expect(result.source.text).toBe('# header\nversion: 3 # format\ndefaults:\n  apiVersion: "2.0+3" # marker\n');
  });

  it('stops at a gap and names the missing version', () => {
    const result = runFormatChain(parseYamlSource(TEXT, 'f.yaml'), [ONE_TO_TWO, THREE_TO_FOUR], 4);
    expect(result.steps.map((step) => step.to)).toEqual([2]);
    expect(result.error).toContain('no migration from format version 2');
  });

  it('adds version after the header when it was absent', () => {
    const text = '# org file\ndefaults:\n  apiVersion: "1.0"\n';
    const result = runFormatChain(parseYamlSource(text, 'f.yaml'), [ONE_TO_TWO], 2);
    expect(result.source.text).toBe('# org file\nversion: 2\ndefaults:\n  apiVersion: "2.0"\n');
  });

  it('rejects a file newer than the newest format', () => {
    const result = runFormatChain(parseYamlSource('version: 5\n', 'f.yaml'), [ONE_TO_TWO], 2);
    expect(result.error).toContain('format version 5');
    expect(result.steps).toEqual([]);
  });

  it('does nothing at the newest format', () => {
    const source = parseYamlSource(TEXT, 'f.yaml');
    const result = runFormatChain(source, [ONE_TO_TWO], 1);
    expect(result.steps).toEqual([]);
    expect(result.source.text).toBe(TEXT);
  });
});

describe('format migration registry', () => {
  it('steps are adjacent and end at the current version', () => {
    let version = 1;
    for (const migration of FORMAT_MIGRATIONS) {
      expect(migration.from).toBe(version);
      expect(migration.to).toBe(version + 1);
      version = migration.to;
    }
    expect(version).toBe(CURRENT_FORMAT_VERSION);
  });

  it('each step has its own <from>-to-<to>.ts file', () => {
    const directory = path.join(ROOT, 'src', 'upgrade', 'formats');
    const files = fs.readdirSync(directory).filter((file) => file !== 'index.ts').sort();
    expect(files).toEqual(FORMAT_MIGRATIONS.map((migration) => `${migration.from}-to-${migration.to}.ts`).sort());
  });

  it('the current version matches the schema constant', () => {
    const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'schema', 'orgcfg.schema.json'), 'utf8')) as { properties: { version: { const: number } } };
    expect(schema.properties.version.const).toBe(CURRENT_FORMAT_VERSION);
  });
});
