/**
 * What Salesforce login faults, OAuth errors and network failures mean and what to do about
 * them, as data. Sources: the SOAP API `login()` and ExceptionCode reference (partner WSDL as
 * shipped in jsforce 3.10), the OAuth 2.0 flow error pages of Salesforce help, Login History
 * status texts, and error bodies recorded from real orgs.
 */

export type FaultSource = 'soap' | 'oauth' | 'network' | 'orgcfg';

export interface FaultInfo {
  /** The code as Salesforce sends it (`INVALID_LOGIN`, `invalid_grant`), or orgcfg's own. */
  readonly code: string;
  readonly source: FaultSource;
  /** One sentence on what happened. */
  readonly meaning: string;
  /** Likely causes, most likely first. */
  readonly causes: readonly string[];
  /** The org setting to check first, as a path below the org (`auth.securityToken`, `loginUrl`). */
  readonly field?: string;
  /** The Salesforce Setup page (or other place) where the fix is made. */
  readonly setup?: string;
  /** The next step for the user. */
  readonly action: string;
  /** Whether running verify again later could succeed without a change. */
  readonly retryable: boolean;
}

type Entry = Omit<FaultInfo, 'source'>;

const SOAP: readonly Entry[] = [
  {
    code: 'INVALID_LOGIN',
    meaning: 'Salesforce rejected the username, password or security token, or the user is locked out, inactive or frozen. The message is deliberately vague.',
    causes: ['wrong or stale security token (a password reset issues a new one)', 'wrong password', 'sandbox username without its .SANDBOXNAME suffix', 'sandbox user logging in at login.salesforce.com, or the reverse', 'user inactive, frozen or locked out'],
    field: 'auth.password',
    setup: 'Setup > Login History (shows the real reason, such as "Invalid Password")',
    action: 'Check the username (sandbox usernames end in .SANDBOXNAME), the password, and that the security token is the current one (a password reset changes it). Check the login URL: sandbox users log in at test.salesforce.com or the sandbox My Domain. Setup > Login History shows the real reason.',
    retryable: false,
  },
  {
    code: 'LOGIN_MUST_USE_SECURITY_TOKEN',
    meaning: "The login came from an IP address outside the org's trusted ranges and no valid security token was appended.",
    causes: ['securityToken missing or empty', 'the token was reset and the variable holds the old one', "the caller's IP is not in the org's trusted ranges"],
    field: 'auth.securityToken',
    setup: "the user's personal settings > Reset My Security Token; or Setup > Network Access for trusted IP ranges",
    action: "Set securityToken to a reference to the user's current token (Reset My Security Token in the user's personal settings emails a new one), or have an admin add the caller's IP range under Setup > Network Access.",
    retryable: false,
  },
  {
    code: 'LOGIN_CHALLENGE_ISSUED',
    meaning: 'Salesforce wants to verify the identity of this login from a new location before it succeeds.',
    causes: ['no security token appended from an untrusted network'],
    field: 'auth.securityToken',
    setup: 'Setup > Network Access',
    action: 'Append the security token, or verify the identity once in a browser from the same network.',
    retryable: false,
  },
  {
    code: 'LOGIN_CHALLENGE_PENDING',
    meaning: 'An identity verification for this user is still pending.',
    causes: ['an earlier login challenge was not completed'],
    field: 'auth.securityToken',
    action: 'Complete the identity verification in a browser, or append the security token.',
    retryable: true,
  },
  {
    code: 'LOGIN_DURING_RESTRICTED_DOMAIN',
    meaning: "The caller's IP address is outside the Login IP Ranges of the user's profile; a security token does not help.",
    causes: ['verify runs from a network the profile does not allow (CI runners often have changing IPs)'],
    setup: "Setup > Profiles > the user's profile > Login IP Ranges",
    action: "Run verify from an allowed network, or have an admin change the profile's Login IP Ranges.",
    retryable: false,
  },
  {
    code: 'LOGIN_DURING_RESTRICTED_TIME',
    meaning: "The login is outside the Login Hours of the user's profile.",
    causes: ['the profile restricts login hours'],
    setup: "Setup > Profiles > the user's profile > Login Hours",
    action: "Run verify within the login hours, or have an admin change the profile's Login Hours.",
    retryable: true,
  },
  {
    code: 'PASSWORD_LOCKOUT',
    meaning: 'The user is locked out after too many failed logins.',
    causes: ['repeated logins with a wrong password, for example from another job with stale credentials'],
    field: 'auth.password',
    setup: 'Setup > Users > the user > Unlock',
    action: 'Wait for the lockout period to end or have an admin unlock the user, then fix the credentials that failed.',
    retryable: true,
  },
  {
    code: 'PASSWORD_EXPIRED',
    meaning: 'The login succeeded but the password has expired (passwordExpired=true), so the session can do nothing but change the password.',
    causes: ["the profile's password policy expired the password"],
    field: 'auth.password',
    setup: 'Setup > Password Policies, or a profile with "Password never expires"',
    action: 'Log in to Salesforce in a browser as this user and set a new password, then update the variable. Give integration users a profile with "Password never expires", or move to OAuth.',
    retryable: false,
  },
  {
    code: 'API_DISABLED_FOR_ORG',
    meaning: "The org's edition has no API access.",
    causes: ['Professional or Essentials edition without the API add-on', 'a trial that lost API access'],
    action: 'Use an edition with API access (Enterprise, Unlimited, Developer) or buy the API add-on for this org.',
    retryable: false,
  },
  {
    code: 'API_CURRENTLY_DISABLED',
    meaning: 'The user lacks the "API Enabled" permission, or the API is briefly unavailable.',
    causes: ['"API Enabled" missing from the profile and permission sets', 'a brief Salesforce-side outage'],
    setup: 'Setup > Profiles or Permission Sets > System Permissions > API Enabled',
    action: 'Grant "API Enabled" to the user through the profile or a permission set.',
    retryable: false,
  },
  {
    code: 'INSUFFICIENT_ACCESS',
    meaning: 'Since Summer \'26 (API 67.0), SOAP login() needs the "Use Any API Auth" permission where that enforcement is on (the default in new orgs).',
    causes: ['the user lacks "Use Any API Auth"'],
    setup: 'Setup > Permission Sets > Use Any API Auth',
    action: 'Grant "Use Any API Auth" to the user, or better, move the org to OAuth (orgcfg upgrade --auth client-credentials).',
    retryable: false,
  },
  {
    code: 'INVALID_OPERATION',
    meaning: "SOAP login() is not available: it does not exist at API 65.0 and later, and orgs created in Winter '26 or later disable it by default.",
    causes: ['apiVersion is 65.0 or later', 'the org disables SOAP API login()'],
    field: 'apiVersion',
    setup: 'Setup > User Interface > Enable SOAP API login()',
    action: 'Move this org to OAuth (auth method client-credentials or jwt; orgcfg upgrade --auth rewrites the block). Until then, use apiVersion "64.0" or lower and ask an admin to enable SOAP API login() in Setup > User Interface.',
    retryable: false,
  },
  {
    code: 'UNSUPPORTED_API_VERSION',
    meaning: "The org does not serve this API version: it is retired, or newer than the org's release.",
    causes: ['apiVersion is 30.0 or lower (retired)', 'apiVersion is newer than the release the org runs (common in release weeks)'],
    field: 'apiVersion',
    action: 'Set apiVersion to a version the org lists at GET /services/data/ (orgcfg lint reports retired versions).',
    retryable: false,
  },
  {
    code: 'ORG_LOCKED',
    meaning: 'Salesforce has locked the org.',
    causes: ['billing or a Salesforce-side action'],
    action: 'Contact Salesforce support or the org owner.',
    retryable: false,
  },
  {
    code: 'TRIAL_EXPIRED',
    meaning: 'The trial org has expired.',
    causes: ['the trial period ended'],
    action: 'Use another org or convert the trial.',
    retryable: false,
  },
  {
    code: 'ORG_IN_MAINTENANCE',
    meaning: 'The org is being moved or maintained.',
    causes: ['an instance migration or maintenance window'],
    action: 'Try again later; check the Salesforce Trust status page for the org\'s instance.',
    retryable: true,
  },
  {
    code: 'ORG_NOT_OWNED_BY_INSTANCE',
    meaning: 'The request reached an instance host that does not own the org.',
    causes: ['an instanced login URL such as na1.salesforce.com after the org moved'],
    field: 'loginUrl',
    action: 'Use the My Domain login URL (https://MYDOMAIN.my.salesforce.com) or the generic login host.',
    retryable: false,
  },
  {
    code: 'SERVER_UNAVAILABLE',
    meaning: 'A Salesforce server needed for the login is unavailable.',
    causes: ['maintenance or an incident on the instance'],
    action: "Try again later and check the Salesforce Trust status page for the org's instance.",
    retryable: true,
  },
  {
    code: 'REQUEST_LIMIT_EXCEEDED',
    meaning: "The org's rolling 24-hour API request allowance, or its login rate, is used up.",
    causes: ['other integrations used the allowance', 'too many logins in a short time'],
    setup: 'Setup > Company Information (API Requests, Last 24 Hours)',
    action: 'Wait until requests free up, reduce other API use, or raise the org\'s limits.',
    retryable: true,
  },
  {
    code: 'ORG_IS_SIGNING_UP',
    meaning: 'The org is still being created.',
    causes: ['a new org or sandbox whose provisioning has not finished'],
    action: 'Wait until Salesforce finishes creating the org, then try again.',
    retryable: true,
  },
  {
    code: 'SSO_SERVICE_DOWN',
    meaning: "The user logs in through delegated authentication, and the org's delegated authentication service could not be reached.",
    causes: ["the org's single sign-on endpoint is down or unreachable from Salesforce"],
    setup: 'Setup > Single Sign-On Settings (delegated authentication gateway URL)',
    action: 'Restore the delegated authentication service, or use an integration user that is not SSO-enabled (better: OAuth).',
    retryable: true,
  },
  {
    code: 'INVALID_SSO_GATEWAY_URL',
    meaning: "The org's delegated authentication gateway URL is invalid.",
    causes: ['a wrong or outdated gateway URL in the org settings'],
    setup: 'Setup > Single Sign-On Settings',
    action: 'Have an admin fix the delegated authentication gateway URL, or use an integration user that is not SSO-enabled.',
    retryable: false,
  },
  {
    code: 'INVALID_CLIENT',
    meaning: 'The client identifier sent with the login (CallOptions client) is not valid.',
    causes: ['the org restricts API clients and this client id is not allowed'],
    action: 'Ask an admin whether the org restricts API client ids, and allow the one in use.',
    retryable: false,
  },
  {
    code: 'UNSUPPORTED_CLIENT',
    meaning: 'The org does not support this API client.',
    causes: ['the org blocks the client identifier or its version'],
    action: 'Ask an admin which API clients the org allows.',
    retryable: false,
  },
  {
    code: 'CLIENT_REQUIRE_UPDATE_FOR_USER',
    meaning: 'The org requires this user to use a newer version of the client.',
    causes: ['a client version policy in the org'],
    action: 'Ask an admin about the client version policy for this user.',
    retryable: false,
  },
  {
    code: 'CLIENT_NOT_ACCESSIBLE_FOR_USER',
    meaning: 'The user may not use this client.',
    causes: ["the user's profile does not allow this API client"],
    field: 'auth.username',
    action: "Ask an admin to allow the client for the user's profile, or use another integration user.",
    retryable: false,
  },
  {
    code: 'TXN_SECURITY_TWO_FA_REQUIRED',
    meaning: 'A Transaction Security policy requires multi-factor authentication for this login.',
    causes: ['an Event Monitoring policy that demands MFA for API logins'],
    setup: 'Setup > Transaction Security Policies',
    action: 'Move the integration to OAuth (client-credentials or jwt), or have an admin exempt the integration user from the policy.',
    retryable: false,
  },
  {
    code: 'TXN_SECURITY_NO_ACCESS',
    meaning: 'A Transaction Security policy blocked this login.',
    causes: ['an Event Monitoring policy that blocks this user, client or network'],
    setup: 'Setup > Transaction Security Policies',
    action: 'Have an admin check which policy blocked the login (Setup > Transaction Security Policies and the event log).',
    retryable: false,
  },
  {
    code: 'TXN_SECURITY_END_A_SESSION',
    meaning: 'A Transaction Security policy requires ending another session before this login.',
    causes: ['a policy that limits concurrent sessions for the user'],
    setup: 'Setup > Session Management',
    action: "End the user's other sessions, or have an admin change the policy for the integration user.",
    retryable: true,
  },
  {
    code: 'MUTUAL_AUTHENTICATION_FAILED',
    meaning: 'The org requires mutual TLS and the login presented no valid client certificate.',
    causes: ['the user has "Enforce SSL/TLS Mutual Authentication" and no client certificate was sent'],
    setup: 'Setup > Certificate and Key Management > Mutual Authentication Certificates',
    action: 'Use an integration user without mutual authentication enforcement; orgcfg does not send client certificates.',
    retryable: false,
  },
  {
    code: 'PORTAL_NO_ACCESS',
    meaning: 'The user may not log in to the requested portal or Experience Cloud site.',
    causes: ['a portal user logging in with the wrong organization or portal id'],
    field: 'auth.username',
    action: 'Use an internal integration user for API logins.',
    retryable: false,
  },
  {
    code: 'INACTIVE_PORTAL',
    meaning: 'The requested portal or Experience Cloud site is inactive.',
    causes: ['the site was deactivated'],
    action: 'Activate the site, or use an internal integration user.',
    retryable: false,
  },
  {
    code: 'FUNCTIONALITY_NOT_ENABLED',
    meaning: 'A feature this login path needs is not enabled in the org.',
    causes: ['the org edition or settings lack the feature'],
    action: 'Ask an admin or Salesforce support which feature the login needs.',
    retryable: false,
  },
  {
    code: 'UNKNOWN_EXCEPTION',
    meaning: 'Salesforce failed to process the request, for example because the request XML was malformed.',
    causes: ['a Salesforce-side error', 'a malformed request'],
    action: 'Try again; if it persists, report it with the fault text.',
    retryable: true,
  },
];

