/**
 * A loopback emulator of the Salesforce login endpoints (SOAP login and logout, the OAuth
 * token and revoke endpoints, identity, and the REST calls a login check makes), for testing
 * `orgcfg verify` without a real org. It shares facts with the product but no login code.
 */

export {
  EmulatorConfigError,
  OAUTH_FLOWS,
  parseEmulatorConfig,
  type EmulatorApp,
  type EmulatorConfig,
  type EmulatorOrg,
  type EmulatorRefreshToken,
  type EmulatorUser,
  type ParseEmulatorConfigOptions,
  type FaultcodeStyle,
  type OAuthFlow,
} from './config.js';
export type { ConfigProblem } from './config-reader.js';
export { FAULT_CODES, type FaultCode } from './faults.js';
export { OAUTH_ERROR_SWITCHES, OAUTH_ERROR_SWITCH_NAMES, type OAuthErrorSwitch } from './oauth-errors.js';
export {
  EMULATOR_BIND_ADDRESS,
  MAX_BODY_BYTES,
  startEmulator,
  type EmulatorDomain,
  type RunningEmulator,
  type StartEmulatorOptions,
} from './server.js';
