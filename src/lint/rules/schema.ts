import type { Rule } from '../rule.js';

/** The published JSON Schema, with ajv's errors rewritten into sentences. */
export const schema: Rule = {
  id: 'schema',
  defaultSeverity: 'error',
  description: 'The file must match schema/orgcfg.schema.json: known keys, types and auth fields',
  explanation:
    'Every file is checked against the published JSON Schema: unknown keys (with the closest known key suggested), values of the wrong type, missing auth fields for the chosen method. Two common YAML traps are fixable: an unquoted API version (YAML reads 60.0 as the number 60; the fix writes "60.0") and yes, no, on or off where a boolean is expected (strings in YAML 1.2; the fix writes true or false). The schema owns these two problems, so each is reported once, and verify refuses the same files.',
  bad: 'orgs:\n  prod:\n    apiVersion: 60.0\n    sandbox: no\n',
  good: 'orgs:\n  prod:\n    apiVersion: "60.0"\n    sandbox: false\n',
  fixable: true,
  // The loader reports these diagnostics; the rule carries severity, suppression and docs.
  check: () => {},
};
