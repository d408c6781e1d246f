/**
 * The registry of file format migrations, oldest first. Each migration lives in its own file,
 * `<from>-to-<to>.ts`, and moves a file from one format version to the next. The engine runs
 * them in order from the file's `version` (1 when absent) up to CURRENT_FORMAT_VERSION.
 */
import type { SourceEditor } from '../source-editor.js';

/** The newest format version; the schema's `version` constant must match it. */
export const CURRENT_FORMAT_VERSION = 1;

/** One step between two adjacent format versions. */
export interface FormatMigration {
  readonly from: number;
  readonly to: number;
  /** One sentence for the upgrade summary: what the step changes in the file. */
  readonly description: string;
  /**
   * Plans edits on a file of format `from`. The chain sets `version` itself, and checks after
   * each step that the file still parses and contains the data the editor recorded.
   */
  migrate(editor: SourceEditor): void;
}

/** Format 1 is the first published format, so there is nothing to migrate yet. */
export const FORMAT_MIGRATIONS: readonly FormatMigration[] = [];
