import type { Severity } from '../diagnostic.js';

/** Rule metadata for formatters. Lint rules satisfy it, so the report part need not import lint. */
export interface RuleInfo {
  readonly id: string;
  readonly defaultSeverity: Severity;
  readonly description: string;
  readonly explanation: string;
  readonly fixable: boolean;
}

/** Everything a lint formatter needs besides the diagnostics, passed in so formatters stay pure. */
export interface FormatContext {
  /** Whether to color the output; only stylish uses it. */
  readonly color: boolean;
  /** Every file that was linted, including clean ones, as given to orgcfg. */
  readonly files: readonly string[];
  readonly rules: readonly RuleInfo[];
  /** orgcfg's version, for tool metadata. */
  readonly version: string;
}

/** A lint output format: diagnostics in, the complete output text out. */
export type LintFormatter = (diagnostics: readonly import('../diagnostic.js').Diagnostic[], context: FormatContext) => string;
