import { classifyLoginHost, suggestMyDomainHost } from '../../salesforce/login-hosts.js';
import type { Rule } from '../rule.js';
import { loginHostSites } from '../sites.js';

/** Lightning, Experience Cloud and Visualforce hosts serve pages, not the login endpoints. */
export const loginUrlHost: Rule = {
  id: 'login-url-host',
  defaultSeverity: 'error',
  description: 'Login URLs must not be Lightning, Experience Cloud or Visualforce hosts',
  explanation:
    'The address in the browser bar is often a Lightning host (*.lightning.force.com), an Experience Cloud site (*.my.site.com) or a Visualforce host (*.vf.force.com). None of them serves the SOAP or OAuth login endpoints: a SOAP login posted to a Lightning host gets HTTP 405. Use the org\'s My Domain host, which the message derives when it can.',
  bad: 'loginUrl: https://acme.lightning.force.com\n',
  good: 'loginUrl: https://acme.my.salesforce.com\n',
  fixable: false,
  check(project, report) {
    for (const site of loginHostSites(project)) {
      const { host } = site;
      if (classifyLoginHost(host) !== 'not-a-login-host') continue;
      const suggestion = suggestMyDomainHost(host);
      report({
        source: site.source,
        path: site.path,
        message: `${site.subject}: loginUrl host ${host} serves pages, not logins; use the org's My Domain URL${suggestion ? `, https://${suggestion}` : ', such as https://MYDOMAIN.my.salesforce.com'}`,
      });
    }
  },
};
