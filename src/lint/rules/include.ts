import type { Rule } from '../rule.js';

/** Include patterns that leave the project directory, match nothing, or cannot be read. */
export const include: Rule = {
  id: 'include',
  defaultSeverity: 'error',
  description: 'include patterns must stay in the project directory and match files',
  explanation:
    'include lists org files relative to the project file. A pattern that leaves the project directory or is absolute is refused, so a reviewed project file cannot pull other files into a run. A path that matches nothing is an error; a glob that matches nothing is a warning. defaults, include and lint are only allowed in the project file itself.',
  bad: 'include:\n  - ../shared/orgs.yaml\n',
  good: 'include:\n  - orgs/*.yaml\n',
  fixable: false,
  // The loader reports these diagnostics; the rule carries severity, suppression and docs.
  check: () => {},
};
