import { suggestClosest } from '../../schema/suggest.js';
import { asMap } from '../org-view.js';
import type { Rule } from '../rule.js';

/** A misspelt rule id in the lint block would otherwise be ignored without a word. */
export const lintConfig: Rule = {
  id: 'lint-config',
  defaultSeverity: 'error',
  description: 'The lint block of the project file must name existing rules',
  explanation:
    'The lint block sets rule severities: lint: { rules: { RULE: off | info | warning | error } }. A rule id that does not exist would be ignored, and the rule it was meant for would keep its default severity. The schema checks the severity words; this rule checks the ids and suggests the closest one.',
  bad: 'lint:\n  rules:\n    api-version-outdate: off\n',
  good: 'lint:\n  rules:\n    api-version-outdated: off\n',
  fixable: false,
  check(project, report, context) {
    const root = project.sources[0];
    const rules = asMap(asMap(asMap(root?.data)?.lint)?.rules);
    if (!root || !rules) return;
    for (const id of Object.keys(rules)) {
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
