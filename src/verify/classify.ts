/**
 * Turns what jsforce throws into a fault code from the catalogue. jsforce (3.10) throws plain
 * Errors: SOAP login faults carry the faultstring ("INVALID_LOGIN: ..."), OAuth errors carry the
 * `error` field as the Error's name, and network failures are undici's "fetch failed" with the
 * system error code on `cause`.
 */
import { findFault, type FaultInfo } from '../salesforce/faults.js';
import { VerificationError } from './verification-error.js';

export interface LoginFailure {
  readonly code: string;
  /** The server's own text (fault string or error description), or a network summary. */
  readonly message: string;
  readonly fault?: FaultInfo;
}

const TLS_CODES = /^(CERT_|UNABLE_TO_|DEPTH_ZERO|SELF_SIGNED|ERR_TLS|ERR_SSL|EPROTO$)/;

/** Classifies an error thrown during login. */
export function classifyLoginError(error: unknown): LoginFailure {
  if (error instanceof VerificationError) return withFault(error.code, error.message);
  if (!(error instanceof Error)) return withFault('UNEXPECTED_RESPONSE', String(error));

  const networkCode = systemErrorCode(error);
  if (networkCode) {
    const proxyStatus = proxyTunnelStatus(error);
    if (proxyStatus) return withFault('PROXY', `the proxy answered CONNECT with HTTP ${proxyStatus}`);
    const code = TLS_CODES.test(networkCode)
      ? 'TLS'
      : networkCode === 'ETIMEDOUT' || networkCode === 'UND_ERR_CONNECT_TIMEOUT'
        ? 'TIMEOUT'
        : /^UND_ERR_PRX|PROXY/.test(networkCode)
          ? 'PROXY'
          : networkCode;
    return withFault(code, `network error ${networkCode}`);
  }
  if (error.name === 'TimeoutError' || error.name === 'AbortError' || /timed? ?out/i.test(error.message)) {
    const limit = /timed out after (\d+) ?ms/.exec(error.message);
    return withFault('TIMEOUT', limit ? `no answer within ${Number(limit[1]) / 1000} s (--timeout)` : 'the request timed out');
  }
  if (/password has expired/i.test(error.message)) {
    return withFault('PASSWORD_EXPIRED', 'the login response says passwordExpired=true');
  }

  // OAuth: jsforce sets the Error's name to the `error` field of the JSON body. Most codes are
  // lower case, but some (OAUTH_APP_BLOCKED) are not, so catalogued OAuth codes count too.
  if ((/^[a-z][a-z_]*$/.test(error.name) && error.name !== 'error') || findFault(error.name)?.source === 'oauth') {
    return withFault(error.name, error.message);
  }
  if (error.name === 'ERROR_HTTP_407') return withFault('PROXY', 'the proxy requires authentication (HTTP 407)');
  if (/^ERROR_HTTP_\d+$/.test(error.name)) {
    return withFault('UNEXPECTED_RESPONSE', `HTTP ${error.name.slice('ERROR_HTTP_'.length)} with a body that is not an OAuth error`);
  }

  // SOAP: the faultstring starts with the exception code.
  const soap = /^(?:[a-z]+:)?([A-Z][A-Z0-9_]+): ?([\s\S]*)$/.exec(error.message);
  if (soap) return withFault(soap[1]!, `${soap[1]}: ${soap[2]!.trim()}`);

  if (/^\s*</.test(error.message)) {
    return withFault('UNEXPECTED_RESPONSE', 'the login host answered with an HTML or XML page, not a Salesforce login response');
  }
  if (/could not extract session information|html content|Unexpected token|is not valid JSON/i.test(error.message)) {
    return withFault('UNEXPECTED_RESPONSE', 'the response is not a Salesforce login response');
  }
  return withFault('UNEXPECTED_RESPONSE', firstLine(error.message));
}

function withFault(code: string, message: string): LoginFailure {
  const fault = findFault(code);
  return { code, message: truncate(message), ...(fault ? { fault } : {}) };
}

function systemErrorCode(error: Error): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[A-Z_][A-Z0-9_]+$/.test(code) && code !== 'ERR_INVALID_ARG_TYPE') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * Returns the HTTP status with which a proxy refused a CONNECT (such as 407), or undefined.
 * undici 8's ProxyAgent reports that refusal as UND_ERR_ABORTED with the message
 * "Proxy response (407) !== 200 when HTTP Tunneling".
 */
function proxyTunnelStatus(error: Error): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth += 1) {
    const match = /^Proxy response \((\d+)\)/.exec(current.message);
    if (match) return match[1];
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? '';
}

function truncate(text: string): string {
  return text.length > 500 ? `${text.slice(0, 497)}...` : text;
}
