import { formatDataPath, type Diagnostic } from '../diagnostic.js';
import type { FormatContext } from './context.js';

const LEVELS = { error: 'error', warning: 'warning', info: 'note' } as const;

/**
 * Formats a SARIF 2.1.0 log for GitHub code scanning and other SARIF viewers: the rule
 * catalogue with help text, one result per diagnostic, and a fingerprint per result that does
 * not change when lines are added above the problem.
 */
export function formatSarif(diagnostics: readonly Diagnostic[], context: FormatContext): string {
  const ruleIds = [...new Set([...context.rules.map((rule) => rule.id), ...diagnostics.map((diagnostic) => diagnostic.ruleId)])];
  const byId = new Map(context.rules.map((rule) => [rule.id, rule]));
  const rules = ruleIds.map((id) => {
    const rule = byId.get(id);
    return {
      id,
      shortDescription: { text: rule?.description ?? id },
      ...(rule ? { fullDescription: { text: rule.explanation }, help: { text: `${rule.explanation} Run orgcfg rules ${id} for examples.`, markdown: `${rule.explanation}\n\nRun \`orgcfg rules ${id}\` for examples; docs/rules.md lists every rule.` } } : {}),
      defaultConfiguration: { level: LEVELS[rule?.defaultSeverity ?? 'error'] },
    };
  });

  const occurrences = new Map<string, number>();
  const results = diagnostics.map((diagnostic) => {
    const base = fingerprintOf(diagnostic);
    const count = (occurrences.get(base) ?? 0) + 1;
    occurrences.set(base, count);
    return {
      ruleId: diagnostic.ruleId,
      ruleIndex: ruleIds.indexOf(diagnostic.ruleId),
      level: LEVELS[diagnostic.severity],
      message: { text: diagnostic.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: toUri(diagnostic.file), ...(isAbsolute(diagnostic.file) ? {} : { uriBaseId: '%SRCROOT%' }) },
            ...(diagnostic.start ? { region: regionOf(diagnostic) } : {}),
          },
        },
      ],
      partialFingerprints: { 'orgcfgDiagnostic/v1': `${base}:${count}` },
    };
  });

  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'orgcfg', version: context.version, semanticVersion: context.version, rules } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function regionOf(diagnostic: Diagnostic): Record<string, number> {
  const { start, end } = diagnostic;
  const region: Record<string, number> = { startLine: start!.line, startColumn: start!.column };
  // SARIF forbids an end before the start; zero-width ranges keep only the start.
  if (end && (end.line > start!.line || (end.line === start!.line && end.column > start!.column))) {
    region.endLine = end.line;
    region.endColumn = end.column;
  }
  return region;
}

/**
 * Hashes what identifies a problem independently of its line: rule, file and data path, plus
 * the message for problems without a data path (such as text found in a comment).
 */
function fingerprintOf(diagnostic: Diagnostic): string {
  const key = [diagnostic.ruleId, diagnostic.file, formatDataPath(diagnostic.path), diagnostic.path.length === 0 ? diagnostic.message : ''].join('\u0000');
  // Loaded on first use: node:crypto takes about 5 ms to load, and most lint runs print stylish output.
  const { createHash } = process.getBuiltinModule('node:crypto');
  return createHash('sha256').update(key).digest('hex').slice(0, 32);
}

function isAbsolute(file: string): boolean {
  return file.startsWith('/') || /^[A-Za-z]:[\\/]/.test(file);
}

/** Turns a file path into a URI reference: relative paths stay relative to %SRCROOT%. */
function toUri(file: string): string {
  const slashed = file.replace(/\\/g, '/');
  const encoded = slashed.split('/').map(encodeURIComponent).join('/');
  if (/^[A-Za-z]:\//.test(slashed)) return `file:///${encoded.replace('%3A', ':')}`;
  return isAbsolute(slashed) ? `file://${encoded}` : encoded;
}
