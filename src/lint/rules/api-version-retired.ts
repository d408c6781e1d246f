import { API_VERSION_PATTERN, findApiVersion, oldestServedApiVersion } from '../../salesforce/api-versions.js';
import type { Rule } from '../rule.js';
import { sitesOf } from '../sites.js';
import { recommendVersion, versionUsers } from '../version-advice.js';

/** A retired version fails every call, so the org cannot be used at all. */
export const apiVersionRetired: Rule = {
  id: 'api-version-retired',
  defaultSeverity: 'error',
  description: 'API versions that Salesforce no longer serves (30.0 and below)',
  explanation:
    'Salesforce retired API versions 7.0 to 20.0 in Summer \'22 and 21.0 to 30.0 in Summer \'25. A retired version fails every call: REST answers 410 GONE, SOAP answers UNSUPPORTED_API_VERSION. Move to 41.0 or later, since 31.0 to 40.0 are retired in Summer \'28, and test the integration on it. A soap-password org can go no further than 64.0, the last version with SOAP login(), so the message suggests 64.0 and a move to OAuth with orgcfg upgrade --auth client-credentials.',
  bad: 'orgs:\n  legacy:\n    apiVersion: "30.0"\n',
  good: 'orgs:\n  legacy:\n    apiVersion: "64.0"\n',
  fixable: false,
  check(project, report) {
    for (const site of sitesOf(project, 'apiVersion')) {
      if (typeof site.value !== 'string' || !API_VERSION_PATTERN.test(site.value)) continue;
      const info = findApiVersion(site.value);
      const retired = info ? info.status === 'retired' : Number.parseFloat(site.value) < Number.parseFloat(oldestServedApiVersion());
      if (!retired) continue;
      // The table starts at 20.0; Salesforce retired 7.0 to 20.0 together in Summer '22.
      const retirement = info?.retirement ?? "Summer '22";
      const when = ` in ${retirement}`;
      report({
        source: site.source,
        path: site.path,
        message: `${site.subject}: apiVersion "${site.value}" was retired${when}, so every call fails (REST 410 GONE, SOAP UNSUPPORTED_API_VERSION); ${recommendVersion(versionUsers(project, site), 'use')}`,
      });
    }
  },
};
