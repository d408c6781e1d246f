/**
 * SOAP response bodies in Salesforce's wire format: one line, no trailing newline, an XML
 * declaration, `soapenv` for the envelope, and elements in WSDL order.
 */

import type { FaultcodeStyle } from './config.js';
import { FAULTS, type FaultCode, type FaultType } from './faults.js';
import { escapeXml } from './xml.js';

export const SOAP_ENVELOPE_NAMESPACE = 'http://schemas.xmlsoap.org/soap/envelope/';
const XSI_NAMESPACE = 'http://www.w3.org/2001/XMLSchema-instance';
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';

/** The partner (`/u/`) or enterprise (`/c/`) API: same calls, different namespaces. */
export interface SoapApi {
  readonly pathLetter: 'u' | 'c';
  readonly namespace: string;
  readonly faultNamespace: string;
}

export const PARTNER_API: SoapApi = {
  pathLetter: 'u',
  namespace: 'urn:partner.soap.sforce.com',
  faultNamespace: 'urn:fault.partner.soap.sforce.com',
};

export const ENTERPRISE_API: SoapApi = {
  pathLetter: 'c',
  namespace: 'urn:enterprise.soap.sforce.com',
  faultNamespace: 'urn:fault.enterprise.soap.sforce.com',
};

/** First API version whose GetUserInfoResult has `chatterExternal` and `orgDefaultCurrencyLocale`. */
const USER_INFO_V40_FIELDS_FROM = 40;

/** Values of a LoginResult, in the order the partner WSDL defines them. */
export interface LoginResult {
  readonly metadataServerUrl: string;
  readonly passwordExpired: boolean;
  readonly sandbox: boolean;
  readonly serverUrl: string;
  readonly sessionId: string;
  readonly userId: string;
  readonly userInfo: UserInfo;
}

export interface UserInfo {
  readonly organizationId: string;
  readonly organizationName: string;
  readonly profileId: string;
  readonly userEmail: string;
  readonly userFullName: string;
  readonly userId: string;
  readonly userName: string;
}

type Element = readonly [name: string, value: string | null];

function renderElements(elements: readonly Element[]): string {
  return elements
    .map(([name, value]) => (value === null ? `<${name} xsi:nil="true"/>` : `<${name}>${escapeXml(value)}</${name}>`))
    .join('');
}

/** Renders a successful `loginResponse` for `version` ("NN.0"). */
export function loginResponseXml(api: SoapApi, version: string, result: LoginResult): string {
  const info = result.userInfo;
  const newFields = Number.parseFloat(version) >= USER_INFO_V40_FIELDS_FROM;

  // A single-currency org in en_US: the org currency is set and the user currency is nil.
  const userInfo: Element[] = [
    ['accessibilityMode', 'false'],
    ...(newFields ? ([['chatterExternal', 'false']] as const) : []),
    ['currencySymbol', '$'],
    ['orgAttachmentFileSizeLimit', '5242880'],
    ['orgDefaultCurrencyIsoCode', 'USD'],
    ...(newFields ? ([['orgDefaultCurrencyLocale', 'en_US']] as const) : []),
    ['orgDisallowHtmlAttachments', 'false'],
    ['orgHasPersonAccounts', 'false'],
    ['organizationId', info.organizationId],
    ['organizationMultiCurrency', 'false'],
    ['organizationName', info.organizationName],
    ['profileId', info.profileId],
    ['roleId', null],
    ['sessionSecondsValid', '7200'],
    ['userDefaultCurrencyIsoCode', null],
    ['userEmail', info.userEmail],
    ['userFullName', info.userFullName],
    ['userId', info.userId],
    ['userLanguage', 'en_US'],
    ['userLocale', 'en_US'],
    ['userName', info.userName],
    ['userTimeZone', 'America/Los_Angeles'],
    ['userType', 'Standard'],
    ['userUiSkin', 'Theme3'],
  ];
  const resultElements: Element[] = [
    ['metadataServerUrl', result.metadataServerUrl],
    ['passwordExpired', String(result.passwordExpired)],
    ['sandbox', String(result.sandbox)],
    ['serverUrl', result.serverUrl],
    ['sessionId', result.sessionId],
    ['userId', result.userId],
  ];

  return (
    XML_DECLARATION +
    `<soapenv:Envelope xmlns:soapenv="${SOAP_ENVELOPE_NAMESPACE}" xmlns="${api.namespace}" xmlns:xsi="${XSI_NAMESPACE}">` +
    '<soapenv:Body><loginResponse><result>' +
    renderElements(resultElements) +
    `<userInfo>${renderElements(userInfo)}</userInfo>` +
    '</result></loginResponse></soapenv:Body></soapenv:Envelope>'
  );
}

