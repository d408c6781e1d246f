/**
 * Moves `defaults.apiVersion` and each org's `apiVersion` to the target version. Orgs that
 * still log in with SOAP login() stay at their version when the target no longer has it, and
 * get an explicit `apiVersion` when the defaults they inherit move past it.
 */
import { API_VERSION_PATTERN, compareApiVersions, findApiVersion, LAST_SOAP_LOGIN_API_VERSION, NEWEST_KNOWN_API_VERSION, soapLoginAvailableAt } from '../../salesforce/api-versions.js';
import { isSelected, orgEntries, report, SOAP_LOGIN_REASON, type MigrationContext, type OrgData } from '../context.js';
import type { ProjectDefaults } from '../types.js';

/** Keys that come before `apiVersion` in an org, in the schema's order; a pin goes after them. */
const KEYS_BEFORE_API_VERSION = ['description', 'loginUrl', 'sandbox'];

/**
 * Plans the version edits of one file and returns the defaults its orgs inherit afterwards.
 * `target` is a version the table knows and Salesforce still serves.
 */
export function migrateApiVersions(context: MigrationContext, target: string, targetRelease: string): ProjectDefaults {
  const defaultsAfter = migrateDefaults(context, target, targetRelease);
  for (const [name, org] of orgEntries(context)) {
    migrateOrg(context, name, org, target, defaultsAfter.apiVersion);
  }
  return defaultsAfter;
}

function migrateDefaults(context: MigrationContext, target: string, targetRelease: string): ProjectDefaults {
  const before = context.defaultsBefore;
  if (!context.isProjectFile) return context.options.projectDefaults?.after ?? before;

  const current = before.apiVersion;
  const path = ['defaults', 'apiVersion'];
  // With --org, moving the defaults would also move the orgs that were not selected.
  if (current === undefined || context.options.orgs !== undefined) return before;
  if (!isComparable(current) || compareApiVersions(current, target) >= 0) return before;

  const linked = context.editor.linkedAnchorWithin(path);
  if (linked) {
    report(context, 'warning', path, `defaults.apiVersion uses the anchor or alias "${linked}", so upgrade leaves it at "${current}"; write the value out in place of the alias and run orgcfg upgrade again`);
    return before;
  }
  context.editor.replaceScalar(path, target);
  context.changes.push({
    kind: 'api-version',
    path,
    from: current,
    to: target,
    message: `defaults.apiVersion "${current}" -> "${target}" (${targetRelease}${target === NEWEST_KNOWN_API_VERSION ? ', the newest version this orgcfg knows' : ''})`,
  });
  return { ...before, apiVersion: target };
}

function migrateOrg(context: MigrationContext, name: string, org: OrgData, target: string, inheritedAfter: string | undefined): void {
  const path = ['orgs', name, 'apiVersion'];
  const own = typeof org.apiVersion === 'string' ? org.apiVersion : undefined;
  if (org.apiVersion !== undefined && own === undefined) {
    report(context, 'warning', path, `org "${name}": apiVersion is not a quoted string, so upgrade leaves it; quote it (orgcfg lint --fix does) and run orgcfg upgrade again`, name);
    return;
  }
  const before = own ?? context.defaultsBefore.apiVersion;
  const wanted = wantedVersion(context, name, before, target);
  const after = own ?? inheritedAfter;
  if (wanted === undefined || wanted === after) return;

  const linked = context.editor.linkedAnchorWithin(own !== undefined ? path : ['orgs', name]);
  if (linked) {
    report(context, 'warning', path, `org "${name}": the org uses the anchor or alias "${linked}", so upgrade leaves its apiVersion at "${before}"; write the values out in place of the alias and run orgcfg upgrade again`, name);
    return;
  }

  if (own !== undefined) {
    context.editor.replaceScalar(path, wanted);
    context.changes.push({ kind: 'api-version', org: name, path, from: own, to: wanted, message: `org "${name}": apiVersion "${own}" -> "${wanted}"` });
    return;
  }
  context.editor.insertEntry(['orgs', name], 'apiVersion', wanted, KEYS_BEFORE_API_VERSION);
  const soap = context.methodAfter.get(name) === 'soap-password';
  const message = soap && wanted === before
    ? `org "${name}": apiVersion pinned at "${wanted}" in the org, because defaults.apiVersion moves to "${String(after)}" and the org still logs in with soap-password`
    : `org "${name}": apiVersion set to "${wanted}"${after === undefined ? '' : ` in the org, because its defaults stay at "${after}"`}`;
  context.changes.push({ kind: 'pin-api-version', org: name, path, ...(before !== undefined ? { from: before } : {}), to: wanted, message });
}

/** Returns the version the org should use after the upgrade, reporting why when it is not `target`. */
function wantedVersion(context: MigrationContext, name: string, before: string | undefined, target: string): string | undefined {
  const path = ['orgs', name, 'apiVersion'];
  if (!isSelected(context, name)) return before;
  const soap = context.methodAfter.get(name) === 'soap-password';
  const heldBack = soap && !soapLoginAvailableAt(target);
  const remedy = 'run orgcfg upgrade --auth client-credentials (or --auth jwt) to move it to OAuth';

  if (before !== undefined && !isComparable(before)) {
    report(context, 'warning', path, `org "${name}": apiVersion "${before}" is not a valid version, so upgrade leaves it; write it as "${target}"`, name);
    return before;
  }
  // Such an org cannot log in today, so holding its version back as below would not help it.
  if (soap && before !== undefined && !soapLoginAvailableAt(before)) {
    report(context, 'warning', ['orgs', name, 'auth'], `org "${name}": logs in with soap-password at apiVersion "${before}", but ${SOAP_LOGIN_REASON}, so its login fails already; set apiVersion: "${LAST_SOAP_LOGIN_API_VERSION}" on the org, or run orgcfg upgrade --auth client-credentials (or --auth jwt) to move it to OAuth`, name);
    return before;
  }
  if (before !== undefined && compareApiVersions(before, target) > 0) {
    const known = findApiVersion(before) ? '' : ', which this orgcfg does not know yet';
    report(context, 'info', path, `org "${name}": apiVersion "${before}" is newer than the target "${target}"${known}; upgrade never lowers a version`, name);
    return before;
  }
  if (heldBack && (before === undefined || compareApiVersions(before, target) < 0)) {
    const stays = before === undefined ? 'gets no apiVersion' : `stays at apiVersion "${before}"`;
    report(context, 'info', ['orgs', name, 'auth'], `org "${name}": ${stays} rather than "${target}" because it logs in with soap-password, and ${SOAP_LOGIN_REASON}; ${remedy}`, name);
    return before;
  }
  if (soap) {
    report(context, 'info', ['orgs', name, 'auth'], `org "${name}": still logs in with soap-password; ${SOAP_LOGIN_REASON}; ${remedy}`, name);
  }
  return target;
}

function isComparable(version: string): boolean {
  return API_VERSION_PATTERN.test(version);
}