const OAUTH: readonly Entry[] = [
  {
    code: 'invalid_grant',
    meaning: 'The OAuth token request was refused: wrong credentials, a flow the org or app does not allow, an IP restriction, an expired token, or the wrong host.',
    causes: ['wrong username, password or token (password flows)', 'client credentials sent to login.salesforce.com or test.salesforce.com instead of the My Domain', 'the app has no run-as user (client credentials) or the user is not pre-authorized (JWT)', 'an expired or revoked refresh token', 'the org blocks the username-password flow'],
    field: 'loginUrl',
    setup: 'Setup > Login History; the app\'s OAuth policies in Setup > External Client App Manager',
    action: "Check the error text: \"request not supported on this domain\" means use the org's My Domain login URL; \"user hasn't approved this consumer\" means pre-authorize the user's profile or permission set in the app; \"expired access/refresh token\" means get a new refresh token; \"authentication failure\" means wrong credentials or a blocked flow (Setup > Login History shows which).",
    retryable: false,
  },
  {
    code: 'invalid_client_id',
    meaning: 'Salesforce does not know this client id (consumer key). New apps can take up to ten minutes to become usable.',
    causes: ['a typo in the consumer key', 'the app belongs to another org', 'the app was created minutes ago'],
    field: 'auth.clientId',
    setup: 'Setup > External Client App Manager (or App Manager) > the app > consumer key',
    action: 'Copy the consumer key of the External Client App or connected app into the variable behind auth.clientId, and make sure the login URL points at the org that owns the app.',
    retryable: false,
  },
  {
    code: 'invalid_client',
    meaning: 'The client secret does not match the app.',
    causes: ['a wrong or rotated consumer secret'],
    field: 'auth.clientSecret',
    setup: 'Setup > External Client App Manager > the app > consumer secret',
    action: 'Copy the current consumer secret of the app into the variable behind auth.clientSecret.',
    retryable: false,
  },
  {
    code: 'unsupported_grant_type',
    meaning: 'The token endpoint does not accept this grant type here: the flow is disabled for the app, or the request went over http instead of https.',
    causes: ['the flow is not enabled in the app', 'an http login URL'],
    field: 'auth.method',
    setup: "the app's OAuth settings (Enable Client Credentials Flow, Enable JWT Bearer Flow)",
    action: "Enable the flow in the app's OAuth settings and use an https login URL.",
    retryable: false,
  },
  {
    code: 'invalid_request',
    meaning: 'The token request is missing a parameter or has a malformed one.',
    causes: ['an empty field value', 'a JWT missing a claim'],
    action: 'Check that every auth field resolves to a value; run orgcfg lint.',
    retryable: false,
  },
  {
    code: 'invalid_app_access',
    meaning: 'The app is admin-approved only and the user is not assigned to it.',
    causes: ["the user's profile or permission set is not pre-authorized for the app"],
    field: 'auth.username',
    setup: "the app's policies > Permitted Users > Admin approved users are pre-authorized, then assign profiles or permission sets",
    action: "Assign the user's profile or a permission set to the app.",
    retryable: false,
  },
  {
    code: 'inactive_user',
    meaning: 'The user is inactive.',
    causes: ['the user was deactivated'],
    field: 'auth.username',
    setup: 'Setup > Users',
    action: 'Activate the user, or configure another integration user.',
    retryable: false,
  },
  {
    code: 'inactive_org',
    meaning: 'The org is locked, closed or suspended.',
    causes: ['the org was closed or its trial ended'],
    action: 'Contact the org owner or Salesforce support.',
    retryable: false,
  },
  {
    code: 'rate_limit_exceeded',
    meaning: 'Too many token requests in a short time.',
    causes: ['many parallel jobs requesting tokens'],
    action: 'Wait and try again; lower --concurrency.',
    retryable: true,
  },
  {
    code: 'OAUTH_APP_BLOCKED',
    meaning: 'An admin blocked the app.',
    causes: ['the app is blocked in Connected Apps OAuth Usage'],
    setup: 'Setup > Connected Apps OAuth Usage',
    action: 'Ask an admin to unblock the app.',
    retryable: false,
  },
];

