import type { Diagnostic } from '../diagnostic.js';
import type { FormatContext } from './context.js';

/**
 * Formats a JUnit XML report: one test suite per linted file, one failing test case per
 * diagnostic, and one passing case for a file without problems, so CI test views list every file.
 */
export function formatJunit(diagnostics: readonly Diagnostic[], context: FormatContext): string {
  const files = [...new Set([...context.files, ...diagnostics.map((diagnostic) => diagnostic.file)])];
  const suites = files.map((file) => {
    const own = diagnostics.filter((diagnostic) => diagnostic.file === file);
    const cases =
      own.length === 0
        ? [`    <testcase classname="${attribute(file)}" name="orgcfg lint"/>`]
        : own.map((diagnostic) => {
            const where = diagnostic.start ? `${diagnostic.start.line}:${diagnostic.start.column}` : '';
            const name = `${diagnostic.ruleId}${where ? ` at ${where}` : ''}`;
            const body = `${file}${where ? `:${where}` : ''}: ${diagnostic.severity}: ${diagnostic.message} [${diagnostic.ruleId}]`;
            return [
              `    <testcase classname="${attribute(file)}" name="${attribute(name)}">`,
              `      <failure type="${diagnostic.severity}" message="${attribute(diagnostic.message)}">${xml(body)}</failure>`,
              '    </testcase>',
            ].join('\n');
          });
    return [
      `  <testsuite name="${attribute(file)}" tests="${Math.max(own.length, 1)}" failures="${own.length}" errors="0">`,
      ...cases,
      '  </testsuite>',
    ].join('\n');
  });
  const tests = files.reduce((sum, file) => sum + Math.max(diagnostics.filter((diagnostic) => diagnostic.file === file).length, 1), 0);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="orgcfg lint" tests="${tests}" failures="${diagnostics.length}" errors="0">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}

/** Escapes text for an XML attribute, where a raw line break would be read back as a space. */
function attribute(text: string): string {
  return xml(text).replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}

/** Escapes text for XML content, and drops characters XML 1.0 cannot carry. */
function xml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
