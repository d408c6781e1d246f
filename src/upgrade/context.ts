/** State shared by the migrations that run on one file. */
import type { DataPath } from '../project/yaml-source.js';
import { SOAP_LOGIN_REMOVED_FROM, SOAP_LOGIN_RETIREMENT } from '../salesforce/api-versions.js';
import type { SourceEditor } from './source-editor.js';
import type { FollowUp, NewVariable, ProjectDefaults, UpgradeChange, UpgradeOptions, UpgradeProblem } from './types.js';

/** The reason soap-password orgs must move, in one place so every message words it alike. */
export const SOAP_LOGIN_REASON = `SOAP login() does not exist at API ${SOAP_LOGIN_REMOVED_FROM} and later, and is retired for every API version in ${SOAP_LOGIN_RETIREMENT}`;

export type OrgData = Record<string, unknown>;

/** The input and the report lists of the migrations that run on one file. */
export interface MigrationContext {
  readonly editor: SourceEditor;
  readonly options: UpgradeOptions;
  /** Whether this file is the project file (it owns `defaults`) rather than an included file. */
  readonly isProjectFile: boolean;
  /** The defaults this file's orgs inherit, as they were before the upgrade. */
  readonly defaultsBefore: ProjectDefaults;
  readonly changes: UpgradeChange[];
  readonly problems: UpgradeProblem[];
  readonly followUps: FollowUp[];
  readonly variables: NewVariable[];
  /** Variable names in use anywhere in the file or the project, plus those added so far. */
  readonly takenVariables: Set<string>;
  /** Auth method of each org after the auth migration; read by the API version migration. */
  readonly methodAfter: Map<string, string>;
}

/** Returns the orgs of the file in file order, with their data; skips entries that are not maps. */
export function orgEntries(context: MigrationContext): [string, OrgData][] {
  const data = context.editor.source.data as { orgs?: unknown } | null | undefined;
  const orgs = data && typeof data === 'object' ? data.orgs : undefined;
  if (!orgs || typeof orgs !== 'object' || Array.isArray(orgs)) return [];
  return Object.entries(orgs as Record<string, unknown>).filter((entry): entry is [string, OrgData] => {
    const value = entry[1];
    return value !== null && typeof value === 'object' && !Array.isArray(value);
  });
}

/** Tells whether `--org` selects the org (every org is selected when the option is absent). */
export function isSelected(context: MigrationContext, org: string): boolean {
  return context.options.orgs === undefined || context.options.orgs.includes(org);
}

/** Returns the auth block of an org, or undefined when it is not a map. */
export function authOf(org: OrgData): OrgData | undefined {
  const auth = org.auth;
  return auth !== null && typeof auth === 'object' && !Array.isArray(auth) ? (auth as OrgData) : undefined;
}

/** Records a problem located at `path`. */
export function report(context: MigrationContext, severity: UpgradeProblem['severity'], path: DataPath, message: string, org?: string): void {
  context.problems.push({ severity, path, message, ...(org !== undefined ? { org } : {}) });
}
