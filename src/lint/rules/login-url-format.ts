import { replaceScalarFix } from '../../project/yaml-source.js';
import { isSalesforceLoginHost } from '../../salesforce/login-hosts.js';
import { hasReference } from '../org-view.js';
import type { Rule } from '../rule.js';
import { sitesOf } from '../sites.js';

/** A login URL is an origin: clients append /services/... to it themselves. */
export const loginUrlFormat: Rule = {
  id: 'login-url-format',
  defaultSeverity: 'error',
  description: 'Login URLs must be https origins with no path, query, port or trailing characters',
  explanation:
    'Clients build every login request by appending a path such as /services/Soap/u/64.0 or /services/oauth2/token to the login URL. A trailing slash turns that into //services/..., and a path, query or fragment ends up in the middle of the request URL. Salesforce accepts logins only over https; http is accepted only for loopback hosts, such as a local emulator, which verify uses only when allowed with --allow-host. Values that are references such as ${SF_LOGIN_URL} are not checked. The fix removes a trailing slash, path, query, default port or surrounding spaces when the rest of the URL is valid.',
  bad: 'loginUrl: https://acme.my.salesforce.com/\n',
  good: 'loginUrl: https://acme.my.salesforce.com\n',
  fixable: true,
  check(project, report) {
    for (const site of sitesOf(project, 'loginUrl')) {
      if (typeof site.value !== 'string' || site.value === '' || hasReference(site.value)) continue;
      const problem = describe(site.value);
      if (!problem) continue;
      const fix = problem.origin ? replaceScalarFix(site.source, site.path, problem.origin) : undefined;
      const remedy = problem.origin ? `write ${problem.origin}` : 'write the origin only, such as https://MYDOMAIN.my.salesforce.com';
      report({
        source: site.source,
        path: site.path,
        message: `${site.subject}: loginUrl ${problem.what}; ${remedy}`,
        ...(fix ? { fix } : {}),
      });
    }
  },
};

/** Says what is wrong with `value` and the origin that fixes it, when one can be derived safely. */
function describe(value: string): { what: string; origin?: string } | undefined {
  const trimmed = value.trim();
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return { what: `"${value}" is not a URL` };
  }
  // A local emulator or gateway on loopback may use http; verify still sends credentials to it
  // only when the user allows the host on the command line.
  const loopbackHttp = url.protocol === 'http:' && isLoopback(url.hostname);
  if (url.protocol !== 'https:' && !loopbackHttp) {
    return url.protocol === 'http:'
      ? { what: `"${value}" uses http, but Salesforce accepts logins only over https`, origin: `https://${url.host}` }
      : { what: `"${value}" is not an https URL` };
  }
  // Credentials in the URL would be sent with every request and printed in logs; never derive a fix.
  if (url.username !== '' || url.password !== '') return { what: 'contains a user name or password before the host; remove it' };

  const salesforcePort = url.protocol === 'https:' && url.port !== '' && isSalesforceLoginHost(url.hostname);
  const origin = salesforcePort ? `https://${url.hostname}` : url.origin;
  if (trimmed !== value) return { what: `"${value.trim()}" has spaces around it`, origin };
  if (url.search !== '' || url.hash !== '') return { what: `"${value}" has a query or fragment`, origin };
  if (url.pathname !== '/') return { what: `"${value}" has the path ${url.pathname}, and clients append their own`, origin };
  if (trimmed.endsWith('/')) return { what: `"${value}" ends with a slash, so requests go to //services/...`, origin };
  if (salesforcePort) return { what: `"${value}" has a port, and Salesforce serves logins on the default https port only`, origin };
  return undefined;
}

/** Loopback addresses (127.0.0.0/8, ::1) and localhost. */
function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}
