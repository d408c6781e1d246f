/** Options, results and report entries of the upgrade engine. */
import type { DataPath } from '../project/yaml-source.js';
import type { Position } from '../report/diagnostic.js';

/** Auth methods that `soap-password` orgs can be moved to. */
export const TARGET_AUTH_METHODS = ['client-credentials', 'jwt'] as const;
export type TargetAuthMethod = (typeof TARGET_AUTH_METHODS)[number];

/** The defaults of a project file that its orgs, and the orgs of its included files, inherit. */
export interface ProjectDefaults {
  readonly apiVersion?: string;
  readonly loginUrl?: string;
  readonly sandbox?: boolean;
}

/** Options of `upgradeSource`. */
export interface UpgradeOptions {
  /** File name used in messages. */
  readonly file?: string;
  /** Target API version such as "66.0", or "latest" (the default) for the newest known one. */
  readonly apiVersion?: string;
  /** Move `soap-password` orgs to this method. Without it they keep SOAP login(). */
  readonly auth?: TargetAuthMethod;
  /** Upgrade only these orgs; defaults then stay as they are. All orgs when absent. */
  readonly orgs?: readonly string[];
  /**
   * For an included org file: the project file's defaults before and after its upgrade, taken
   * from the project file's `UpgradeResult.defaults`. Absent for a project file.
   */
  readonly projectDefaults?: { readonly before: ProjectDefaults; readonly after: ProjectDefaults };
  /** Variable names already used elsewhere in the project, so new names do not collide. */
  readonly takenVariables?: readonly string[];
}

/** The kind of migration that produced a change. */
export type ChangeKind = 'format' | 'api-version' | 'pin-api-version' | 'auth-method';

/** One edit the upgrade makes, with the reason a user reads in the summary. */
export interface UpgradeChange {
  readonly kind: ChangeKind;
  /** The org it applies to; absent for `defaults` and file-level changes. */
  readonly org?: string;
  readonly path: DataPath;
  readonly from?: string;
  readonly to?: string;
  /** One sentence: what changes and why. */
  readonly message: string;
}

/**
 * A step the upgrade could not take, or a fact the user should know. An `error` means the file
 * is not upgraded at all. A `warning` means a part was skipped or needs attention, and an
 * `info` explains a deliberate choice.
 */
export interface UpgradeProblem {
  readonly severity: 'error' | 'warning' | 'info';
  readonly org?: string;
  readonly path: DataPath;
  readonly message: string;
  /** Where the problem is in the input text, when a syntax or schema check found it there. */
  readonly start?: Position;
  /** The lint rule that reports the same problem, such as `schema` or `yaml-syntax`. */
  readonly ruleId?: string;
}

/** Steps the user must take in Salesforce for one org, because the codemod cannot. */
export interface FollowUp {
  readonly org: string;
  readonly steps: readonly string[];
}

/** A new environment variable the upgraded file references. */
export interface NewVariable {
  readonly name: string;
  readonly org: string;
  /** The variable's content, for the .env.example comment and the checklist. */
  readonly purpose: string;
}

/** The outcome of `upgradeSource`. */
export interface UpgradeResult {
  /** The upgraded text; identical to the input when nothing changes or an error occurred. */
  readonly output: string;
  readonly changes: readonly UpgradeChange[];
  readonly problems: readonly UpgradeProblem[];
  readonly followUps: readonly FollowUp[];
  readonly variables: readonly NewVariable[];
  /** The defaults that orgs of this file (and of included files) inherit, before and after. */
  readonly defaults: { readonly before: ProjectDefaults; readonly after: ProjectDefaults };
}
