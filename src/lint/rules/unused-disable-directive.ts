import type { Rule } from '../rule.js';

/** Directives that hide nothing, usually left behind after a fix. */
export const unusedDisableDirective: Rule = {
  id: 'unused-disable-directive',
  defaultSeverity: 'warning',
  description: 'orgcfg-disable-next-line directives that suppress nothing',
  explanation:
    'A directive whose rule reports nothing on the next content line is left over from a problem that was fixed or moved. Left in place, it would hide the problem if it came back. Remove the rule from the directive, or the whole comment.',
  bad: '# orgcfg-disable-next-line api-version-outdated -- old integration\napiVersion: "66.0"\n',
  good: 'apiVersion: "66.0"\n',
  fixable: false,
  // The lint runner reports these diagnostics; the rule carries severity, suppression and docs.
  check: () => {},
};
