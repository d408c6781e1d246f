/**
 * Version advice for the api-version rules. soap-password orgs cannot go past the last version
 * with SOAP login(), so the version to recommend depends on the orgs that use a written value.
 */
import type { Project } from '../project/model.js';
import { LAST_SOAP_LOGIN_API_VERSION, NEWEST_KNOWN_API_VERSION, oldestSupportedApiVersion } from '../salesforce/api-versions.js';
import { orgViews } from './org-view.js';
import type { Site } from './sites.js';

/**
 * The login methods of the orgs that use a written apiVersion: all soap-password, none, or
 * both, which happens when some orgs that inherit the defaults use SOAP and others do not.
 */
export type VersionUsers = 'soap-password' | 'other' | 'mixed';

/** The command that moves a soap-password org to OAuth. */
export const MOVE_TO_OAUTH = 'orgcfg upgrade --auth client-credentials';

/** Returns the login methods of the orgs that read the apiVersion written at `site`. */
export function versionUsers(project: Project, site: Site): VersionUsers {
  const atDefaults = site.path[0] === 'defaults';
  let soap = false;
  let other = false;
  for (const org of orgViews(project)) {
    const uses = atDefaults
      ? org.apiVersion?.fromDefaults === true
      : org.source === site.source && org.name === site.path[1];
    if (!uses) continue;
    if (org.method === 'soap-password') soap = true;
    else other = true;
  }
  if (soap) return other ? 'mixed' : 'soap-password';
  return 'other';
}

/**
 * Returns the end of a message that names the version to move to: `verb` starts it, such as
 * "use" or "move to", and `when` follows the version, such as " before then".
 */
export function recommendVersion(users: VersionUsers, verb: string, when = ''): string {
  const general = `${oldestSupportedApiVersion()} or later, such as "${NEWEST_KNOWN_API_VERSION}"`;
  const lastSoap = `"${LAST_SOAP_LOGIN_API_VERSION}", the last version with SOAP login()`;
  // Both versions end in an apposition, which a comma closes before `when` continues the sentence.
  const after = when ? `,${when}` : '';
  if (users === 'soap-password') {
    return `${verb} ${lastSoap}${after}, and move the org to OAuth (${MOVE_TO_OAUTH}), because SOAP login() is removed from later versions and retired for all of them`;
  }
  if (users === 'mixed') {
    return `${verb} ${lastSoap}${after}, because soap-password orgs inherit this value and SOAP login() is removed from later versions; to go further, move them to OAuth (${MOVE_TO_OAUTH}) and ${verb} ${general}`;
  }
  return `${verb} ${general}${after}`;
}
