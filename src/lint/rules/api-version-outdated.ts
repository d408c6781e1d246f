import { compareApiVersions, findApiVersion, LAST_SOAP_LOGIN_API_VERSION, NEWEST_KNOWN_API_VERSION } from '../../salesforce/api-versions.js';
import type { Rule } from '../rule.js';
import { sitesOf } from '../sites.js';
import { MOVE_TO_OAUTH, versionUsers, type VersionUsers } from '../version-advice.js';

/** An API version far behind the newest one still works, but misses years of fixes and fields. */
export const apiVersionOutdated: Rule = {
  id: 'api-version-outdated',
  defaultSeverity: 'warning',
  description: 'API versions more than lint.maxReleasesBehind releases behind the newest known version',
  explanation:
    'Salesforce ships one API version per release, three a year, and supports each for at least three years. A version many releases behind the newest one still works, but it is the next to be retired and lacks newer fields and behaviour. The threshold is lint.maxReleasesBehind in the project file (default 9, three years). Versions with an announced retirement are reported by api-version-retiring instead. soap-password orgs cannot go past 64.0, the last version with SOAP login(): the rule does not report them at 64.0, where soap-login-retiring says what to do, and below it suggests 64.0 and a move to OAuth.',
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
      const users = versionUsers(project, site);
      const atLastSoap = compareApiVersions(info.version, LAST_SOAP_LOGIN_API_VERSION) >= 0;
      // Only soap-password orgs read it and they cannot go higher; soap-login-retiring says what to do.
      if (users === 'soap-password' && atLastSoap) continue;
      report({
        source: site.source,
        path: site.path,
        message: `${site.subject}: apiVersion "${info.version}" (${info.release}) is ${behind} releases behind ${NEWEST_KNOWN_API_VERSION}, the newest version orgcfg knows; ${outdatedRemedy(users, atLastSoap)}`,
      });
    }
  },
};

function outdatedRemedy(users: VersionUsers, atLastSoap: boolean): string {
  const general = 'raise it after testing the integration on a newer version, or raise lint.maxReleasesBehind';
  const lastSoap = `"${LAST_SOAP_LOGIN_API_VERSION}", the last version with SOAP login()`;
  if (users === 'soap-password') {
    return `raise it to ${lastSoap}, after testing the integration on it, and move the org to OAuth (${MOVE_TO_OAUTH}) to go further`;
  }
  if (users === 'mixed') {
    const limit = atLastSoap ? `at ${lastSoap}` : `at or below ${lastSoap}`;
    return `${general}; the soap-password orgs that inherit it must stay ${limit}, until they move to OAuth (${MOVE_TO_OAUTH}), so give the others their own apiVersion or move them`;
  }
  return general;
}
