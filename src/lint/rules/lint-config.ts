import { suggestClosest } from '../../schema/suggest.js';
import { asMap } from '../org-view.js';
import { FILE_LOCKED_RULES } from '../config.js';
import type { Rule } from '../rule.js';

/** A misspelt rule id in the lint block would otherwise be ignored without a word. */
export const lintConfig: Rule = {
  id: 'lint-config',
  defaultSeverity: 'error',
  description: 'The lint block of the project file must name existing rules',
  explanation:
    'The lint block sets rule severities: lint: { rules: { RULE: off | info | warning | error } }. A rule id that does not exist would be ignored, and the rule it was meant for would keep its default severity. The schema checks the severity words; this rule checks the ids and suggests the closest one. yaml-syntax and schema cannot be set in the file, so a file under review cannot switch off the checks it fails.',
  bad: 'lint:\n  rules:\n    api-version-outdate: off\n',
  good: 'lint:\n  rules:\n    api-version-outdated: off\n',
  fixable: false,
  check(project, report, context) {
    const root = project.sources[0];
    const rules = asMap(asMap(asMap(root?.data)?.lint)?.rules);
    if (!root || !rules) return;
    for (const id of Object.keys(rules)) {
      if (FILE_LOCKED_RULES.has(id)) {
        report({
          source: root,
          path: ['lint', 'rules', id],
          target: 'key',
          message: `lint.rules cannot change "${id}": a project file must not be able to switch off the checks it fails; remove the line (the command line's --rule can change schema)`,
        });
        continue;
      }
      if (context.knownRuleIds.includes(id)) continue;
      const close = suggestClosest(id, context.knownRuleIds);
      report({
        source: root,
        path: ['lint', 'rules', id],
        target: 'key',
        message: `lint.rules names unknown rule "${id}"${close ? `; did you mean "${close}"?` : '; orgcfg rules lists the rule ids'}`,
      });
    }
  },
};
