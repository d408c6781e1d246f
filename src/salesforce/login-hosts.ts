/**
 * Salesforce host names as data: which hosts take logins, which only serve the UI, and which
 * login URL an org gets by default.
 *
 * Sources: Salesforce help "My Domain URL formats" and "Enhanced domains" pages; jsforce 3.10
 * `isLightningInstance` for the Lightning suffixes it rejects as instance URLs.
 */

export const PRODUCTION_LOGIN_URL = 'https://login.salesforce.com';
export const SANDBOX_LOGIN_URL = 'https://test.salesforce.com';

/** Returns the login URL an org uses when its file sets none, as an org wizard would. */
export function defaultLoginUrl(sandbox: boolean): string {
  return sandbox ? SANDBOX_LOGIN_URL : PRODUCTION_LOGIN_URL;
}

/**
 * Domain suffixes under which Salesforce serves login endpoints: the generic login hosts,
 * My Domain hosts, and the Government Cloud Plus and Alibaba Cloud variants.
 */
export const SALESFORCE_LOGIN_SUFFIXES: readonly string[] = [
  '.salesforce.com',
  '.my.salesforce.mil',
  '.my.sfcrmproducts.cn',
  '.my-salesforce.com',
];

/** Suffixes of UI-only hosts: Lightning, Experience Cloud sites, Visualforce and file hosts. */
export const NON_LOGIN_SUFFIXES: readonly string[] = [
  '.lightning.force.com',
  '.lightning.crmforce.mil',
  '.lightning.sfcrmapps.cn',
  '.my-lightning.com',
  '.my.site.com',
  '.my.salesforce-sites.com',
  '.vf.force.com',
  '.file.force.com',
];

/** The kind of a host name, as far as logins are concerned. */
export type LoginHostKind =
  | 'generic-production'
  | 'generic-sandbox'
  | 'my-domain-production'
  | 'my-domain-sandbox'
  | 'my-domain-other'
  | 'instanced'
  | 'not-a-login-host'
  | 'not-salesforce';

/** My Domain partitions that are neither production nor sandbox (developer, scratch, and so on). */
const OTHER_PARTITIONS = ['develop', 'scratch', 'trailblaze', 'patch', 'demo', 'free'];

/** Instanced hosts such as na1.salesforce.com, cs42.salesforce.com or usa77-api.salesforce.com. */
const INSTANCED_HOST = /^[a-z]{2,4}\d+(-api)?\.salesforce\.com$/;

/** Classifies `hostname` (lower case, no port). */
export function classifyLoginHost(hostname: string): LoginHostKind {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (host === 'login.salesforce.com') return 'generic-production';
  if (host === 'test.salesforce.com') return 'generic-sandbox';
  if (NON_LOGIN_SUFFIXES.some((suffix) => host.endsWith(suffix))) return 'not-a-login-host';
  if (INSTANCED_HOST.test(host)) return 'instanced';

  const myDomain = /^([a-z0-9-]+)\.(?:([a-z]+)\.)?my\.(?:salesforce\.com|salesforce\.mil|sfcrmproducts\.cn)$/.exec(
    host,
  );
  if (myDomain) {
    const [, name = '', partition] = myDomain;
    if (partition === 'sandbox' || name.includes('--')) return 'my-domain-sandbox';
    if (partition && OTHER_PARTITIONS.includes(partition)) return 'my-domain-other';
    if (partition) return 'my-domain-other';
    return 'my-domain-production';
  }
  if (host.endsWith('.my-salesforce.com')) return 'my-domain-production';
  if (SALESFORCE_LOGIN_SUFFIXES.some((suffix) => host.endsWith(suffix))) return 'my-domain-other';
  return 'not-salesforce';
}

/**
 * Tells whether credentials may go to `hostname` without the user allowing it: only hosts
 * under Salesforce's login domains that are not UI-only hosts.
 */
export function isSalesforceLoginHost(hostname: string): boolean {
  const kind = classifyLoginHost(hostname);
  return kind !== 'not-salesforce' && kind !== 'not-a-login-host';
}

/** Tells whether a login host needs a My Domain (client credentials refuse generic hosts). */
export function isGenericLoginHost(hostname: string): boolean {
  const kind = classifyLoginHost(hostname);
  return kind === 'generic-production' || kind === 'generic-sandbox';
}