const NETWORK: readonly Entry[] = [
  {
    code: 'ECONNREFUSED',
    meaning: 'Nothing accepted the connection at the login URL.',
    causes: ['a wrong port', 'an emulator or proxy that is not running'],
    field: 'loginUrl',
    action: 'Check the login URL and port, and that any proxy or emulator is running.',
    retryable: true,
  },
  {
    code: 'ECONNRESET',
    meaning: 'The connection was closed before the response arrived.',
    causes: ['a proxy or firewall cut the connection', 'a network interruption'],
    action: 'Try again; check proxies and firewalls between this machine and Salesforce.',
    retryable: true,
  },
  {
    code: 'ENOTFOUND',
    meaning: 'The login host name does not resolve.',
    causes: ['a typo in the My Domain name', 'the My Domain was renamed', 'no DNS access from this network'],
    field: 'loginUrl',
    action: 'Check the spelling of the login URL; a My Domain name changes when the domain is renamed.',
    retryable: false,
  },
  {
    code: 'EAI_AGAIN',
    meaning: 'The DNS lookup of the login host failed temporarily.',
    causes: ['a DNS server problem on this network'],
    action: 'Try again; check the DNS settings of this machine or runner.',
    retryable: true,
  },
  {
    code: 'TIMEOUT',
    meaning: 'The login did not finish within the time limit.',
    causes: ['a firewall that drops traffic to Salesforce', 'a slow proxy', 'a very slow network'],
    action: 'Check network access to the login host (firewall, proxy); raise --timeout if the network is slow.',
    retryable: true,
  },
  {
    code: 'TLS',
    meaning: 'The TLS connection to the login host failed (certificate not trusted or handshake failed).',
    causes: ['a corporate proxy that inspects TLS with its own CA', 'an outdated CA bundle'],
    setup: 'the NODE_EXTRA_CA_CERTS environment variable',
    action: 'If a corporate proxy inspects TLS, point NODE_EXTRA_CA_CERTS at its CA certificate.',
    retryable: false,
  },
  {
    code: 'PROXY',
    meaning: 'The HTTPS proxy refused or failed the connection.',
    causes: ['the proxy needs authentication (HTTP 407)', 'the proxy address is wrong'],
    setup: 'the HTTPS_PROXY environment variable',
    action: 'Check HTTPS_PROXY, including credentials the proxy needs.',
    retryable: false,
  },
];

