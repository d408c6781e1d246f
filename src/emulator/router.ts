/**
 * Maps a request path to its endpoint handler. Every listener serves every endpoint; the
 * handlers decide what the host may do.
 */

import { restErrorResponse, type EmulatorRequest, type EmulatorResponse } from './context.js';
import { handleIdentity, handleUserInfo } from './identity.js';
import { handleRevoke, handleToken } from './oauth-token.js';
import { handleRest } from './rest.js';
import { handleSoap, SOAP_PATH } from './soap-login.js';

export function route(request: EmulatorRequest): EmulatorResponse {
  const { path } = request;
  if (SOAP_PATH.test(path)) return handleSoap(request);
  if (path === '/services/oauth2/token') return handleToken(request);
  if (path === '/services/oauth2/revoke') return handleRevoke(request);
  if (path === '/services/oauth2/userinfo') return handleUserInfo(request);
  if (/^\/id\/[^/]+\/[^/]+$/.test(path)) return handleIdentity(request);
  if (path === '/services/data' || path.startsWith('/services/data/')) return handleRest(request);
  return restErrorResponse(404, 'NOT_FOUND', 'The requested resource does not exist', 'code-first');
}

/** Collapses repeated slashes (jsforce joins a login URL ending in "/" into "//services/…") and drops a trailing slash. */
export function normalizePath(rawPath: string): string {
  const collapsed = rawPath.replace(/\/{2,}/g, '/');
  return collapsed.length > 1 && collapsed.endsWith('/') ? collapsed.slice(0, -1) : collapsed;
}
