/**
 * The REST query resource, limited to what a login check needs: `SELECT … FROM Organization`.
 */

import type { EmulatorOrg } from './config.js';
import { jsonResponse, restErrorResponse, type EmulatorResponse } from './context.js';

/** Organization fields the emulator can return, by lower-case name, with their API names. */
const ORGANIZATION_FIELDS: ReadonlyMap<string, { name: string; value: (org: EmulatorOrg) => string | boolean | null }> =
  new Map([
    ['id', { name: 'Id', value: (org) => org.organizationId }],
    ['name', { name: 'Name', value: (org) => org.name }],
    ['issandbox', { name: 'IsSandbox', value: (org) => org.sandbox }],
    ['instancename', { name: 'InstanceName', value: (org) => org.instanceName }],
    ['organizationtype', { name: 'OrganizationType', value: (org) => org.organizationType }],
    ['namespaceprefix', { name: 'NamespacePrefix', value: () => null }],
    ['trialexpirationdate', { name: 'TrialExpirationDate', value: () => null }],
    ['languagelocalekey', { name: 'LanguageLocaleKey', value: () => 'en_US' }],
    ['timezonesidkey', { name: 'TimeZoneSidKey', value: () => 'America/Los_Angeles' }],
  ]);

const ORGANIZATION_QUERY = /^\s*SELECT\s+(.+?)\s+FROM\s+Organization(?:\s+LIMIT\s+(\d+))?\s*$/is;
const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

/**
 * Runs `q` against the org. Returns the Organization record with the selected fields in the
 * order selected. Every other query, including one with a WHERE clause, gets MALFORMED_QUERY
 * with a message that is the emulator's own.
 */
export function runQuery(q: string | null, version: string, org: EmulatorOrg): EmulatorResponse {
  if (!q) return restErrorResponse(400, 'MALFORMED_QUERY', 'A query string has to be specified');

  const match = ORGANIZATION_QUERY.exec(q);
  if (!match) {
    return restErrorResponse(
      400,
      'MALFORMED_QUERY',
      `The emulator supports only queries of the form SELECT <fields> FROM Organization [LIMIT n], not: ${q}`,
    );
  }

  const record: Record<string, unknown> = {
    attributes: { type: 'Organization', url: `/services/data/v${version}/sobjects/Organization/${org.organizationId}` },
  };
  for (const raw of match[1]!.split(',')) {
    const fieldName = raw.trim();
    const field = ORGANIZATION_FIELDS.get(fieldName.toLowerCase());
    if (!FIELD_NAME.test(fieldName) || !field) return invalidField(q, fieldName);
    record[field.name] = field.value(org);
  }

  const limit = match[2] === undefined ? undefined : Number.parseInt(match[2], 10);
  const records = limit === 0 ? [] : [record];
  return jsonResponse(200, { totalSize: records.length, done: true, records }, 'query Organization');
}

/** Builds the INVALID_FIELD error in Salesforce's layout: the query line, a caret under the field, then the reason. */
function invalidField(q: string, fieldName: string): EmulatorResponse {
  const offset = Math.max(q.indexOf(fieldName), 0);
  const lineStart = q.lastIndexOf('\n', offset - 1) + 1;
  const lineEnd = q.indexOf('\n', offset) < 0 ? q.length : q.indexOf('\n', offset);
  const row = q.slice(0, offset).split('\n').length;
  const column = offset - lineStart + 1;
  const message =
    `\n${q.slice(lineStart, lineEnd)}\n${' '.repeat(column - 1)}^\nERROR at Row:${row}:Column:${column}\n` +
    `No such column '${fieldName}' on entity 'Organization'. If you are attempting to use a custom field, be sure to ` +
    "append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.";
  return restErrorResponse(400, 'INVALID_FIELD', message);
}
