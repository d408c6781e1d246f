import { findApiVersion, NEWEST_KNOWN_API_VERSION } from '../../salesforce/api-versions.js';
import type { Rule } from '../rule.js';
import { sitesOf } from '../sites.js';

/** An API version far behind the newest one still works, but misses years of fixes and fields. */
export const apiVersionOutdated: Rule = {
  id: 'api-version-outdated',
  defaultSeverity: 'warning',
  description: 'API versions more than lint.maxReleasesBehind releases behind the newest known version',
  explanation:
    'Salesforce ships one API version per release, three a year, and supports each for at least three years. A version many releases behind the newest one still works, but it is the next to be retired and lacks newer fields and behaviour. The threshold is lint.maxReleasesBehind in the project file (default 9, three years). Versions with an announced retirement are reported by api-version-retiring instead.',
  bad: 'defaults:\n  apiVersion: "50.0"\n',
  good: 'defaults:\n  apiVersion: "66.0"\n',
  fixable: false,
  check(project, report, context) {
    const newest = Number.parseFloat(NEWEST_KNOWN_API_VERSION);
    for (const site of sitesOf(project, 'apiVersion')) {
      if (typeof site.value !== 'string') continue;
      const info = findApiVersion(site.value);
      if (!info || info.status !== 'supported') continue;
      const behind = newest - Number.parseFloat(info.version);
      if (behind <= context.settings.maxReleasesBehind) continue;
      report({
        source: site.source,
        path: site.path,
        message: `${site.subject}: apiVersion "${info.version}" (${info.release}) is ${behind} releases behind ${NEWEST_KNOWN_API_VERSION}, the newest version orgcfg knows; raise it after testing the integration on a newer version, or raise lint.maxReleasesBehind`,
      });
    }
  },
};
