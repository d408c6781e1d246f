/**
 * OAuth errors that an emulator file can force on token requests, with the `error` and
 * `error_description` the token endpoint puts on the wire. An org, an app or a user can name
 * one (the `oauthError` key), and every token request that reaches that org, app or user then
 * gets it, once the client and the user have passed their own checks.
 *
 * Entries with `observed: true` carry an `error_description` seen in real Salesforce
 * responses or client logs. NOTE: the descriptions of entries with `observed: false` are the
 * emulator's own, because no captured response shows them, so clients should match on the
 * `error` code only.
 */

export interface ForcedOAuthError {
  readonly error: string;
  readonly description: string;
  readonly observed: boolean;
}

export const OAUTH_ERROR_SWITCHES = {
  /** The app is admin-approved only and the user is not assigned to it. */
  invalid_app_access: { error: 'invalid_app_access', description: 'user is not admin approved to access this app', observed: true },
  inactive_user: { error: 'inactive_user', description: 'user is inactive', observed: false },
  inactive_org: { error: 'inactive_org', description: 'organization is inactive', observed: false },
  rate_limit_exceeded: { error: 'rate_limit_exceeded', description: 'rate limit exceeded', observed: false },
  OAUTH_APP_BLOCKED: { error: 'OAUTH_APP_BLOCKED', description: 'this app is blocked by admin', observed: false },
  invalid_request: { error: 'invalid_request', description: 'invalid request', observed: false },
  /** A profile's Login IP Ranges or Login Hours exclude the caller. */
  ip_restricted: { error: 'invalid_grant', description: 'ip restricted', observed: true },
  authentication_failure: { error: 'invalid_grant', description: 'authentication failure', observed: true },
  expired_token: { error: 'invalid_grant', description: 'expired access/refresh token', observed: true },
} as const satisfies Record<string, ForcedOAuthError>;

export type OAuthErrorSwitch = keyof typeof OAUTH_ERROR_SWITCHES;

export const OAUTH_ERROR_SWITCH_NAMES: readonly OAuthErrorSwitch[] = Object.keys(OAUTH_ERROR_SWITCHES) as OAuthErrorSwitch[];

export function isOAuthErrorSwitch(value: string): value is OAuthErrorSwitch {
  return Object.hasOwn(OAUTH_ERROR_SWITCHES, value);
}
