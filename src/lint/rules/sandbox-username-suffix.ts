import { sandboxNameOf } from '../../salesforce/login-hosts.js';
import { hasReference, orgViews } from '../org-view.js';
import type { Rule } from '../rule.js';
import { hostOf } from './client-credentials-my-domain.js';

/**
 * Top-level domains common in usernames. A sandbox username ending in one of them most likely
 * lacks the .SANDBOXNAME suffix; one ending in anything else may already carry it.
 */
const COMMON_TLDS = new Set(['com', 'org', 'net', 'io', 'co', 'edu', 'gov', 'biz', 'info', 'de', 'uk', 'fr', 'jp', 'au', 'ca', 'nl', 'in', 'us', 'ch', 'se', 'dk', 'no', 'es', 'it', 'eu', 'nz', 'br', 'mx', 'be', 'at', 'pl', 'ie', 'fi']);

/** Salesforce renames every user when it creates a sandbox, so production usernames do not work there. */
export const sandboxUsernameSuffix: Rule = {
  id: 'sandbox-username-suffix',
  defaultSeverity: 'info',
  description: 'Sandbox usernames without the .SANDBOXNAME suffix',
  explanation:
    'When Salesforce creates or refreshes a sandbox, it appends .SANDBOXNAME to every username: integration@acme.com becomes integration@acme.com.uat in sandbox uat. A sandbox org whose username ends like a production username will most likely fail with INVALID_LOGIN. The check knows the sandbox name from a sandbox My Domain login URL; otherwise it looks for a username that ends in a common top-level domain. It is a hint, because a username may legitimately differ.',
  bad: 'orgs:\n  uat:\n    sandbox: true\n    auth:\n      method: jwt\n      username: integration@acme.com\n',
  good: 'orgs:\n  uat:\n    sandbox: true\n    auth:\n      method: jwt\n      username: integration@acme.com.uat\n',
  fixable: false,
  check(project, report) {
    for (const org of orgViews(project)) {
      const username = org.auth.username;
      if (org.sandbox?.value !== true || typeof username !== 'string' || hasReference(username) || !username.includes('@')) continue;
      const host = org.loginUrl && !hasReference(org.loginUrl.value) ? hostOf(org.loginUrl.value.trim()) : undefined;
      const sandboxName = host ? sandboxNameOf(host) : undefined;
      const lastLabel = username.slice(username.lastIndexOf('.') + 1).toLowerCase();
      const missing = sandboxName ? !username.toLowerCase().endsWith(`.${sandboxName}`) : COMMON_TLDS.has(lastLabel);
      if (!missing) continue;
      const suffix = sandboxName ?? 'SANDBOXNAME';
      report({
        source: org.source,
        path: [...org.path, 'auth', 'username'],
        message: `org "${org.name}": sandbox username "${username}" has no .${suffix} suffix, which Salesforce appends to every username in a sandbox; write "${username}.${suffix}" unless the user was created in the sandbox under this name`,
      });
    }
  },
};
