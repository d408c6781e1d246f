/**
 * A failure that orgcfg itself detects (a bad key, a wrong org, an unserved API version), with a
 * fault catalogue code. Thrown inside login and post-login checks, classified as is.
 */
export class VerificationError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'VerificationError';
  }
}
