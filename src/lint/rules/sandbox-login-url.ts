import { classifyLoginHost } from '../../salesforce/login-hosts.js';
import { hasReference, orgViews } from '../org-view.js';
import type { Rule } from '../rule.js';
import { hostOf } from './client-credentials-my-domain.js';

const PRODUCTION_KINDS = new Set(['generic-production', 'my-domain-production']);
const SANDBOX_KINDS = new Set(['generic-sandbox', 'my-domain-sandbox']);

/** The sandbox flag and the login host must agree, or the login goes to the wrong org. */
export const sandboxLoginUrl: Rule = {
  id: 'sandbox-login-url',
  defaultSeverity: 'error',
  description: 'sandbox: true with a production login host, or sandbox: false with a sandbox host',
  explanation:
    'Sandbox users log in at https://test.salesforce.com or the sandbox\'s My Domain (MYDOMAIN--NAME.sandbox.my.salesforce.com); production users at https://login.salesforce.com or MYDOMAIN.my.salesforce.com. A sandbox flag that disagrees with the host means one of them is wrong: the login fails with INVALID_LOGIN, or reaches an org the file does not describe.',
  bad: 'orgs:\n  uat:\n    sandbox: true\n    loginUrl: https://login.salesforce.com\n',
  good: 'orgs:\n  uat:\n    sandbox: true\n    loginUrl: https://acme--uat.sandbox.my.salesforce.com\n',
  fixable: false,
  check(project, report) {
    for (const org of orgViews(project)) {
      // An invalid sandbox flag is reported by the schema rule; this rule cannot tell which host is right.
      if (!org.loginUrl || hasReference(org.loginUrl.value) || org.invalid.has('sandbox')) continue;
      const sandbox = org.sandbox?.value ?? false;
      const host = hostOf(org.loginUrl.value.trim());
      if (!host) continue;
      const kind = classifyLoginHost(host);
      const conflict = sandbox ? PRODUCTION_KINDS.has(kind) : SANDBOX_KINDS.has(kind);
      if (!conflict) continue;

      const flag = org.sandbox ? `sandbox: ${String(sandbox)}${org.sandbox.fromDefaults ? ' (from defaults)' : ''}` : 'no sandbox flag (so production)';
      const hostKind = sandbox ? 'a production login host' : 'a sandbox login host';
      const remedy = sandbox
        ? 'use https://test.salesforce.com or the sandbox\'s My Domain (https://MYDOMAIN--NAME.sandbox.my.salesforce.com), or set sandbox: false'
        : 'use https://login.salesforce.com or the production My Domain, or set sandbox: true';
      // Point at the setting the org itself writes: its loginUrl, else its sandbox flag, else its name.
      const atUrl = !org.loginUrl.fromDefaults;
      const atFlag = !atUrl && org.sandbox !== undefined && !org.sandbox.fromDefaults;
      let path = org.path;
      if (atUrl) path = org.loginUrl.path;
      else if (atFlag) path = [...org.path, 'sandbox'];
      report({
        source: atUrl ? org.loginUrl.source : org.source,
        path,
        ...(atUrl || atFlag ? {} : { target: 'key' as const }),
        message: `org "${org.name}" has ${flag} but logs in at ${host}, ${hostKind}; ${remedy}`,
      });
    }
  },
};
