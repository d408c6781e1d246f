/**
 * The SOAP login fault catalogue: every exception code the emulator can return from `login()`,
 * with the message it puts on the wire and the fault type in `detail`.
 *
 * The codes are the login-related members of the `ExceptionCode` enumeration in the partner
 * WSDL (jsforce ships a v47 copy). Entries with `observed: true` carry a message seen in real
 * Salesforce responses or client logs. NOTE: the messages of entries with `observed: false`
 * are the emulator's own, so clients should not match on them. The fault type was seen in
 * real responses only for INVALID_LOGIN (LoginFault), and for UNKNOWN_EXCEPTION,
 * INVALID_SESSION_ID and API_DISABLED_FOR_ORG (UnexpectedErrorFault). The other types are
 * guesses: LoginFault for failures tied to the user's credentials or access, otherwise
 * UnexpectedErrorFault.
 */

/** The element inside `<detail>`: `sf:LoginFault` for credential and access failures, `sf:UnexpectedErrorFault` otherwise. */
export type FaultType = 'LoginFault' | 'UnexpectedErrorFault';

export interface FaultDefinition {
  readonly message: string;
  readonly type: FaultType;
  readonly observed: boolean;
}

const INVALID_LOGIN_MESSAGE = 'Invalid username, password, security token; or user locked out.';

/** Text of `INVALID_OPERATION` when an org has SOAP `login()` switched off (the default for orgs created since Winter '26). */
export const SOAP_LOGIN_DISABLED_MESSAGE =
  'SOAP API login() is disabled by default in this org. Contact the org administrator to enable SOAP API login().';

/** Text of `INVALID_OPERATION` for `login()` at API 65.0 or later, where the call no longer exists. */
export function soapLoginRemovedMessage(version: string): string {
  return `The SOAP Login operation is not available in the API version specified (${version}). Refer to the documentation for supported versions.`;
}

/** Text of `INVALID_SESSION_ID` for a call whose SessionHeader carries an unknown or ended session. */
export const INVALID_SESSION_MESSAGE = 'Invalid Session ID found in SessionHeader: Illegal Session';

