/**
 * The SOAP endpoints `/services/Soap/u/NN.N` (partner) and `/services/Soap/c/NN.N`
 * (enterprise): `login()`, and `logout()` on the server URL that login returns.
 */

import {
  API_VERSION_PATTERN,
  NEWEST_KNOWN_API_VERSION,
  compareApiVersions,
  oldestServedApiVersion,
  soapLoginAvailableAt,
} from '../salesforce/api-versions.js';
import type { EmulatorOrg, EmulatorUser } from './config.js';
import { myDomainListener, XML_CONTENT_TYPE, type EmulatorRequest, type EmulatorResponse } from './context.js';
import { checkCredentials } from './credentials.js';
import { FAULTS, INVALID_SESSION_MESSAGE, soapLoginRemovedMessage, type FaultCode } from './faults.js';
import { deriveId } from './ids.js';
import {
  apiFaultXml,
  clientFaultXml,
  ENTERPRISE_API,
  loginResponseXml,
  logoutResponseXml,
  methodNotAllowedHtml,
  PARTNER_API,
  SOAP_ENVELOPE_NAMESPACE,
  type SoapApi,
} from './soap-envelopes.js';
import { parseXml, XmlSyntaxError, type XmlElement } from './xml.js';

/** `/services/Soap/{u|c}/VERSION`, optionally followed by the org id of a server URL. */
export const SOAP_PATH = /^\/services\/Soap\/([uc])\/([^/]+)(?:\/.*)?$/;

/** Text of the `soapenv:Client` fault for a request whose Content-Type is not text/xml. */
const WRONG_CONTENT_TYPE_MESSAGE = 'content-type of the request should be text/xml';

interface SoapCall {
  readonly request: EmulatorRequest;
  readonly api: SoapApi;
  readonly version: string;
}

export function handleSoap(request: EmulatorRequest): EmulatorResponse {
  const route = SOAP_PATH.exec(request.path)!;
  const call: SoapCall = { request, api: route[1] === 'c' ? ENTERPRISE_API : PARTNER_API, version: route[2]! };

  if (request.method !== 'POST') {
    return {
      status: 405,
      headers: { 'Content-Type': 'text/html;charset=utf-8', Allow: 'POST' },
      body: methodNotAllowedHtml(request.path),
    };
  }
  const mediaType = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (mediaType !== 'text/xml') {
    return soapResponse(500, clientFaultXml(WRONG_CONTENT_TYPE_MESSAGE), 'wrong content type');
  }

  // The version in the URL is checked first, because that check needs no body.
  const hostMaximum = request.listener.org?.maxApiVersion ?? NEWEST_KNOWN_API_VERSION;
  if (!isServedVersion(call.version, hostMaximum)) return fault(call, 'UNSUPPORTED_API_VERSION');

  const envelope = readEnvelope(call);
  if ('response' in envelope) return envelope.response;
  const { operation, header } = envelope;

  const known = operation.namespace === call.api.namespace || operation.namespace === '';
  if (known && operation.name === 'login') return login(call, operation);
  if (known && operation.name === 'logout') return logout(call, header);
  // Salesforce serves every call of the WSDL here, but the emulator implements only login and logout.
  return soapResponse(
    500,
    clientFaultXml(`No operation available for request {${operation.namespace}}${operation.name}, please check the WSDL for the service.`),
    `unsupported operation ${operation.name}`,
  );
}

/** Decodes and parses the body, and returns the operation element and the SOAP header, or a fault response. */
function readEnvelope(call: SoapCall): { operation: XmlElement; header: XmlElement | undefined } | { response: EmulatorResponse } {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(call.request.body);
  } catch {
    return { response: fault(call, 'UNKNOWN_EXCEPTION', 'Invalid byte 1 of 1-byte UTF-8 sequence.') };
  }

  let root: XmlElement;
  try {
    root = parseXml(text);
  } catch (error) {
    if (!(error instanceof XmlSyntaxError)) throw error;
    return { response: fault(call, 'UNKNOWN_EXCEPTION', error.message) };
  }

  if (root.name !== 'Envelope' || root.namespace !== SOAP_ENVELOPE_NAMESPACE) {
    const message = `The root element is {${root.namespace}}${root.name}, but a SOAP 1.1 request needs {${SOAP_ENVELOPE_NAMESPACE}}Envelope.`;
    return { response: soapResponse(500, clientFaultXml(message), 'not a SOAP 1.1 envelope') };
  }
  const header = root.children.find((child) => child.name === 'Header' && child.namespace === SOAP_ENVELOPE_NAMESPACE);
  const body = root.children.find((child) => child.name === 'Body' && child.namespace === SOAP_ENVELOPE_NAMESPACE);
  const operation = body?.children[0];
  if (!operation) {
    return { response: soapResponse(500, clientFaultXml('The SOAP request has no Body, or its Body has no operation element.'), 'no operation') };
  }
  return { operation, header };
}

