import { describe, expect, it } from 'vitest';
import { bypassesProxy, checkEndpoint, checkLoginUrl, isLoopbackHost, parseAllowedHosts, parseConnectTo, type HostPolicy } from '../../src/verify/host-policy.js';

const none: HostPolicy = { allowedHosts: new Set(), connectTo: new Map() };

describe('checkLoginUrl', () => {
  it.each([
    'https://login.salesforce.com',
    'https://test.salesforce.com/',
    'https://acme.my.salesforce.com',
    'https://acme--uat.sandbox.my.salesforce.com',
    'https://acme.my.salesforce.mil',
  ])('allows the Salesforce login host %s', (url) => {
    const result = checkLoginUrl(url, none);
    expect(result.ok).toBe(true);
  });

  it.each([
    ['https://evil.example.com', /not a Salesforce login host.*--allow-host evil.example.com/],
    ['https://acme.lightning.force.com', /not a Salesforce login host/],
    ['https://login.salesforce.com.evil.example', /not a Salesforce login host/],
    ['http://login.salesforce.com', /uses http/],
    ['http://127.0.0.1:8080', /loopback http address that was not allowed/],
    ['https://login.salesforce.com/services', /has a path/],
    ['https://login.salesforce.com?x=1', /has a path, query or fragment/],
    ['https://user:pw@login.salesforce.com', /user info/],
    ['ftp://login.salesforce.com', /not supported/],
    ['login.salesforce.com', /is not a URL/],
  ])('refuses %s', (url, reason) => {
    const result = checkLoginUrl(url, none);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });

  it('allows a user-allowed https host and loopback http host:port', () => {
    const policy: HostPolicy = { allowedHosts: parseAllowedHosts(['proxy.corp.example', '127.0.0.1:8080']), connectTo: new Map() };
    expect(checkLoginUrl('https://proxy.corp.example', policy).ok).toBe(true);
    expect(checkLoginUrl('http://127.0.0.1:8080', policy).ok).toBe(true);
    expect(checkLoginUrl('http://127.0.0.1:9090', policy).ok).toBe(false);
  });

  it('never allows http to a non-loopback host, even when allowed', () => {
    const policy: HostPolicy = { allowedHosts: parseAllowedHosts(['corp.example']), connectTo: new Map() };
    expect(checkLoginUrl('http://corp.example', policy)).toMatchObject({ ok: false });
  });

  it('maps a login host through --connect-to', () => {
    const policy: HostPolicy = { allowedHosts: new Set(), connectTo: parseConnectTo(['acme.my.salesforce.com=http://127.0.0.1:41003']) };
    const result = checkLoginUrl('https://acme.my.salesforce.com', policy);
    expect(result.ok && result.url.href).toBe('http://127.0.0.1:41003/');
    expect(checkEndpoint(new URL('http://127.0.0.1:41003/services/data'), policy).ok).toBe(true);
  });
});

describe('parseConnectTo', () => {
  it('splits comma-separated entries', () => {
    const map = parseConnectTo(['a.my.salesforce.com=http://127.0.0.1:1,b.my.salesforce.com=http://127.0.0.2:2']);
    expect([...map.keys()]).toEqual(['a.my.salesforce.com', 'b.my.salesforce.com']);
  });

  it.each([
    ['nohost', /write HOST=URL/],
    ['a=notaurl', /is not a URL/],
    ['a=http://10.0.0.1:80', /only allowed for loopback/],
    ['a=file:///etc/passwd', /http or https/],
  ])('rejects %s', (entry, message) => {
    expect(() => parseConnectTo([entry])).toThrow(message);
  });
});

describe('isLoopbackHost', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.4.5.6', true],
    ['::1', true],
    ['[::1]', true],
    ['localhost', true],
    ['10.0.0.1', false],
    ['128.0.0.1', false],
    ['127.0.0.1.nip.io', false],
  ])('%s → %s', (host, expected) => {
    expect(isLoopbackHost(host)).toBe(expected);
  });
});

describe('bypassesProxy', () => {
  it.each([
    ['https://acme.my.salesforce.com', '', false],
    ['https://acme.my.salesforce.com', '*', true],
    ['https://acme.my.salesforce.com', 'salesforce.com', true],
    ['https://acme.my.salesforce.com', '.salesforce.com', true],
    ['https://acme.my.salesforce.com', 'force.com', false],
    ['https://127.0.0.1:8443', '127.0.0.1', true],
    ['https://127.0.0.1:8443', '127.0.0.1:9000', false],
    ['https://127.0.0.1:8443', 'localhost, 127.0.0.1:8443', true],
    ['https://[::1]:8443', '::1', true],
  ])('%s with NO_PROXY=%s → %s', (url, noProxy, expected) => {
    expect(bypassesProxy(new URL(url), noProxy)).toBe(expected);
  });
});
