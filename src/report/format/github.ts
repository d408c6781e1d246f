import type { Diagnostic } from '../diagnostic.js';

const COMMANDS = { error: 'error', warning: 'warning', info: 'notice' } as const;

/**
 * Formats diagnostics as GitHub Actions workflow commands, which the runner turns into
 * annotations on the pull request. Positions are 1-based, as GitHub expects.
 */
export function formatGithub(diagnostics: readonly Diagnostic[]): string {
  return diagnostics
    .map((diagnostic) => {
      const properties = [`file=${escapeProperty(diagnostic.file)}`];
      if (diagnostic.start) {
        properties.push(`line=${diagnostic.start.line}`, `col=${diagnostic.start.column}`);
        if (diagnostic.end) properties.push(`endLine=${diagnostic.end.line}`, `endColumn=${diagnostic.end.column}`);
      }
      properties.push(`title=${escapeProperty(`orgcfg ${diagnostic.ruleId}`)}`);
      return `::${COMMANDS[diagnostic.severity]} ${properties.join(',')}::${escapeData(`${diagnostic.message} [${diagnostic.ruleId}]`)}\n`;
    })
    .join('');
}

/** Escapes a message, where `%`, CR and LF would end or corrupt the command. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a property value, where `:` and `,` also separate the command's parts. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
