/**
 * Sessions the emulator has issued. SOAP session ids and OAuth access tokens are the same kind
 * of value on Salesforce, so one store contains both, and either works as a REST Bearer token.
 */

import type { EmulatorOrg, EmulatorUser } from './config.js';
import { newSessionId } from './ids.js';

export interface Session {
  /** The session id or access token. Never logged. */
  readonly token: string;
  readonly org: EmulatorOrg;
  readonly user: EmulatorUser;
  /** Origin of the session: SOAP `login()`, or `oauth:` and the grant type, such as "oauth:client_credentials". */
  readonly origin: 'soap' | `oauth:${string}`;
  /** True after a login with an expired password: REST refuses the session until the password is changed. */
  readonly restricted: boolean;
  /** Identity URL on the host that received the login, as Salesforce returns it. */
  readonly identityUrl: string;
  /** Epoch milliseconds. */
  readonly issuedAt: number;
}

export type NewSession = Omit<Session, 'token' | 'issuedAt'>;

/**
 * Issued sessions by token. Sessions never expire on their own. jsforce logs in again after
 * every 401, so a server that forgot a token it issued could make a client loop.
 */
export class SessionStore {
  private readonly sessions = new Map<string, Session>();
  /** Every token ever issued, in order, including ended ones. */
  private readonly issued: string[] = [];

  create(fields: NewSession): Session {
    const session: Session = { ...fields, token: newSessionId(fields.org.organizationId), issuedAt: Date.now() };
    this.sessions.set(session.token, session);
    this.issued.push(session.token);
    return session;
  }

  /** Returns every session id and access token issued so far, ended or not. */
  issuedTokens(): string[] {
    return [...this.issued];
  }

  /** Returns the tokens of the sessions that have not been ended. */
  liveTokens(): string[] {
    return [...this.sessions.keys()];
  }

  find(token: string | undefined | null): Session | undefined {
    return token ? this.sessions.get(token) : undefined;
  }

  /** Ends the session with `token`. Returns false when there was none. */
  end(token: string): boolean {
    return this.sessions.delete(token);
  }

  get size(): number {
    return this.sessions.size;
  }
}
