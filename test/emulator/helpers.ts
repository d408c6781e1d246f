/**
 * Shared setup for the emulator tests: a test emulator file, a running emulator per test file,
 * jsforce loaded without proxy settings, and raw SOAP request builders.
 */

import type { Connection as ConnectionType, ConnectionConfig } from 'jsforce';

import { parseEmulatorConfig, startEmulator, type RunningEmulator } from '../../src/emulator/index.js';

// jsforce reads the proxy variables once, when it is loaded, and ignores NO_PROXY, so they are
// cleared before the dynamic import below. Otherwise requests to 127.0.0.1 would go to a proxy.
for (const name of ['HTTP_PROXY', 'HTTPS_PROXY', 'http_proxy', 'https_proxy', 'ALL_PROXY', 'all_proxy']) {
  delete process.env[name];
}
const jsforce = (await import('jsforce')).default;

/** Creates a jsforce connection that logs nothing. */
export function connect(config: ConnectionConfig): ConnectionType {
  return new jsforce.Connection({ version: '64.0', logLevel: 'NONE', ...config });
}

/** Password and token of the main test user; the password contains every XML special character. */
export const MAIN_PASSWORD = `p&ss<wo>rd"'x`;
export const MAIN_TOKEN = 'MainToken123';

export const TEST_CONFIG_YAML = `
faultcodeStyle: bare
orgs:
  prod:
    name: Prod & Co
    organizationId: 00D5g000004AbCdEAK
    myDomain: prod.my.salesforce.com
    dailyApiRequests: { max: 15000, remaining: 14998 }
    users:
      - username: main@prod.example
        password: ${JSON.stringify(MAIN_PASSWORD)}
        securityToken: ${MAIN_TOKEN}
        fullName: Main User
      - username: expired@prod.example
        password: expired-password
        securityToken: ExpiredToken
        passwordExpired: true
      - username: noapi@prod.example
        password: noapi-password
        apiEnabled: false
      - username: locked@prod.example
        password: locked-password
        fault: PASSWORD_LOCKOUT
      - username: domain@prod.example
        password: domain-password
        fault: LOGIN_DURING_RESTRICTED_DOMAIN
      - username: tokenless@prod.example
        password: tokenless-password
    apps:
      - name: ci
        clientId: prodClientId
        clientSecret: prod-client-secret
        flows: [client_credentials, password]
        runAs: main@prod.example
      - name: password-only
        clientId: passwordOnlyClientId
        clientSecret: password-only-secret
        flows: [password]
      - name: no-run-as
        clientId: noRunAsClientId
        clientSecret: no-run-as-secret
        flows: [client_credentials]
      - name: blocked-user
        clientId: blockedUserClientId
        clientSecret: blocked-user-secret
        flows: [client_credentials]
        runAs: noapi@prod.example
  uat:
    myDomain: prod--uat.sandbox.my.salesforce.com
    users:
      - username: main@prod.example.uat
        password: uat-password
        securityToken: UatToken
    apps:
      - name: ci
        clientId: uatClientId
        clientSecret: uat-client-secret
        flows: [client_credentials, password]
        runAs: main@prod.example.uat
  trusted:
    myDomain: trusted.my.salesforce.com
    trustedIp: true
    users:
      - username: user@trusted.example
        password: trusted-password
        securityToken: TrustedToken
  noapi:
    myDomain: noapi.my.salesforce.com
    apiEnabled: false
    users:
      - username: user@noapi.example
        password: noapi-org-password
    apps:
      - name: ci
        clientId: noApiOrgClientId
        clientSecret: noapi-org-secret
        flows: [client_credentials]
        runAs: user@noapi.example
  nosoap:
    myDomain: nosoap.my.salesforce.com
    soapLogin: false
    users:
      - username: user@nosoap.example
        password: nosoap-password
  old:
    myDomain: old.my.salesforce.com
    maxApiVersion: "60.0"
    users:
      - username: user@old.example
        password: old-password
`;

export interface TestEmulator {
  readonly emulator: RunningEmulator;
  /** Log lines written so far. */
  readonly logs: string[];
  /** The loopback URL that serves `host`. */
  url(host: string): string;
}

/** Starts an emulator on the test file, or on `yaml` when given. */
export async function startTestEmulator(yaml = TEST_CONFIG_YAML): Promise<TestEmulator> {
  const logs: string[] = [];
  const emulator = await startEmulator(parseEmulatorConfig(yaml, 'test.yaml'), { log: (line) => logs.push(line) });
  return {
    emulator,
    logs,
    url(host) {
      const domain = emulator.domains.find((candidate) => candidate.host === host);
      if (!domain) throw new Error(`the emulator serves no host ${host}`);
      return domain.url;
    },
  };
}

export const LOGIN_HOST = 'login.salesforce.com';
export const TEST_HOST = 'test.salesforce.com';
export const PROD_HOST = 'prod.my.salesforce.com';
export const UAT_HOST = 'prod--uat.sandbox.my.salesforce.com';

/** Escapes text for an XML element, as jsforce does. */
export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Builds a partner login request body as jsforce does, or an enterprise one for the enterprise `namespace`. */
export function soapLoginBody(username: string, password: string, namespace = 'urn:partner.soap.sforce.com'): string {
  return (
    '<se:Envelope xmlns:se="http://schemas.xmlsoap.org/soap/envelope/"><se:Header/><se:Body>' +
    `<login xmlns="${namespace}"><username>${escapeText(username)}</username>` +
    `<password>${escapeText(password)}</password></login></se:Body></se:Envelope>`
  );
}

/** POSTs a SOAP body and returns the status, content type and text of the response. */
export async function postSoap(
  url: string,
  body: string | Uint8Array,
  contentType = 'text/xml',
): Promise<{ status: number; contentType: string | null; text: string }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': contentType, SOAPAction: '""' },
    body,
  });
  return { status: response.status, contentType: response.headers.get('content-type'), text: await response.text() };
}

/** Returns the text of the first `<name>` element in `xml`, the way jsforce extracts values. */
export function elementText(xml: string, name: string): string | undefined {
  return new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1];
}

/** Lists the qualified element names of `xml` in document order. */
export function elementNames(xml: string): string[] {
  return [...xml.matchAll(/<([A-Za-z][\w:]*)[\s/>]/g)].map((match) => match[1]!);
}
