/** Runs the format migrations that take a file from its format version to the newest one. */
import type { YamlSource } from '../project/yaml-source.js';
import type { FormatMigration } from './formats/index.js';
import { EditError, SourceEditor } from './source-editor.js';

/** A format step that ran, for the summary. */
export interface FormatStep {
  readonly from: number;
  readonly to: number;
  readonly description: string;
}

/** The text after the steps that ran, and the reason the chain stopped early, if it did. */
export interface FormatChainResult {
  readonly source: YamlSource;
  readonly steps: readonly FormatStep[];
  readonly error?: string;
}

/**
 * Applies `migrations` in order, starting at the file's `version` (1 when absent) and ending
 * at `newest`. Stops with an error when no migration starts at the current version, when the
 * file is newer than `newest`, or when a step produces text that does not hold its data.
 */
export function runFormatChain(source: YamlSource, migrations: readonly FormatMigration[], newest: number): FormatChainResult {
  const declared = (source.data as { version?: unknown } | null | undefined)?.version;
  if (declared !== undefined && (typeof declared !== 'number' || !Number.isInteger(declared) || declared < 1)) {
    return { source, steps: [], error: `version ${JSON.stringify(declared)} is not a format version; write version: ${newest}` };
  }
  let version = declared ?? 1;
  if (version > newest) {
    return { source, steps: [], error: `the file has format version ${version}, but this orgcfg knows formats up to ${newest}; update orgcfg` };
  }

  let current = source;
  const steps: FormatStep[] = [];
  while (version < newest) {
    const step = migrations.find((migration) => migration.from === version);
    if (!step || step.to <= step.from) {
      return { source: current, steps, error: `no migration from format version ${version} toward ${newest}; this orgcfg cannot upgrade the file's format` };
    }
    const editor = new SourceEditor(current);
    try {
      step.migrate(editor);
      editor.setFormatVersion(step.to);
      current = editor.finish();
    } catch (error) {
      if (!(error instanceof EditError)) throw error;
      return { source: current, steps, error: `format migration ${step.from} -> ${step.to} failed: ${error.message}` };
    }
    steps.push({ from: step.from, to: step.to, description: step.description });
    version = step.to;
  }
  return { source: current, steps };
}
