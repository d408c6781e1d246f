import { findApiVersion } from '../../salesforce/api-versions.js';
import type { Rule } from '../rule.js';
import { sitesOf } from '../sites.js';
import { recommendVersion, versionUsers } from '../version-advice.js';

/** A version with an announced retirement works until a known date; the warning gives the date. */
export const apiVersionRetiring: Rule = {
  id: 'api-version-retiring',
  defaultSeverity: 'warning',
  description: "API versions with an announced retirement (31.0 to 40.0, retired in Summer '28)",
  explanation:
    "Salesforce announced that API versions 31.0 to 40.0 become unsupported in Summer '27 and are retired in Summer '28. Until then they work; after it every call fails as for any retired version. Move to 41.0 or later and test the integration before the date. A soap-password org can go no further than 64.0, the last version with SOAP login(), so the message suggests 64.0 and a move to OAuth with orgcfg upgrade --auth client-credentials.",
  bad: 'orgs:\n  warehouse:\n    apiVersion: "38.0"\n',
  good: 'orgs:\n  warehouse:\n    apiVersion: "64.0"\n',
  fixable: false,
  check(project, report) {
    for (const site of sitesOf(project, 'apiVersion')) {
      if (typeof site.value !== 'string') continue;
      const info = findApiVersion(site.value);
      if (info?.status !== 'retirement-announced' || !info.retirement) continue;
      report({
        source: site.source,
        path: site.path,
        message: `${site.subject}: apiVersion "${info.version}" (${info.release}) is retired in ${info.retirement} (about ${approximateMonth(info.retirement)}); ${recommendVersion(versionUsers(project, site), 'move to', ' before then')}`,
      });
    }
  },
};

/** Turns a release label into its usual month: Spring is February, Summer June, Winter October of the year before. */
export function approximateMonth(release: string): string {
  const match = /^(Spring|Summer|Winter) '(\d\d)$/.exec(release);
  if (!match) return release;
  const year = 2000 + Number(match[2]);
  if (match[1] === 'Spring') return `February ${year}`;
  if (match[1] === 'Summer') return `June ${year}`;
  return `October ${year - 1}`;
}
