import { describe, expect, it } from 'vitest';
import { classifyLoginError } from '../../src/verify/classify.js';

function oauthError(name: string, message: string): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}

function fetchFailed(code: string): Error {
  const cause = Object.assign(new Error(`connect ${code}`), { code });
  return new TypeError('fetch failed', { cause });
}

describe('classifyLoginError', () => {
  it.each([
    [new Error('INVALID_LOGIN: Invalid username, password, security token; or user locked out.'), 'INVALID_LOGIN'],
    [new Error('sf:INVALID_LOGIN: Invalid username, password, security token; or user locked out.'), 'INVALID_LOGIN'],
    [new Error('LOGIN_MUST_USE_SECURITY_TOKEN: Invalid username, password, security token; or user locked out. Are you at a new location?'), 'LOGIN_MUST_USE_SECURITY_TOKEN'],
    [new Error('Unable to login because the used password has expired.'), 'PASSWORD_EXPIRED'],
    [oauthError('invalid_grant', 'authentication failure'), 'invalid_grant'],
    [oauthError('invalid_client_id', 'client identifier invalid'), 'invalid_client_id'],
    [oauthError('ERROR_HTTP_502', '<html>bad gateway</html>'), 'UNEXPECTED_RESPONSE'],
    [fetchFailed('ECONNREFUSED'), 'ECONNREFUSED'],
    [fetchFailed('ENOTFOUND'), 'ENOTFOUND'],
    [fetchFailed('UNABLE_TO_VERIFY_LEAF_SIGNATURE'), 'TLS'],
    [fetchFailed('ETIMEDOUT'), 'TIMEOUT'],
    [new Error('could not extract session information from login response'), 'UNEXPECTED_RESPONSE'],
  ])('classifies %s as %s', (error, code) => {
    expect(classifyLoginError(error).code).toBe(code);
  });

  it('attaches what a known fault means and what to do', () => {
    const failure = classifyLoginError(new Error('INVALID_LOGIN: Invalid username, password, security token; or user locked out.'));
    expect(failure.fault?.action).toContain('security token');
    expect(failure.message).toBe('INVALID_LOGIN: Invalid username, password, security token; or user locked out.');
  });

  it('keeps an unknown code verbatim without a catalogue entry', () => {
    const failure = classifyLoginError(new Error('BRAND_NEW_FAULT: something new'));
    expect(failure).toEqual({ code: 'BRAND_NEW_FAULT', message: 'BRAND_NEW_FAULT: something new' });
  });
});
