/**
 * Types shared by the endpoint handlers: the emulated hosts, the request a handler receives
 * and the response it returns. Handlers are plain functions from request to response, so the
 * HTTP server in `server.ts` is the only code that touches sockets.
 */

import type { IncomingHttpHeaders } from 'node:http';

import type { EmulatorConfig, EmulatorOrg } from './config.js';
import type { SessionStore } from './sessions.js';

/** Kind of emulated host: the generic production host, the generic sandbox host, or one org's My Domain. */
export type ListenerKind = 'generic-production' | 'generic-sandbox' | 'my-domain';

/** One emulated host and the loopback URL that serves it. */
export interface Listener {
  readonly host: string;
  readonly kind: ListenerKind;
  /** The org of a My Domain listener; undefined for the generic hosts. */
  readonly org: EmulatorOrg | undefined;
  /** `http://127.0.0.1:PORT`, set once the listener is bound. */
  url: string;
}

/** State shared by all listeners of one running emulator. */
export interface EmulatorState {
  readonly config: EmulatorConfig;
  readonly sessions: SessionStore;
  readonly listeners: readonly Listener[];
}

export interface EmulatorRequest {
  readonly state: EmulatorState;
  readonly listener: Listener;
  /** Upper-case HTTP method. */
  readonly method: string;
  /** Request path with repeated slashes collapsed and no trailing slash (except for "/"). */
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

export interface EmulatorResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  /** Outcome of the request for its log line, such as "login ok: user=…". Never contains a secret. */
  readonly outcome?: string;
}

export const JSON_CONTENT_TYPE = 'application/json;charset=UTF-8';
export const XML_CONTENT_TYPE = 'text/xml;charset=UTF-8';

/** Serializes `value` compactly, as Salesforce does. */
export function jsonResponse(status: number, value: unknown, outcome?: string): EmulatorResponse {
  return { status, headers: { 'Content-Type': JSON_CONTENT_TYPE }, body: JSON.stringify(value), outcome };
}

/**
 * Builds a REST error response: an array with one error. Real responses differ in key order,
 * so the caller picks it (`message` first for 401s, `errorCode` first for 404s).
 */
export function restErrorResponse(
  status: number,
  errorCode: string,
  message: string,
  order: 'message-first' | 'code-first' = 'message-first',
): EmulatorResponse {
  const error = order === 'message-first' ? { message, errorCode } : { errorCode, message };
  return jsonResponse(status, [error], `REST error ${errorCode}`);
}

export function textResponse(status: number, body: string, contentType = 'text/plain;charset=UTF-8'): EmulatorResponse {
  return { status, headers: { 'Content-Type': contentType }, body };
}

/** Returns the My Domain listener of `org`. */
export function myDomainListener(state: EmulatorState, org: EmulatorOrg): Listener {
  const listener = state.listeners.find((candidate) => candidate.org === org);
  if (!listener) throw new Error(`no listener for org "${org.key}"`);
  return listener;
}

/**
 * Returns the orgs whose users may log in through `listener`: production orgs on the generic
 * production host, sandboxes on the generic sandbox host, and only its own org on a My Domain.
 */
export function orgsServedBy(state: EmulatorState, listener: Listener): readonly EmulatorOrg[] {
  switch (listener.kind) {
    case 'generic-production':
      return state.config.orgs.filter((org) => !org.sandbox);
    case 'generic-sandbox':
      return state.config.orgs.filter((org) => org.sandbox);
    case 'my-domain':
      return listener.org ? [listener.org] : [];
  }
}

/** Reads a bearer token from `Authorization: Bearer …` (or the older `OAuth …` scheme). */
export function bearerToken(headers: IncomingHttpHeaders): string | undefined {
  const match = /^(?:Bearer|OAuth)\s+(\S+)\s*$/i.exec(headers.authorization ?? '');
  return match?.[1];
}
