import { classifyLoginHost, isPreEnhancedMyDomain, suggestMyDomainHost } from '../../salesforce/login-hosts.js';
import type { Rule } from '../rule.js';
import { loginHostSites } from '../sites.js';

/** Instanced and pre-enhanced hosts break when Salesforce moves the org or ends a redirect. */
export const loginUrlInstanced: Rule = {
  id: 'login-url-instanced',
  defaultSeverity: 'warning',
  description: 'Instanced hosts (na1.salesforce.com) and My Domain forms from before enhanced domains',
  explanation:
    "Instanced hosts such as na1.salesforce.com or cs42.salesforce.com name the server an org lives on today, and Salesforce moves orgs between instances. My Domain forms from before enhanced domains (acme--uat.my.salesforce.com for a sandbox, acme-dev-ed.my.salesforce.com for a Developer Edition) lost their redirects in Winter '25 and Spring '26. The enhanced My Domain host stays the same across instance moves.",
  bad: 'loginUrl: https://acme--uat.my.salesforce.com\n',
  good: 'loginUrl: https://acme--uat.sandbox.my.salesforce.com\n',
  fixable: false,
  check(project, report) {
    for (const site of loginHostSites(project)) {
      const { host } = site;
      if (classifyLoginHost(host) === 'instanced') {
        report({
          source: site.source,
          path: site.path,
          message: `${site.subject}: loginUrl host ${host} is an instanced host, which changes when Salesforce moves the org to another instance; use the org's My Domain URL, such as https://MYDOMAIN.my.salesforce.com (Setup > My Domain shows it)`,
        });
      } else if (isPreEnhancedMyDomain(host)) {
        report({
          source: site.source,
          path: site.path,
          message: `${site.subject}: loginUrl host ${host} is a My Domain form from before enhanced domains, which Salesforce no longer redirects; use https://${suggestMyDomainHost(host) ?? host}`,
        });
      }
    }
  },
};
