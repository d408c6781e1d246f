import { API_VERSION_PATTERN, compareApiVersions, NEWEST_KNOWN_API_VERSION } from '../../salesforce/api-versions.js';
import type { Rule } from '../rule.js';
import { sitesOf } from '../sites.js';

/** A version newer than the table is a typo, or a release that orgcfg does not know yet. */
export const apiVersionUnknown: Rule = {
  id: 'api-version-unknown',
  defaultSeverity: 'warning',
  description: 'API versions newer than the newest version orgcfg knows',
  explanation:
    "An org serves only the versions of its current release. A newer version is answered with UNSUPPORTED_API_VERSION (SOAP) or 404 NOT_FOUND (REST); during a release roll-out, sandboxes get the new version weeks before production. A version past the newest one orgcfg knows is usually a typo; if Salesforce has shipped it, update orgcfg.",
  bad: 'defaults:\n  apiVersion: "86.0"\n',
  good: 'defaults:\n  apiVersion: "66.0"\n',
  fixable: false,
  check(project, report) {
    for (const site of sitesOf(project, 'apiVersion')) {
      if (typeof site.value !== 'string' || !API_VERSION_PATTERN.test(site.value)) continue;
      if (compareApiVersions(site.value, NEWEST_KNOWN_API_VERSION) <= 0) continue;
      report({
        source: site.source,
        path: site.path,
        message: `${site.subject}: apiVersion "${site.value}" is newer than ${NEWEST_KNOWN_API_VERSION}, the newest version orgcfg knows, and orgs answer UNSUPPORTED_API_VERSION for versions their release does not serve; check for a typo, or update orgcfg if Salesforce has released it`,
      });
    }
  },
};
