/**
 * Moves `soap-password` orgs to OAuth: client credentials or the JWT bearer flow. The auth
 * block is rewritten in place, keeping its comments, and the new secrets are references to
 * variables named in the project's own style.
 */
import { isSingleReferenceWithoutDefault, parseTemplate } from '../../project/references.js';
import { defaultLoginUrl, isGenericLoginHost } from '../../salesforce/login-hosts.js';
import { authOf, isSelected, orgEntries, report, SOAP_LOGIN_REASON, type MigrationContext, type OrgData } from '../context.js';
import { authFollowUpSteps } from '../follow-ups.js';
import type { TargetAuthMethod } from '../types.js';
import { authVariablesByOrg, chooseVariableNames, variablesIn } from '../../project/variable-names.js';

const LEGACY_METHOD = 'soap-password';

/** Old fields and the new field that takes each one's place, per target method. */
const REPLACED_FIELDS: Record<TargetAuthMethod, Readonly<Record<string, string>>> = {
  'client-credentials': { password: 'clientSecret' },
  jwt: { password: 'privateKey' },
};

/** Old fields that the target method has no use for. */
const DROPPED_FIELDS: Record<TargetAuthMethod, readonly string[]> = {
  'client-credentials': ['username', 'securityToken'],
  jwt: ['securityToken'],
};

/** Migrates the auth block of every selected `soap-password` org; records each org's method after. */
export function migrateAuthMethods(context: MigrationContext): void {
  const target = context.options.auth;
  for (const [name, org] of orgEntries(context)) {
    const method = authOf(org)?.method;
    context.methodAfter.set(name, typeof method === 'string' ? method : '');
    if (method !== LEGACY_METHOD || !target || !isSelected(context, name)) continue;
    if (migrateOrg(context, name, org, target)) context.methodAfter.set(name, target);
  }
}

function migrateOrg(context: MigrationContext, name: string, org: OrgData, target: TargetAuthMethod): boolean {
  const { editor } = context;
  const path = ['orgs', name, 'auth'];
  const auth = authOf(org)!;

  // An anchored or aliased block is shared with another place; editing it would change both.
  const linked = editor.linkedAnchorWithin(path);
  if (linked) {
    report(context, 'warning', path, `org "${name}": auth uses the anchor or alias "${linked}", so upgrade leaves it on ${LEGACY_METHOD}; write the values out in place of the alias and run orgcfg upgrade again`, name);
    return false;
  }
  const flow = editor.locate(path).inFlow;
  if (flow && editor.hasComments(path)) {
    report(context, 'warning', path, `org "${name}": auth is a flow map ({...}) with comments inside, which upgrade cannot keep while rewriting it; write it as a block map and run orgcfg upgrade again`, name);
    return false;
  }

  // Name the new variables after the org's own ones, password first.
  const ownVariables = ['password', 'securityToken', 'username'].flatMap((field) => variablesIn(auth[field]));
  const roles: ('CLIENT_ID' | 'CLIENT_SECRET' | 'JWT_KEY')[] = target === 'client-credentials' ? ['CLIENT_ID', 'CLIENT_SECRET'] : ['CLIENT_ID', 'JWT_KEY'];
  const taken = new Set([...context.takenVariables].filter((variable) => !ownVariables.includes(variable)));
  const names = chooseVariableNames(name, ownVariables, authVariablesByOrg(Object.fromEntries(orgEntries(context))), taken, roles);
  const clientId = `\${${names.CLIENT_ID}}`;
  const secretRole = roles[1]!;
  const secret = `\${${names[secretRole]}}`;
  const referenceStyle = editor.scalarStyle([...path, 'password']) ?? 'PLAIN';

  if (flow) {
    const entries: [string, string, string][] = [['method', target, 'PLAIN'], ['clientId', clientId, referenceStyle]];
    if (target === 'jwt' && typeof auth.username === 'string') entries.push(['username', auth.username, editor.scalarStyle([...path, 'username']) ?? 'PLAIN']);
    entries.push([REPLACED_FIELDS[target].password!, secret, referenceStyle]);
    editor.replaceFlowMap(path, entries);
  } else {
    editor.replaceScalar([...path, 'method'], target);
    editor.insertEntry(path, 'clientId', clientId, ['method'], { style: referenceStyle });
    const secretField = REPLACED_FIELDS[target].password!;
    if ('password' in auth) editor.replaceEntry(path, 'password', secretField, secret);
    else editor.insertEntry(path, secretField, secret, ['method', 'username'], { style: referenceStyle });
    for (const field of DROPPED_FIELDS[target]) {
      if (field in auth) editor.removeEntry(path, field);
    }
  }

  // Only the variables of fields that are gone can be retired; a JWT org keeps its username.
  const retired = ['password', ...DROPPED_FIELDS[target]].flatMap((field) => variablesIn(auth[field]));
  recordMigration(context, name, org, target, names.CLIENT_ID, names[secretRole], retired);
  return true;
}

function recordMigration(
  context: MigrationContext,
  name: string,
  org: OrgData,
  target: TargetAuthMethod,
  clientIdVariable: string,
  secretVariable: string,
  oldVariables: readonly string[],
): void {
  const path = ['orgs', name, 'auth'];
  const auth = authOf(org)!;
  context.changes.push({
    kind: 'auth-method',
    org: name,
    path,
    from: LEGACY_METHOD,
    to: target,
    message: `org "${name}": auth ${LEGACY_METHOD} -> ${target}, because ${SOAP_LOGIN_REASON}; the block now references ${clientIdVariable} and ${secretVariable}`,
  });
  const secretPurpose = target === 'client-credentials' ? 'consumer secret' : 'PEM private key for the JWT bearer flow';
  context.variables.push(
    { name: clientIdVariable, org: name, purpose: 'consumer key of the External Client App' },
    { name: secretVariable, org: name, purpose: `${secretPurpose} of the External Client App` },
  );
  context.takenVariables.add(clientIdVariable);
  context.takenVariables.add(secretVariable);

  // Client credentials are refused on login.salesforce.com and test.salesforce.com.
  const sandbox = typeof org.sandbox === 'boolean' ? org.sandbox : (context.defaultsBefore.sandbox ?? false);
  const loginUrl = typeof org.loginUrl === 'string' ? org.loginUrl : (context.defaultsBefore.loginUrl ?? defaultLoginUrl(sandbox));
  const generic = hostOf(loginUrl) !== undefined && isGenericLoginHost(hostOf(loginUrl)!);
  if (target === 'client-credentials' && generic) {
    report(context, 'warning', ['orgs', name, typeof org.loginUrl === 'string' ? 'loginUrl' : 'auth'], `org "${name}": the client credentials flow needs the org's My Domain login URL, but the org logs in at ${loginUrl}; set loginUrl to the My Domain URL before running orgcfg verify`, name);
  }
  if (typeof auth.password === 'string' && !isReference(auth.password)) {
    report(context, 'warning', [...path, 'password'], `org "${name}": the removed password was written in the file rather than referenced; it remains in version control history, so change it in Salesforce`, name);
  }

  context.followUps.push({
    org: name,
    steps: authFollowUpSteps({
      org: name,
      method: target,
      ...(typeof auth.username === 'string' ? { username: auth.username } : {}),
      clientIdVariable,
      secretVariable,
      oldVariables,
      loginUrl,
      genericLoginHost: generic,
      sandbox,
    }),
  });
}

function isReference(value: string): boolean {
  try {
    return isSingleReferenceWithoutDefault(parseTemplate(value));
  } catch {
    return false;
  }
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname;
  } catch {
    return undefined;
  }
}
