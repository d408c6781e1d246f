/**
 * Field names whose values are credentials. Their values must be environment references, are
 * never echoed in any message, and are resolved into the opaque Secret type.
 */
export const SECRET_FIELDS: ReadonlySet<string> = new Set([
  'password',
  'securityToken',
  'clientSecret',
  'privateKey',
  'refreshToken',
  'authUrl',
]);

/** Tells whether the last segment of a data path names a secret field. */
export function isSecretPath(path: readonly (string | number)[]): boolean {
  const last = path[path.length - 1];
  return typeof last === 'string' && SECRET_FIELDS.has(last);
}
