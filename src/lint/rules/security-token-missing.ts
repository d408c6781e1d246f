import { orgViews } from '../org-view.js';
import type { Rule } from '../rule.js';
import { suggestVariable } from '../variable-suggestions.js';

const PASSWORD_METHODS = new Set(['soap-password', 'oauth-password']);

/** Password logins from outside the org's trusted IP ranges need the security token. */
export const securityTokenMissing: Rule = {
  id: 'security-token-missing',
  defaultSeverity: 'warning',
  description: 'soap-password and oauth-password logins without a security token',
  explanation:
    'Salesforce accepts a username-and-password login without the security token only from an IP address in the org\'s trusted IP ranges. From anywhere else, such as a CI runner, the login fails with LOGIN_MUST_USE_SECURITY_TOKEN or INVALID_LOGIN. orgcfg appends securityToken to the password at login time. If every caller is inside the trusted ranges, suppress the warning with a reason.',
  bad: 'auth:\n  method: soap-password\n  username: integration@acme.com\n  password: ${SF_PROD_PASSWORD}\n',
  good: 'auth:\n  method: soap-password\n  username: integration@acme.com\n  password: ${SF_PROD_PASSWORD}\n  securityToken: ${SF_PROD_SECURITY_TOKEN}\n',
  fixable: false,
  check(project, report) {
    for (const org of orgViews(project)) {
      if (!org.method || !PASSWORD_METHODS.has(org.method) || 'securityToken' in org.auth) continue;
      const variable = suggestVariable(project, org.name, 'securityToken');
      report({
        source: org.source,
        path: [...org.path, 'auth'],
        target: 'key',
        message: `org "${org.name}": auth has no securityToken, and Salesforce rejects ${org.method} logins from outside the org's trusted IP ranges without one (LOGIN_MUST_USE_SECURITY_TOKEN); add securityToken: \${${variable}}`,
      });
    }
  },
};
