/**
 * Hides literal secrets in text that upgrade prints. A secret field should hold a reference
 * such as ${SF_PROD_PASSWORD}; when a file holds the value itself, the dry-run diff would
 * otherwise show it.
 */
import { isSingleReferenceWithoutDefault, parseTemplate } from '../project/references.js';
import { isSecretPath } from '../project/secret-fields.js';
import { parseYamlSource } from '../project/yaml-source.js';
import { scalarRanges } from './source-editor.js';
import { applyTextEdits } from './text-edit.js';

/** The placeholder printed in place of a hidden value. */
export const REDACTED = '<redacted>';

/** Returns `text` with the value of every secret field that is not a plain reference replaced. */
export function redactLiteralSecrets(text: string): string {
  const source = parseYamlSource(text, 'redact');
  const ranges = scalarRanges(source, (path, value) => isSecretPath(path) && !isPlainReference(value));
  return applyTextEdits(text, ranges.map(([start, end]) => ({ start, end, text: REDACTED })));
}

function isPlainReference(value: string): boolean {
  try {
    return isSingleReferenceWithoutDefault(parseTemplate(value));
  } catch {
    return false;
  }
}
