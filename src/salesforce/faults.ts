/**
 * What Salesforce login faults and OAuth errors mean and what to do about them, as data.
 * Sources: the SOAP API `login()` and ExceptionCode reference, the OAuth 2.0 flow error pages of
 * Salesforce help, and error bodies recorded from real orgs.
 */

export type FaultSource = 'soap' | 'oauth' | 'network' | 'orgcfg';

export interface FaultInfo {
  /** The code as Salesforce sends it (`INVALID_LOGIN`, `invalid_grant`), or orgcfg's own. */
  readonly code: string;
  readonly source: FaultSource;
  /** One sentence on what happened. */
  readonly meaning: string;
  /** What to do next, most likely fix first. */
  readonly action: string;
  /** Whether running verify again later could succeed without a change. */
  readonly retryable: boolean;
}

const FAULTS: readonly FaultInfo[] = [
  {
    code: 'INVALID_LOGIN',
    source: 'soap',
    meaning: 'Salesforce rejected the username, password or security token, or the user is locked out, inactive or frozen. The message is deliberately vague.',
    action: 'Check the username (sandbox usernames end in .SANDBOXNAME), the password, and that the security token is the current one (a password reset changes it). Check the login URL: sandbox users log in at test.salesforce.com or the sandbox My Domain. Setup > Login History shows the real reason.',
    retryable: false,
  },
  {
    code: 'LOGIN_MUST_USE_SECURITY_TOKEN',
    source: 'soap',
    meaning: 'The login came from an IP address outside the org\'s trusted ranges and no valid security token was appended.',
    action: 'Set securityToken to a reference to the user\'s current token (Reset My Security Token in the user\'s personal settings emails a new one), or have an admin add the caller\'s IP range under Setup > Network Access.',
    retryable: false,
  },
  {
    code: 'API_DISABLED_FOR_ORG',
    source: 'soap',
    meaning: 'The org\'s edition has no API access.',
    action: 'Use an edition with API access (Enterprise, Unlimited, Developer) or buy the API add-on for this org.',
    retryable: false,
  },
  {
    code: 'API_CURRENTLY_DISABLED',
    source: 'soap',
    meaning: 'The user lacks the "API Enabled" permission, or the API is briefly unavailable.',
    action: 'Grant "API Enabled" to the user through the profile or a permission set.',
    retryable: false,
  },
  {
    code: 'INVALID_OPERATION',
    source: 'soap',
    meaning: 'SOAP login() is not available: it does not exist at API 65.0 and later, and orgs created in Winter \'26 or later disable it by default.',
    action: 'Move this org to OAuth (auth method client-credentials; orgcfg upgrade can rewrite the block). Until then, use apiVersion "64.0" or lower and ask an admin to enable SOAP API login() in Setup > User Interface.',
    retryable: false,
  },
  {
    code: 'UNSUPPORTED_API_VERSION',
    source: 'soap',
    meaning: 'The org does not serve this API version: it is retired, or newer than the org\'s release.',
    action: 'Set apiVersion to a version the org lists at GET /services/data/ (run orgcfg lint to see which versions are retired).',
    retryable: false,
  },
  {
    code: 'PASSWORD_EXPIRED',
    source: 'soap',
    meaning: 'The login succeeded but the password has expired (passwordExpired=true), so the session can do nothing but change the password.',
    action: 'Log in to Salesforce in a browser as this user and set a new password, then update the variable. Give integration users a profile with "Password never expires", or move to OAuth.',
    retryable: false,
  },
  {
    code: 'PASSWORD_LOCKOUT',
    source: 'soap',
    meaning: 'The user is locked out after too many failed logins.',
    action: 'Wait for the lockout period to end or have an admin unlock the user, then fix the credentials that failed.',
    retryable: true,
  },
  {
    code: 'LOGIN_DURING_RESTRICTED_DOMAIN',
    source: 'soap',
    meaning: 'The caller\'s IP address is outside the Login IP Ranges of the user\'s profile; a security token does not help.',
    action: 'Run verify from an allowed network, or have an admin change the profile\'s Login IP Ranges.',
    retryable: false,
  },
  {
    code: 'SERVER_UNAVAILABLE',
    source: 'soap',
    meaning: 'A Salesforce server needed for the login is unavailable.',
    action: 'Try again later and check the Salesforce Trust status page for the org\'s instance.',
    retryable: true,
  },
  {
    code: 'UNKNOWN_EXCEPTION',
    source: 'soap',
    meaning: 'Salesforce failed to process the request, for example because the request XML was malformed.',
    action: 'Try again; if it persists, report it with the fault text.',
    retryable: true,
  },
  {
    code: 'invalid_grant',
    source: 'oauth',
    meaning: 'The OAuth token request was refused: wrong credentials, a flow the org or app does not allow, an IP restriction, or the wrong host.',
    action: 'Check the client id and secret, that the app enables this flow and has a run-as user (client credentials), and that the login URL is the org\'s My Domain. Setup > Login History shows the reason.',
    retryable: false,
  },
  {
    code: 'invalid_client_id',
    source: 'oauth',
    meaning: 'Salesforce does not know this client id (consumer key). New apps can take up to ten minutes to become usable.',
    action: 'Copy the consumer key of the External Client App or connected app into the variable behind auth.clientId, and make sure the login URL points at the org that owns the app.',
    retryable: false,
  },
  {
    code: 'invalid_client',
    source: 'oauth',
    meaning: 'The client secret does not match the app.',
    action: 'Copy the current consumer secret of the app into the variable behind auth.clientSecret.',
    retryable: false,
  },
  {
    code: 'unsupported_grant_type',
    source: 'oauth',
    meaning: 'The token endpoint does not accept this grant type here: the flow is disabled for the app, or the request went over http instead of https.',
    action: 'Enable the flow in the app\'s OAuth settings and use an https login URL.',
    retryable: false,
  },
  {
    code: 'ECONNREFUSED',
    source: 'network',
    meaning: 'Nothing accepted the connection at the login URL.',
    action: 'Check the login URL and port, and that any proxy or emulator is running.',
    retryable: true,
  },
  {
    code: 'ENOTFOUND',
    source: 'network',
    meaning: 'The login host name does not resolve.',
    action: 'Check the spelling of the login URL; a My Domain name changes when the domain is renamed.',
    retryable: false,
  },
  {
    code: 'TIMEOUT',
    source: 'network',
    meaning: 'The login did not finish within the time limit.',
    action: 'Check network access to the login host (firewall, proxy); raise --timeout if the network is slow.',
    retryable: true,
  },
  {
    code: 'TLS',
    source: 'network',
    meaning: 'The TLS connection to the login host failed (certificate not trusted or handshake failed).',
    action: 'If a corporate proxy inspects TLS, point NODE_EXTRA_CA_CERTS at its CA certificate.',
    retryable: false,
  },
  {
    code: 'UNEXPECTED_RESPONSE',
    source: 'orgcfg',
    meaning: 'The login host answered with something that is not a Salesforce login response.',
    action: 'Check that the login URL is a Salesforce login host (login.salesforce.com, test.salesforce.com or a My Domain), not a Lightning, site or proxy address.',
    retryable: false,
  },
];

const BY_CODE = new Map(FAULTS.map((fault) => [fault.code, fault]));

/** Returns the catalogue entry for `code`, or undefined for codes it does not describe. */
export function findFault(code: string): FaultInfo | undefined {
  return BY_CODE.get(code);
}

/** Every catalogue entry. */
export function allFaults(): readonly FaultInfo[] {
  return FAULTS;
}