const ORGCFG: readonly Entry[] = [
  {
    code: 'CONFIG',
    meaning: "The org's settings could not be resolved, so no login was attempted.",
    causes: ['a referenced environment variable is not set or is empty', 'a reference has a syntax error'],
    action: 'Set the variable named in the message (environment, .env beside the project file, or --env-file), then run verify again.',
    retryable: false,
  },
  {
    code: 'HOST_NOT_ALLOWED',
    meaning: 'The login URL is not a Salesforce login host and was not allowed, so no credentials were sent.',
    causes: ['a typo in loginUrl', 'a proxy, Lightning or site address used as the login URL', 'a local emulator or gateway that was not allowed'],
    field: 'loginUrl',
    action: 'Use the org\'s Salesforce login URL; to use another host on purpose, allow it with --allow-host or ORGCFG_ALLOW_HOSTS.',
    retryable: false,
  },
  {
    code: 'UNEXPECTED_RESPONSE',
    meaning: 'The login host answered with something that is not a Salesforce login response.',
    causes: ['the login URL points at a Lightning, Experience Cloud or proxy address', 'a captive portal or proxy error page'],
    field: 'loginUrl',
    action: 'Check that the login URL is a Salesforce login host (login.salesforce.com, test.salesforce.com or a My Domain), not a Lightning, site or proxy address.',
    retryable: false,
  },
  {
    code: 'INVALID_PRIVATE_KEY',
    meaning: 'The JWT private key cannot be used: it is unreadable, not a private key, or not an RSA key.',
    causes: ['the variable holds a certificate or public key instead of the private key', 'the PEM text lost its line breaks', 'the key is encrypted with a passphrase'],
    field: 'auth.privateKey',
    action: 'Give the unencrypted RSA private key in PEM form (-----BEGIN PRIVATE KEY----- or -----BEGIN RSA PRIVATE KEY-----).',
    retryable: false,
  },
  {
    code: 'CERTIFICATE_EXPIRED',
    meaning: "The certificate uploaded to the app has expired, so Salesforce will refuse the JWT.",
    causes: ['the certificate reached its end date'],
    field: 'auth.certificateFile',
    setup: "the app's OAuth settings > Use digital signatures",
    action: 'Create a new key pair and certificate, upload the certificate to the app, and update the key.',
    retryable: false,
  },
  {
    code: 'CERTIFICATE_KEY_MISMATCH',
    meaning: 'The private key does not belong to the certificate given in certificateFile.',
    causes: ['the key or the certificate was replaced on one side only'],
    field: 'auth.privateKey',
    action: 'Use the private key that belongs to the certificate uploaded to the app.',
    retryable: false,
  },
  {
    code: 'INVALID_AUTH_URL',
    meaning: 'The SFDX auth URL is not of the form force://CLIENT_ID:CLIENT_SECRET:REFRESH_TOKEN@INSTANCE.',
    causes: ['the variable holds something else, or the URL was truncated'],
    field: 'auth.authUrl',
    action: 'Export a new auth URL with `sf org display --verbose --json` (the sfdxAuthUrl field) and store it in the variable.',
    retryable: false,
  },
  {
    code: 'API_VERSION_NOT_SERVED',
    meaning: 'The org does not serve the configured API version.',
    causes: ['apiVersion is newer than the release the org runs', 'apiVersion is retired'],
    field: 'apiVersion',
    action: "Set apiVersion to one of the versions the org serves (the message names the org's newest).",
    retryable: false,
  },
  {
    code: 'EXPECT_NOT_CHECKED',
    meaning: 'The login succeeded, but orgcfg could not read a value the expect block pins, so it cannot confirm that this is the right org.',
    causes: ['the user lacks API access to the identity URL or the Organization record', 'the instance URL the login returned is not an allowed host'],
    field: 'expect',
    action: 'Fix the cause named in the message (grant the integration user API access, or allow the instance host), or remove the value that cannot be confirmed from expect.',
    retryable: false,
  },
  {
    code: 'WRONG_ORG',
    meaning: 'The login succeeded, but into a different org or as a different user than the expect block says.',
    causes: ['the login URL or credentials belong to another org', 'a sandbox refresh gave the sandbox a new org id'],
    field: 'expect',
    action: 'Check the login URL and credentials; after a sandbox refresh, update expect.organizationId to the new org id.',
    retryable: false,
  },
];

const tag = (source: FaultSource, entries: readonly Entry[]): FaultInfo[] => entries.map((entry) => ({ ...entry, source }));

const FAULTS: readonly FaultInfo[] = [...tag('soap', SOAP), ...tag('oauth', OAUTH), ...tag('network', NETWORK), ...tag('orgcfg', ORGCFG)];

const BY_CODE = new Map(FAULTS.map((fault) => [fault.code, fault]));

/** Returns the catalogue entry for `code`, or undefined for codes it does not describe. */
export function findFault(code: string): FaultInfo | undefined {
  return BY_CODE.get(code);
}

/** Returns every catalogue entry. */
export function allFaults(): readonly FaultInfo[] {
  return FAULTS;
}
