import { classifyLoginHost } from '../../salesforce/login-hosts.js';
import type { Rule } from '../rule.js';
import { loginHostSites } from '../sites.js';

/** verify sends credentials only to Salesforce hosts unless the user allows another one. */
export const loginUrlNonSalesforce: Rule = {
  id: 'login-url-non-salesforce',
  defaultSeverity: 'warning',
  description: 'Login URLs whose host is not a Salesforce host',
  explanation:
    'orgcfg verify sends credentials only to Salesforce login hosts. For any other host it refuses to log in unless the person running it passes --allow-host (or sets ORGCFG_ALLOW_HOSTS), so that a project file under review cannot send CI secrets to a host of its choosing. A non-Salesforce login URL is usually a typo, a proxy, or a local emulator; the last is better reached with --connect-to while the file keeps the real host.',
  bad: 'loginUrl: https://acme.my.salesforce.co\n',
  good: 'loginUrl: https://acme.my.salesforce.com\n',
  fixable: false,
  check(project, report) {
    for (const site of loginHostSites(project)) {
      const { host } = site;
      if (classifyLoginHost(host) !== 'not-salesforce') continue;
      report({
        source: site.source,
        path: site.path,
        message: `${site.subject}: loginUrl host ${host} is not a Salesforce host, and orgcfg verify refuses to send credentials to it unless run with --allow-host ${host}; check for a typo, or keep the real host and use --connect-to for an emulator`,
      });
    }
  },
};