/**
 * Runs `login()`. The checks run in this order: the version, the credentials, then the org and
 * user switches, so that a wrong password never reveals how an org is set up.
 */
function login(call: SoapCall, operation: XmlElement): EmulatorResponse {
  const { request, version } = call;
  const { state, listener } = request;
  const username = childText(operation, 'username');
  const password = childText(operation, 'password');

  if (!soapLoginAvailableAt(version)) {
    return fault(call, 'INVALID_OPERATION', soapLoginRemovedMessage(version), `login at ${version}, user=${username}`);
  }

  const check = checkCredentials(state, listener, username, password);
  if (!check.ok) return fault(call, check.code, undefined, `user=${username}`);
  const { org, user } = check;

  const outcome = `user=${user.username} org=${org.organizationId}`;
  if (compareApiVersions(version, org.maxApiVersion) > 0) return fault(call, 'UNSUPPORTED_API_VERSION', undefined, outcome);
  if (!org.apiEnabled) return fault(call, 'API_DISABLED_FOR_ORG', undefined, outcome);
  if (!user.apiEnabled) return fault(call, 'API_CURRENTLY_DISABLED', undefined, outcome);
  if (!org.soapLogin) return fault(call, 'INVALID_OPERATION', undefined, outcome);

  const session = state.sessions.create({
    org,
    user,
    origin: 'soap',
    restricted: user.passwordExpired,
    identityUrl: `${listener.url}/id/${org.organizationId}/${user.userId}`,
  });
  const body = loginResponseXml(call.api, version, loginResult(call, org, user, session.token));
  const expired = user.passwordExpired ? ' with an expired password' : '';
  return soapResponse(200, body, `login ok${expired}: ${outcome}`);
}

function loginResult(call: SoapCall, org: EmulatorOrg, user: EmulatorUser, sessionId: string) {
  const origin = myDomainListener(call.request.state, org).url;
  const org15 = org.organizationId.slice(0, 15);
  return {
    metadataServerUrl: `${origin}/services/Soap/m/${call.version}/${org15}`,
    passwordExpired: user.passwordExpired,
    sandbox: org.sandbox,
    serverUrl: `${origin}/services/Soap/${call.api.pathLetter}/${call.version}/${org15}`,
    sessionId,
    userId: user.userId,
    userInfo: {
      organizationId: org.organizationId,
      organizationName: org.name,
      profileId: deriveId('00e', `profile:${org.organizationId}`),
      userEmail: user.email,
      userFullName: user.fullName,
      userId: user.userId,
      userName: user.username,
    },
  };
}

/**
 * Runs `logout()`: ends the session named in the SessionHeader. A My Domain host accepts only
 * its own org's sessions.
 */
function logout(call: SoapCall, header: XmlElement | undefined): EmulatorResponse {
  const { state, listener } = call.request;
  const sessionHeader = header?.children.find((child) => child.name === 'SessionHeader');
  const sessionId = sessionHeader ? childText(sessionHeader, 'sessionId') : '';
  const session = state.sessions.find(sessionId);

  if (!session || (listener.org && session.org !== listener.org)) {
    // Always prefixed: the only form seen for INVALID_SESSION_ID, and jsforce's generic SOAP
    // client needs the prefix to recognise an expired session.
    const body = apiFaultXml(call.api, 'INVALID_SESSION_ID', 'prefixed', INVALID_SESSION_MESSAGE);
    return soapResponse(500, body, 'logout fault INVALID_SESSION_ID');
  }
  state.sessions.end(session.token);
  return soapResponse(200, logoutResponseXml(call.api), `logout ok: user=${session.user.username}`);
}

/** Tells whether `version` is a well-formed, non-retired version no newer than `maximum`. */
function isServedVersion(version: string, maximum: string): boolean {
  return (
    API_VERSION_PATTERN.test(version) &&
    compareApiVersions(version, oldestServedApiVersion()) >= 0 &&
    compareApiVersions(version, maximum) <= 0
  );
}

/** Returns the text of the first child element named `name`, whatever its namespace, or '' when there is none. */
function childText(parent: XmlElement, name: string): string {
  return parent.children.find((child) => child.name === name)?.text ?? '';
}

function fault(call: SoapCall, code: FaultCode, message?: string, detail?: string): EmulatorResponse {
  const body = apiFaultXml(call.api, code, call.request.state.config.faultcodeStyle, message ?? FAULTS[code].message);
  return soapResponse(500, body, `fault ${code}${detail ? `: ${detail}` : ''}`);
}

function soapResponse(status: number, body: string, outcome: string): EmulatorResponse {
  return { status, headers: { 'Content-Type': XML_CONTENT_TYPE }, body, outcome };
}
