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

/** UI-only host suffixes and the My Domain suffix that serves logins for the same org. */
const UI_TO_MY_DOMAIN: readonly (readonly [string, string])[] = [
  ['.lightning.force.com', '.my.salesforce.com'],
  ['.lightning.crmforce.mil', '.my.salesforce.mil'],
  ['.lightning.sfcrmapps.cn', '.my.sfcrmproducts.cn'],
  ['.my.site.com', '.my.salesforce.com'],
  ['.my.salesforce-sites.com', '.my.salesforce.com'],
];

/**
 * Tells whether a My Domain host has a form from before enhanced domains, which Salesforce
 * stopped redirecting in Winter '25 and Spring '26: a sandbox without the `sandbox` partition
 * (`acme--uat.my.salesforce.com`, `acme--uat.cs42.my.salesforce.com`) or a Developer Edition
 * without the `develop` partition (`acme-dev-ed.my.salesforce.com`).
 */
export function isPreEnhancedMyDomain(hostname: string): boolean {
  return enhancedFormOf(hostname.toLowerCase()) !== undefined;
}

function enhancedFormOf(host: string): string | undefined {
  const legacy = /^([a-z0-9-]+?)(--[a-z0-9]+)?(?:\.(cs\d+))?\.my\.salesforce\.com$/.exec(host);
  if (!legacy) return undefined;
  const [, name = '', sandbox, instance] = legacy;
  if (sandbox) return `${name}${sandbox}.sandbox.my.salesforce.com`;
  if (instance) return undefined;
  if (name.endsWith('-dev-ed')) return `${name}.develop.my.salesforce.com`;
  return undefined;
}

/**
 * Derives the enhanced My Domain login host from another host of the same org: a Lightning,
 * Experience Cloud or Visualforce host, or a pre-enhanced My Domain. Returns undefined when the
 * host does not name the org, as instanced hosts like na1.salesforce.com do not.
 */
export function suggestMyDomainHost(hostname: string): string | undefined {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  const enhanced = enhancedFormOf(host);
  if (enhanced) return enhanced;
  for (const [uiSuffix, loginSuffix] of UI_TO_MY_DOMAIN) {
    if (host.endsWith(uiSuffix)) return `${host.slice(0, -uiSuffix.length)}${loginSuffix}`;
  }
  // Visualforce hosts append the package namespace: acme--c.vf.force.com, acme--uat--c.sandbox.vf.force.com.
  const visualforce = /^([a-z0-9-]+?)(?:--([a-z0-9]+))?--[a-z0-9_]+\.(sandbox\.)?vf\.force\.com$/.exec(host);
  if (visualforce) {
    const [, name = '', sandbox, partition] = visualforce;
    return partition && sandbox ? `${name}--${sandbox}.sandbox.my.salesforce.com` : `${name}.my.salesforce.com`;
  }
  return undefined;
}

/** Returns the sandbox name of a sandbox My Domain host (`uat` for acme--uat.sandbox.my.salesforce.com). */
export function sandboxNameOf(hostname: string): string | undefined {
  const match = /^[a-z0-9-]+?--([a-z0-9]+)\./.exec(hostname.toLowerCase());
  return match?.[1];
}
