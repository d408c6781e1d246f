/**
 * Where verify may send credentials. Salesforce login hosts over https are always allowed;
 * anything else only when the user allows it on the command line or in the environment.
 * Nothing in a project file can widen this, so a file under review cannot send CI secrets to
 * a host of its choosing.
 */
import { isSalesforceLoginHost } from '../salesforce/login-hosts.js';

export interface HostPolicy {
  /** Hosts the user allowed, as `host` or `host:port`, lower case. */
  readonly allowedHosts: ReadonlySet<string>;
  /** Real host name mapped to the base URL that serves it, as curl's --connect-to does. */
  readonly connectTo: ReadonlyMap<string, URL>;
}

export type HostCheck = { readonly ok: true; readonly url: URL } | { readonly ok: false; readonly reason: string };

/** Parses `--connect-to` entries of the form `host=url`, separated by commas. */
export function parseConnectTo(entries: readonly string[]): Map<string, URL> {
  const map = new Map<string, URL>();
  for (const entry of entries.flatMap((value) => value.split(',')).map((value) => value.trim()).filter(Boolean)) {
    const separator = entry.indexOf('=');
    if (separator <= 0) throw new Error(`invalid --connect-to entry "${entry}": write HOST=URL, such as acme.my.salesforce.com=http://127.0.0.1:41003`);
    const host = entry.slice(0, separator).toLowerCase();
    let url: URL;
    try {
      url = new URL(entry.slice(separator + 1));
    } catch {
      throw new Error(`invalid --connect-to entry "${entry}": "${entry.slice(separator + 1)}" is not a URL`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`invalid --connect-to entry "${entry}": use an http or https URL`);
    if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
      throw new Error(`invalid --connect-to entry "${entry}": http is only allowed for loopback hosts (127.0.0.1, ::1, localhost); use https`);
    }
    map.set(host, url);
  }
  return map;
}

/** Parses `--allow-host` values and the comma-separated environment variable. */
export function parseAllowedHosts(values: readonly string[]): Set<string> {
  const hosts = new Set<string>();
  for (const value of values.flatMap((item) => item.split(','))) {
    const host = value.trim().toLowerCase().replace(/^\[|\](?=:|$)/g, '');
    if (host === '') continue;
    if (/[/@\s]/.test(host)) throw new Error(`invalid allowed host "${value.trim()}": give a host name or host:port, such as 127.0.0.1:8443`);
    hosts.add(host);
  }
  return hosts;
}

/** Tells whether a host name is a loopback address (127.0.0.0/8, ::1) or localhost. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host === '::1') return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/**
 * Checks a login URL and returns the URL to connect to: the login URL itself, or its
 * `--connect-to` mapping. Login URLs have no path, query, fragment or user info.
 */
export function checkLoginUrl(loginUrl: string, policy: HostPolicy): HostCheck {
  let url: URL;
  try {
    url = new URL(loginUrl);
  } catch {
    return { ok: false, reason: `login URL "${loginUrl}" is not a URL; write it as https://HOST, such as https://login.salesforce.com` };
  }
  if (url.username !== '' || url.password !== '') {
    return { ok: false, reason: 'login URL contains user info (user:password@); remove it and use the auth block' };
  }
  if ((url.pathname !== '/' && url.pathname !== '') || url.search !== '' || url.hash !== '') {
    return { ok: false, reason: `login URL "${url.origin}${url.pathname}" has a path, query or fragment; use only the origin, such as ${url.origin}` };
  }
  const mapped = policy.connectTo.get(url.hostname.toLowerCase());
  if (mapped) return { ok: true, url: new URL(mapped.origin) };
  const allowed = checkEndpoint(url, policy);
  return allowed.ok ? { ok: true, url: new URL(url.origin) } : allowed;
}

/**
 * Checks any URL that a credential or token would be sent to: a login URL, or the instance
 * and identity URLs a login response names.
 */
export function checkEndpoint(url: URL, policy: HostPolicy): HostCheck {
  const hostname = url.hostname.toLowerCase().replace(/^\[|\]$/g, '');
  const hostWithPort = url.port ? `${hostname}:${url.port}` : hostname;
  const userAllowed =
    policy.allowedHosts.has(hostname) ||
    policy.allowedHosts.has(hostWithPort) ||
    [...policy.connectTo.values()].some((target) => target.origin === url.origin);

  if (url.protocol === 'https:') {
    if (isSalesforceLoginHost(hostname) || userAllowed) return { ok: true, url };
    return {
      ok: false,
      reason: `host "${hostWithPort}" is not a Salesforce login host, so orgcfg will not send credentials to it; if it is intended, allow it with --allow-host ${hostWithPort} or ORGCFG_ALLOW_HOSTS=${hostWithPort}`,
    };
  }
  if (url.protocol === 'http:') {
    if (!isLoopbackHost(hostname)) {
      return { ok: false, reason: `"${url.origin}" uses http; credentials go only over https (http is allowed only for loopback hosts such as a local emulator)` };
    }
    if (userAllowed) return { ok: true, url };
    return {
      ok: false,
      reason: `"${url.origin}" is a loopback http address that was not allowed; allow it with --allow-host ${hostWithPort} or ORGCFG_ALLOW_HOSTS=${hostWithPort}`,
    };
  }
  return { ok: false, reason: `"${url.protocol}" URLs are not supported; use https` };
}

/**
 * Tells whether NO_PROXY exempts `url` from the proxy, with curl's rules: entries separated by
 * commas, `*` for every host, a host name matching itself and its subdomains (a leading dot is
 * optional), and an optional `:port`. jsforce ignores NO_PROXY, so orgcfg applies it.
 */
export function bypassesProxy(url: URL, noProxy: string | undefined): boolean {
  if (!noProxy) return false;
  const hostname = url.hostname.toLowerCase().replace(/^\[|\]$/g, '');
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  for (const raw of noProxy.split(',')) {
    const entry = raw.trim().toLowerCase();
    if (entry === '') continue;
    if (entry === '*') return true;
    const { host: entryHost, port: entryPort } = splitHostPort(entry);
    const host = entryHost.replace(/^\*?\./, '');
    if (entryPort && entryPort !== port) continue;
    if (hostname === host || hostname.endsWith(`.${host}`)) return true;
  }
  return false;
}

/** Splits `host`, `host:port`, `[v6]:port` or a bare IPv6 address. */
function splitHostPort(entry: string): { host: string; port?: string } {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
  if (bracketed) return { host: bracketed[1]!, ...(bracketed[2] ? { port: bracketed[2] } : {}) };
  if (entry.split(':').length > 2) return { host: entry };
  const withPort = /^(.+):(\d+)$/.exec(entry);
  return withPort ? { host: withPort[1]!, port: withPort[2]! } : { host: entry };
}
