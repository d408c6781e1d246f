/**
 * Starts the emulator: one HTTP listener on 127.0.0.1 per emulated host, because a loopback
 * address cannot route by host name the way Salesforce does.
 */

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

import { PRODUCTION_LOGIN_URL, SANDBOX_LOGIN_URL } from '../salesforce/login-hosts.js';
import type { EmulatorConfig } from './config.js';
import type { EmulatorRequest, EmulatorResponse, EmulatorState, Listener } from './context.js';
import { normalizePath, route } from './router.js';
import { SessionStore } from './sessions.js';

/** The only address the emulator binds: it must never be reachable from another machine. */
export const EMULATOR_BIND_ADDRESS = '127.0.0.1';

/** Largest request body the emulator reads; larger ones get 413. */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Beyond this many bytes of a rejected body the connection is closed instead of drained, so
 * that an endless upload cannot keep a listener busy.
 */
const MAX_DRAINED_BYTES = 64 * MAX_BODY_BYTES;

/** One emulated host and the loopback URL to connect to in its place. */
export interface EmulatorDomain {
  /** The real host name, such as "acme.my.salesforce.com". */
  host: string;
  /** Loopback URL that serves the host, such as "http://127.0.0.1:41003". */
  url: string;
}

export interface RunningEmulator {
  domains: EmulatorDomain[];
  /** "host=url,host=url", the value for verify's --connect-to option */
  connectTo: string;
  /**
   * Returns every session id and access token the emulator has issued, ended or not. For
   * tests that check no server-issued token reaches an output.
   */
  issuedTokens(): string[];
  /** Returns the session ids and access tokens that no logout or revoke has ended yet. */
  liveTokens(): string[];
  /** Stops every listener and closes open connections. */
  close(): Promise<void>;
}

export interface StartEmulatorOptions {
  /** Must be "127.0.0.1", the default; any other address is rejected. */
  bindAddress?: string;
  /**
   * Receives one line per start, stop, request and internal error. Lines name hosts, users, org
   * ids and outcomes, and contain no password, security token, client secret or session id.
   */
  log?: (line: string) => void;
}

/**
 * Starts listeners for the generic production and sandbox login hosts and for each org's My
 * Domain, each on its own ephemeral port of 127.0.0.1. Rejects when `bindAddress` is anything
 * else, or when a listener cannot be bound (the ones already bound are closed again).
 */
export async function startEmulator(config: EmulatorConfig, options: StartEmulatorOptions = {}): Promise<RunningEmulator> {
  const bindAddress = options.bindAddress ?? EMULATOR_BIND_ADDRESS;
  if (bindAddress !== EMULATOR_BIND_ADDRESS) {
    throw new Error(
      `The emulator binds only ${EMULATOR_BIND_ADDRESS}, so it is never reachable from other machines; remove the bind address "${bindAddress}".`,
    );
  }
  const log = options.log ?? (() => {});

  const listeners: Listener[] = [
    { host: new URL(PRODUCTION_LOGIN_URL).hostname, kind: 'generic-production', org: undefined, url: '' },
    { host: new URL(SANDBOX_LOGIN_URL).hostname, kind: 'generic-sandbox', org: undefined, url: '' },
    ...config.orgs.map((org): Listener => ({ host: org.myDomain, kind: 'my-domain', org, url: '' })),
  ];
  const state: EmulatorState = { config, sessions: new SessionStore(), listeners };

  const servers: Server[] = [];
  try {
    for (const listener of listeners) {
      const server = createListenerServer(state, listener, log);
      servers.push(server);
      const port = await listen(server);
      listener.url = `http://${EMULATOR_BIND_ADDRESS}:${port}`;
      log(`emulator listening: ${listener.host} at ${listener.url}`);
    }
  } catch (error) {
    await Promise.all(servers.map(closeServer));
    throw error;
  }

  const domains = listeners.map((listener) => ({ host: listener.host, url: listener.url }));
  let closing: Promise<void> | undefined;
  return {
    domains,
    connectTo: domains.map((domain) => `${domain.host}=${domain.url}`).join(','),
    issuedTokens: () => state.sessions.issuedTokens(),
    liveTokens: () => state.sessions.liveTokens(),
    close() {
      closing ??= Promise.all(servers.map(closeServer)).then(() => log('emulator stopped'));
      return closing;
    },
  };
}

