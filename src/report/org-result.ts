import type { Position } from './diagnostic.js';

/** Verify's result for one org. It contains no secret: only identifiers and server messages. */
export interface OrgResult {
  readonly org: string;
  readonly file: string;
  /** Position of the org's key in its file. */
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
  /** Newest API version the org serves. */
  readonly newestApiVersion?: string;
  readonly dailyApiRequests?: { readonly max: number; readonly remaining: number };
  readonly error?: OrgError;
  readonly warnings: readonly string[];
}

export interface OrgError {
  /** A Salesforce fault code, an OAuth error, a network code, or one of orgcfg's own. */
  readonly code: string;
  readonly message: string;
  readonly meaning?: string;
  /** Likely causes, most likely first. */
  readonly causes?: readonly string[];
  readonly action?: string;
  /** The Salesforce Setup page where the fix is made. */
  readonly setup?: string;
  /** The setting to check first and where it is written (or the org, when it is inherited). */
  readonly check?: { readonly field: string; readonly file: string; readonly line?: number; readonly column?: number };
  readonly retryable?: boolean;
}