export function logoutResponseXml(api: SoapApi): string {
  return (
    XML_DECLARATION +
    `<soapenv:Envelope xmlns:soapenv="${SOAP_ENVELOPE_NAMESPACE}" xmlns="${api.namespace}">` +
    '<soapenv:Body><logoutResponse/></soapenv:Body></soapenv:Envelope>'
  );
}

/**
 * Renders an API fault. `faultcode` is bare or `sf:`-prefixed per `style`, `faultstring` is
 * `CODE: message`, and `detail` contains the typed fault with the code and message.
 */
export function apiFaultXml(
  api: SoapApi,
  code: FaultCode,
  style: FaultcodeStyle,
  message: string = FAULTS[code].message,
  type: FaultType = FAULTS[code].type,
): string {
  const faultcode = style === 'prefixed' ? `sf:${code}` : code;
  return (
    XML_DECLARATION +
    `<soapenv:Envelope xmlns:soapenv="${SOAP_ENVELOPE_NAMESPACE}" xmlns:sf="${api.faultNamespace}" xmlns:xsi="${XSI_NAMESPACE}">` +
    '<soapenv:Body><soapenv:Fault>' +
    `<faultcode>${faultcode}</faultcode>` +
    `<faultstring>${escapeXml(`${code}: ${message}`)}</faultstring>` +
    `<detail><sf:${type} xsi:type="sf:${type}">` +
    `<sf:exceptionCode>${code}</sf:exceptionCode>` +
    `<sf:exceptionMessage>${escapeXml(message)}</sf:exceptionMessage>` +
    `</sf:${type}></detail>` +
    '</soapenv:Fault></soapenv:Body></soapenv:Envelope>'
  );
}

/** Renders a SOAP 1.1 `soapenv:Client` fault: a request the SOAP layer rejects before any API call runs. */
export function clientFaultXml(message: string): string {
  return (
    XML_DECLARATION +
    `<soapenv:Envelope xmlns:soapenv="${SOAP_ENVELOPE_NAMESPACE}">` +
    '<soapenv:Body><soapenv:Fault>' +
    '<faultcode>soapenv:Client</faultcode>' +
    `<faultstring>${escapeXml(message)}</faultstring>` +
    '</soapenv:Fault></soapenv:Body></soapenv:Envelope>'
  );
}

const PADDING_LINE = '.'.repeat(99);

/**
 * Renders the HTML page that Salesforce's servlet container returns for a SOAP endpoint
 * requested with a method other than POST (HTTP 405). The leading blank lines, the script
 * line and the dotted comment come from that container's error template.
 */
export function methodNotAllowedHtml(path: string): string {
  return [
    '',
    '',
    '',
    '',
    '',
    '',
    '<html>',
    '<head>',
    '<meta http-equiv="Content-Type" content="text/html;charset=utf-8"/>',
    '<title>Error 405 Only POST allowed</title>',
    '</head>',
    '<body><h2>HTTP ERROR 405</h2>',
    `<p>Problem accessing ${escapeXml(path)}. Reason:`,
    '<pre>    Only POST allowed</pre></p><hr /><br/>',
    '',
    '',
    '',
    '',
    '<!-- Body events -->',
    '<script type="text/javascript">function bodyOnLoad(){if(window.PreferenceBits){window.PreferenceBits.prototype.csrfToken="null";};}function bodyOnBeforeUnload(){}function bodyOnFocus(){}function bodyOnUnload(){}</script>',
    '\t\t\t',
    '</body>',
    '</html>',
    '',
    '',
    '<!--',
    PADDING_LINE,
    PADDING_LINE,
    PADDING_LINE,
    PADDING_LINE,
    '-->',
  ].join('\n');
}
