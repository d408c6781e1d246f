import type { Rule } from '../rule.js';

/** Directives that are malformed: no rule, an unknown rule, or no reason. */
export const invalidDisableDirective: Rule = {
  id: 'invalid-disable-directive',
  defaultSeverity: 'error',
  description: 'orgcfg-disable-next-line directives must name known rules and give a reason',
  explanation:
    'A comment # orgcfg-disable-next-line RULE[, RULE...] -- reason hides the listed rules on the next line with YAML content. The reason after -- is required, so reviewers can judge the exception later. A directive without a reason, without a rule, or with an unknown rule suppresses nothing and is reported.',
  bad: 'orgs:\n  legacy:\n    auth:\n      # orgcfg-disable-next-line soap-login-retiring\n      method: soap-password\n',
  good: 'orgs:\n  legacy:\n    auth:\n      # orgcfg-disable-next-line soap-login-retiring -- replaced by the jwt org in Q3\n      method: soap-password\n',
  fixable: false,
  // The lint runner reports these diagnostics; the rule carries severity, suppression and docs.
  check: () => {},
};
