import { API_VERSION_PATTERN, SOAP_LOGIN_REMOVED_FROM, soapLoginAvailableAt } from '../../salesforce/api-versions.js';
import { orgViews } from '../org-view.js';
import type { Rule } from '../rule.js';

/** SOAP login() does not exist from API 65.0 on, so the login cannot succeed. */
export const soapLoginRemoved: Rule = {
  id: 'soap-login-removed',
  defaultSeverity: 'error',
  description: 'soap-password at API 65.0 or later, where SOAP login() does not exist',
  explanation:
    "Salesforce removed the SOAP login() call from API version 65.0 (Winter '26) on. A soap-password org at 65.0 or later fails every login with INVALID_OPERATION. Pin the org to 64.0 for now, and move it to client-credentials or jwt, since login() is retired for every version in Summer '27.",
  bad: 'orgs:\n  legacy:\n    apiVersion: "66.0"\n    auth:\n      method: soap-password\n',
  good: 'orgs:\n  legacy:\n    apiVersion: "64.0"\n    auth:\n      method: soap-password\n',
  fixable: false,
  check(project, report) {
    for (const org of orgViews(project)) {
      const version = org.apiVersion?.value;
      if (org.method !== 'soap-password' || typeof version !== 'string' || !API_VERSION_PATTERN.test(version)) continue;
      if (soapLoginAvailableAt(version)) continue;
      const inherited = org.apiVersion!.fromDefaults;
      report({
        source: inherited ? org.source : org.apiVersion!.source,
        path: inherited ? [...org.path, 'auth', 'method'] : org.apiVersion!.path,
        message: `org "${org.name}": SOAP login() does not exist at API version ${version}${inherited ? ' (from defaults.apiVersion)' : ''}, because it was removed in ${SOAP_LOGIN_REMOVED_FROM}, so every login fails with INVALID_OPERATION; set apiVersion: "64.0" on this org, or move it to client-credentials or jwt (orgcfg upgrade --auth)`,
      });
    }
  },
};
