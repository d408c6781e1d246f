/**
 * Username and password checks shared by SOAP `login()` and the OAuth password grant.
 */

import type { EmulatorOrg, EmulatorUser } from './config.js';
import { orgsServedBy, type EmulatorState, type Listener } from './context.js';
import type { FaultCode } from './faults.js';

export type CredentialCheck =
  | { readonly ok: true; readonly org: EmulatorOrg; readonly user: EmulatorUser }
  | { readonly ok: false; readonly code: FaultCode; readonly user?: EmulatorUser };

/** Finds a user by username (case-insensitive, as Salesforce compares them) among the orgs that `listener` serves. */
export function findUser(
  state: EmulatorState,
  listener: Listener,
  username: string,
): { org: EmulatorOrg; user: EmulatorUser } | undefined {
  const lowerCaseUsername = username.toLowerCase();
  for (const org of orgsServedBy(state, listener)) {
    const user = org.users.find((candidate) => candidate.username.toLowerCase() === lowerCaseUsername);
    if (user) return { org, user };
  }
  return undefined;
}

/**
 * Checks a login attempt. `suppliedPassword` is the password with the security token appended,
 * as clients send it. A user of another org, or of the other kind of org on a generic host,
 * gets INVALID_LOGIN like an unknown user. A user's forced `fault` wins over the password check.
 * The password alone passes only in a `trustedIp` org; elsewhere it gets
 * LOGIN_MUST_USE_SECURITY_TOKEN.
 */
export function checkCredentials(
  state: EmulatorState,
  listener: Listener,
  username: string,
  suppliedPassword: string,
): CredentialCheck {
  const found = findUser(state, listener, username);
  if (!found) return { ok: false, code: 'INVALID_LOGIN' };
  const { org, user } = found;

  if (user.fault) return { ok: false, code: user.fault, user };

  if (suppliedPassword === user.password + user.securityToken) return { ok: true, org, user };
  if (suppliedPassword === user.password && user.securityToken !== '') {
    return org.trustedIp ? { ok: true, org, user } : { ok: false, code: 'LOGIN_MUST_USE_SECURITY_TOKEN', user };
  }
  return { ok: false, code: 'INVALID_LOGIN', user };
}
