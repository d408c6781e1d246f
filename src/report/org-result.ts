import type { Position } from './diagnostic.js';

/** What verify found for one org. Holds no secret: only identifiers and server messages. */
export interface OrgResult {
  readonly org: string;
  readonly file: string;
  /** Where the org is defined. */
  readonly start?: Position;
  readonly method: string;
  /** The login URL from the file (not a --connect-to target). */
  readonly loginUrl: string;
  /** `skipped`: not attempted because its configuration could not be resolved or was refused. */
  readonly status: 'ok' | 'failed' | 'skipped';
  readonly elapsedMs: number;
  readonly username?: string;
  readonly userId?: string;
  readonly organizationId?: string;
  readonly organizationName?: string;
  readonly instanceUrl?: string;
  readonly sandbox?: boolean;
  readonly error?: OrgError;
  readonly warnings: readonly string[];
}

export interface OrgError {
  /** A Salesforce fault code, an OAuth error, a network code, or one of orgcfg's own. */
  readonly code: string;
  readonly message: string;
  readonly meaning?: string;
  readonly action?: string;
  readonly retryable?: boolean;
}
