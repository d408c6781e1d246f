import type { Diagnostic } from '../report/diagnostic.js';
import type { YamlSource } from './yaml-source.js';

/** How an org's login URL was chosen, so messages can say where to change it. */
export type LoginUrlOrigin = 'org' | 'defaults' | 'sandbox-flag';

/** The auth block as written: `method` plus string fields that may hold references. */
export interface AuthSettings {
  readonly method: string;
  readonly fields: Readonly<Record<string, string>>;
}

/** Identity that verify must find after logging in. */
export interface ExpectedIdentity {
  readonly organizationId?: string;
  readonly username?: string;
  readonly sandbox?: boolean;
}

/** Thresholds below which verify warns. */
export interface LimitThresholds {
  readonly dailyApiRequests?: number;
}

/** One org with defaults applied, still holding references rather than secret values. */
export interface OrgDefinition {
  readonly name: string;
  /** The file that defines the org. */
  readonly source: YamlSource;
  readonly description?: string;
  readonly loginUrl: string;
  readonly loginUrlOrigin: LoginUrlOrigin;
  readonly sandbox: boolean;
  /** Undefined only when neither the org nor defaults set it, which is reported. */
  readonly apiVersion?: string;
  readonly auth: AuthSettings;
  readonly expect?: ExpectedIdentity;
  /** The org's thresholds, falling back to those under defaults. */
  readonly limits?: LimitThresholds;
}

/** A project file with every file it includes, its orgs and the problems found loading them. */
export interface Project {
  /** Path of the project file as given. */
  readonly file: string;
  /** The project file first, then included files in include order. */
  readonly sources: readonly YamlSource[];
  readonly orgs: readonly OrgDefinition[];
  /** Syntax, schema and structure problems. */
  readonly diagnostics: readonly Diagnostic[];
  /** Files that could not be read at all; commands treat these as input errors. */
  readonly readErrors: readonly Diagnostic[];
}

/** File-system access the loader needs, passed in so the core stays free of I/O. */
export interface ProjectHost {
  /** Returns the text of `path`, or throws an Error whose message says why it cannot. */
  readFile(path: string): string;
  /** Returns files matching `pattern` relative to `directory`, as paths joined to it, sorted. */
  glob(pattern: string, directory: string): string[];
  /**
   * Tells whether `file`, after following symbolic links, is inside `directory`. Hosts without
   * links may leave it out.
   */
  isInside?(file: string, directory: string): boolean;
}