export const FAULTS = {
  INVALID_LOGIN: { message: INVALID_LOGIN_MESSAGE, type: 'LoginFault', observed: true },
  LOGIN_MUST_USE_SECURITY_TOKEN: {
    message:
      `${INVALID_LOGIN_MESSAGE} Are you at a new location? When accessing Salesforce--either via a desktop client ` +
      'or the API--from outside of your company’s trusted networks, you must add a security token to your ' +
      'password to log in. To get your new security token, log in to Salesforce. From your personal settings, ' +
      'enter Reset My Security Token in the Quick Find box, then select Reset My Security Token.',
    type: 'LoginFault',
    observed: true,
  },
  LOGIN_CHALLENGE_ISSUED: {
    message: 'Identity verification is required for this login. Verify your identity in the browser, or use a security token.',
    type: 'LoginFault',
    observed: false,
  },
  LOGIN_CHALLENGE_PENDING: {
    message: 'Identity verification for this login is still pending.',
    type: 'LoginFault',
    observed: false,
  },
  LOGIN_DURING_RESTRICTED_DOMAIN: { message: 'cannot log in from current domain', type: 'LoginFault', observed: true },
  LOGIN_DURING_RESTRICTED_TIME: {
    message: 'Login is not allowed at this time of day for this user.',
    type: 'LoginFault',
    observed: false,
  },
  PASSWORD_LOCKOUT: {
    message: 'The user is locked out after too many failed login attempts.',
    type: 'LoginFault',
    observed: false,
  },
  API_DISABLED_FOR_ORG: {
    message: 'API is not enabled for this Organization or Partner',
    type: 'UnexpectedErrorFault',
    observed: true,
  },
  API_CURRENTLY_DISABLED: { message: 'API is disabled for this User', type: 'LoginFault', observed: true },
  INSUFFICIENT_ACCESS: {
    message: 'The user lacks the Use Any API Auth permission that SOAP login() requires in this org.',
    type: 'LoginFault',
    observed: false,
  },
  INVALID_OPERATION: { message: SOAP_LOGIN_DISABLED_MESSAGE, type: 'UnexpectedErrorFault', observed: true },
  UNSUPPORTED_API_VERSION: { message: 'Invalid Api version specified on URL', type: 'UnexpectedErrorFault', observed: true },
  INVALID_SESSION_ID: { message: INVALID_SESSION_MESSAGE, type: 'UnexpectedErrorFault', observed: true },
  REQUEST_LIMIT_EXCEEDED: { message: 'TotalRequests Limit exceeded.', type: 'UnexpectedErrorFault', observed: true },
  SERVER_UNAVAILABLE: {
    message: 'A server required by this request is unavailable. Try again later.',
    type: 'UnexpectedErrorFault',
    observed: false,
  },
  ORG_LOCKED: { message: 'This organization is locked.', type: 'LoginFault', observed: false },
  TRIAL_EXPIRED: { message: 'The trial period of this organization has expired.', type: 'LoginFault', observed: false },
  ORG_IN_MAINTENANCE: {
    message: 'This organization is being moved and is read-only or unavailable. Try again later.',
    type: 'UnexpectedErrorFault',
    observed: false,
  },
  ORG_IS_SIGNING_UP: {
    message: 'This organization is still being set up. Try again later.',
    type: 'UnexpectedErrorFault',
    observed: false,
  },
  ORG_NOT_OWNED_BY_INSTANCE: {
    message: 'This organization is not served by the instance that received the request.',
    type: 'UnexpectedErrorFault',
    observed: false,
  },
  SSO_SERVICE_DOWN: {
    message: 'The delegated authentication service for this user is unreachable.',
    type: 'LoginFault',
    observed: false,
  },
  INVALID_SSO_GATEWAY_URL: {
    message: 'The delegated authentication gateway URL of this organization is not valid.',
    type: 'LoginFault',
    observed: false,
  },
  INVALID_CLIENT: { message: 'The client identifier in CallOptions is not valid.', type: 'LoginFault', observed: false },
  UNSUPPORTED_CLIENT: { message: 'This client is not supported.', type: 'LoginFault', observed: false },
  CLIENT_REQUIRE_UPDATE_FOR_USER: {
    message: 'This client must be updated before this user can log in with it.',
    type: 'LoginFault',
    observed: false,
  },
  CLIENT_NOT_ACCESSIBLE_FOR_USER: {
    message: 'This user is not allowed to use this client.',
    type: 'LoginFault',
    observed: false,
  },
  TXN_SECURITY_TWO_FA_REQUIRED: {
    message: 'A transaction security policy requires multi-factor authentication for this login.',
    type: 'LoginFault',
    observed: false,
  },
  TXN_SECURITY_NO_ACCESS: {
    message: 'A transaction security policy blocked this login.',
    type: 'LoginFault',
    observed: false,
  },
  TXN_SECURITY_END_A_SESSION: {
    message: 'A transaction security policy requires ending an existing session before this login.',
    type: 'LoginFault',
    observed: false,
  },
  MUTUAL_AUTHENTICATION_FAILED: {
    message: 'This organization requires a client certificate, and none valid was presented.',
    type: 'LoginFault',
    observed: false,
  },
  PORTAL_NO_ACCESS: { message: 'This user cannot log in to the requested portal.', type: 'LoginFault', observed: false },
  INACTIVE_PORTAL: { message: 'The requested portal is not active.', type: 'LoginFault', observed: false },
  FUNCTIONALITY_NOT_ENABLED: {
    message: 'A feature this login needs is not enabled in this organization.',
    type: 'UnexpectedErrorFault',
    observed: false,
  },
  UNKNOWN_EXCEPTION: {
    message: 'An unexpected error occurred. Please include this ErrorId if you contact support.',
    type: 'UnexpectedErrorFault',
    observed: false,
  },
} as const satisfies Record<string, FaultDefinition>;

export type FaultCode = keyof typeof FAULTS;

export const FAULT_CODES: readonly FaultCode[] = Object.keys(FAULTS) as FaultCode[];

export function isFaultCode(value: string): value is FaultCode {
  return Object.hasOwn(FAULTS, value);
}
