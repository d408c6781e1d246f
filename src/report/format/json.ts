import { countBySeverity, type Diagnostic } from '../diagnostic.js';
import type { OrgResult } from '../org-result.js';

/** Version of the JSON report layout; raised on any incompatible change. */
export const REPORT_FORMAT_VERSION = 1;

export interface JsonReport {
  readonly reportVersion: typeof REPORT_FORMAT_VERSION;
  readonly tool: 'orgcfg';
  readonly command: 'lint' | 'verify';
  readonly diagnostics: readonly Diagnostic[];
  readonly results?: readonly OrgResult[];
  readonly summary: Readonly<Record<string, number>>;
}

/** Formats a lint run as one JSON document. */
export function formatLintJson(diagnostics: readonly Diagnostic[]): string {
  const counts = countBySeverity(diagnostics);
  const report: JsonReport = {
    reportVersion: REPORT_FORMAT_VERSION,
    tool: 'orgcfg',
    command: 'lint',
    diagnostics,
    summary: { errors: counts.error, warnings: counts.warning, infos: counts.info },
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** Formats a verify run as one JSON document. */
export function formatVerifyJson(results: readonly OrgResult[], diagnostics: readonly Diagnostic[]): string {
  const report: JsonReport = {
    reportVersion: REPORT_FORMAT_VERSION,
    tool: 'orgcfg',
    command: 'verify',
    diagnostics,
    results,
    summary: {
      orgs: results.length,
      ok: results.filter((result) => result.status === 'ok').length,
      failed: results.filter((result) => result.status === 'failed').length,
      skipped: results.filter((result) => result.status === 'skipped').length,
    },
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}
