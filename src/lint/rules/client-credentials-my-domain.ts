import { classifyLoginHost, defaultLoginUrl } from '../../salesforce/login-hosts.js';
import { hasReference, orgViews } from '../org-view.js';
import type { Rule } from '../rule.js';

/** The client credentials flow is served only on My Domain hosts. */
export const clientCredentialsMyDomain: Rule = {
  id: 'client-credentials-my-domain',
  defaultSeverity: 'error',
  description: 'client-credentials needs the org\'s My Domain login URL, not login or test.salesforce.com',
  explanation:
    'Salesforce serves the OAuth 2.0 client credentials flow only on the org\'s My Domain token endpoint. Sent to https://login.salesforce.com or https://test.salesforce.com, it fails with invalid_grant "request not supported on this domain". An org without loginUrl logs in at one of those generic hosts, so a client-credentials org must set its My Domain URL.',
  bad: 'orgs:\n  prod:\n    loginUrl: https://login.salesforce.com\n    auth:\n      method: client-credentials\n',
  good: 'orgs:\n  prod:\n    loginUrl: https://acme.my.salesforce.com\n    auth:\n      method: client-credentials\n',
  fixable: false,
  check(project, report) {
    for (const org of orgViews(project)) {
      // With an invalid loginUrl or sandbox flag the login host is unknown; the schema rule reports the value.
      if (org.method !== 'client-credentials' || org.invalid.size > 0) continue;
      const url = org.loginUrl?.value ?? defaultLoginUrl(org.sandbox?.value ?? false);
      if (hasReference(url)) continue;
      const kind = classifyLoginHost(hostOf(url) ?? '');
      if (kind !== 'generic-production' && kind !== 'generic-sandbox') continue;
      const fix = 'set loginUrl to the org\'s My Domain URL, such as https://MYDOMAIN.my.salesforce.com';
      if (!org.loginUrl) {
        report({
          source: org.source,
          path: [...org.path, 'auth', 'method'],
          message: `org "${org.name}": client-credentials login is only served on the org's My Domain, but the org has no loginUrl, so it logs in at ${url}, which returns invalid_grant "request not supported on this domain"; ${fix}`,
        });
        continue;
      }
      const where = org.loginUrl.fromDefaults ? ' (from defaults.loginUrl)' : '';
      report({
        source: org.loginUrl.fromDefaults ? org.source : org.loginUrl.source,
        path: org.loginUrl.fromDefaults ? [...org.path, 'auth', 'method'] : org.loginUrl.path,
        message: `org "${org.name}": client-credentials login is only served on the org's My Domain, but loginUrl is ${url}${where}, which returns invalid_grant "request not supported on this domain"; ${fix}`,
      });
    }
  },
};

/** Returns the host name of `url`, or undefined when it is not a URL. */
export function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname;
  } catch {
    return undefined;
  }
}
