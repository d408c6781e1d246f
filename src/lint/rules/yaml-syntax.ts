import type { Rule } from '../rule.js';

/** YAML syntax errors and warnings from the parser. */
export const yamlSyntax: Rule = {
  id: 'yaml-syntax',
  defaultSeverity: 'error',
  description: 'The file must be one valid YAML 1.2 document',
  explanation:
    'orgcfg reads each file as one YAML 1.2 document. A syntax error (a duplicate key, a tab used for indentation, an unclosed quote or bracket, a second document after ---) stops every other check of that file, and --fix writes nothing to it. Columns count characters, so a tab, a byte-order mark or CRLF line endings do not shift them.',
  bad: 'orgs:\n  prod: {}\n  prod: {}\n',
  good: 'orgs:\n  prod: {}\n  prod-eu: {}\n',
  fixable: false,
  // The loader reports these diagnostics; the rule carries severity, suppression and docs.
  check: () => {},
};
