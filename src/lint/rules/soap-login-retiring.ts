import { SOAP_LOGIN_RETIREMENT } from '../../salesforce/api-versions.js';
import { orgViews } from '../org-view.js';
import type { Rule } from '../rule.js';
import { approximateMonth } from './api-version-retiring.js';

/** SOAP login() is retired for every API version, so every soap-password org has a deadline. */
export const soapLoginRetiring: Rule = {
  id: 'soap-login-retiring',
  defaultSeverity: 'warning',
  description: "soap-password logins, which Salesforce retires for every API version in Summer '27",
  explanation:
    "Salesforce retires the SOAP login() call for API versions 31.0 to 64.0 in Summer '27, after removing it from 65.0 on; orgs created since Winter '26 have it disabled by default. After the retirement a soap-password org cannot log in at all. Move server-to-server integrations to client-credentials or jwt through an External Client App; orgcfg upgrade --auth rewrites the auth block.",
  bad: 'auth:\n  method: soap-password\n  username: integration@acme.com\n  password: ${SF_PROD_PASSWORD}\n',
  good: 'auth:\n  method: client-credentials\n  clientId: ${SF_PROD_CLIENT_ID}\n  clientSecret: ${SF_PROD_CLIENT_SECRET}\n',
  fixable: false,
  check(project, report) {
    for (const org of orgViews(project)) {
      if (org.method !== 'soap-password') continue;
      report({
        source: org.source,
        path: [...org.path, 'auth', 'method'],
        message: `org "${org.name}": auth method soap-password uses SOAP login(), which Salesforce retires for every API version in ${SOAP_LOGIN_RETIREMENT} (about ${approximateMonth(SOAP_LOGIN_RETIREMENT)}); move to client-credentials or jwt (orgcfg upgrade --auth)`,
      });
    }
  },
};