function createListenerServer(state: EmulatorState, listener: Listener, log: (line: string) => void): Server {
  const server = createServer((request, response) => {
    serveRequest(state, listener, request, response, log);
  });
  // Malformed HTTP never reaches the request handler, so reply with 400 here and close the connection.
  server.on('clientError', (error: Error & { code?: string }, socket: Socket) => {
    log(`${listener.host}: rejected malformed HTTP request (${error.code ?? error.message})`);
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  });
  return server;
}

/** Reads the body (up to MAX_BODY_BYTES), runs the handler and writes its response. */
function serveRequest(
  state: EmulatorState,
  listener: Listener,
  incoming: IncomingMessage,
  outgoing: ServerResponse,
  log: (line: string) => void,
): void {
  const method = (incoming.method ?? 'GET').toUpperCase();
  const { path, query } = splitTarget(incoming.url ?? '/');
  const chunks: Buffer[] = [];
  let received = 0;

  incoming.on('data', (chunk: Buffer) => {
    received += chunk.length;
    if (received <= MAX_BODY_BYTES) chunks.push(chunk);
    else chunks.length = 0;
    if (received > MAX_DRAINED_BYTES) incoming.destroy();
  });
  incoming.on('error', () => {
    outgoing.destroy();
  });
  incoming.on('end', () => {
    let response: EmulatorResponse;
    if (received > MAX_BODY_BYTES) {
      response = {
        status: 413,
        headers: { 'Content-Type': 'text/plain;charset=UTF-8', Connection: 'close' },
        body: `Request body exceeds the emulator's limit of ${MAX_BODY_BYTES} bytes.`,
        outcome: `body of ${received} bytes rejected`,
      };
    } else {
      const request: EmulatorRequest = {
        state,
        listener,
        method,
        path,
        query,
        headers: incoming.headers,
        body: Buffer.concat(chunks),
      };
      response = runHandler(request, log);
    }

    outgoing.writeHead(response.status, { ...response.headers, 'Content-Length': Buffer.byteLength(response.body) });
    outgoing.end(method === 'HEAD' ? undefined : response.body);
    const outcome = response.outcome ? ` (${response.outcome})` : '';
    log(sanitize(`${listener.host} ${method} ${path} ${response.status}${outcome}`));
  });
}

/** Runs the route handler. A handler that throws is a bug in the emulator, so it is logged and the client gets 500. */
function runHandler(request: EmulatorRequest, log: (line: string) => void): EmulatorResponse {
  try {
    return route(request);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    log(sanitize(`${request.listener.host} ${request.method} ${request.path}: internal error: ${message}`));
    return { status: 500, headers: { 'Content-Type': 'text/plain;charset=UTF-8' }, body: 'Emulator internal error.' };
  }
}

/** Splits a request target into a normalized path and the query. Absolute-form targets are accepted too. */
function splitTarget(target: string): { path: string; query: URLSearchParams } {
  const questionMark = target.indexOf('?');
  let rawPath = questionMark < 0 ? target : target.slice(0, questionMark);
  const rawQuery = questionMark < 0 ? '' : target.slice(questionMark + 1);
  if (/^https?:\/\//i.test(rawPath)) rawPath = rawPath.replace(/^https?:\/\/[^/]*/i, '') || '/';
  return { path: normalizePath(rawPath), query: new URLSearchParams(rawQuery) };
}

/** Replaces control characters, so that a client-chosen username or path cannot forge log lines. */
function sanitize(line: string): string {
  return line.replace(/[\u0000-\u001f\u007f]/g, '?');
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, EMULATOR_BIND_ADDRESS, () => {
      server.off('error', reject);
      const address = server.address();
      if (address && typeof address === 'object') resolve(address.port);
      else reject(new Error('the listener has no TCP address'));
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) {
      resolve();
      return;
    }
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
