import {
  API_VERSION_PATTERN,
  NEWEST_KNOWN_API_VERSION,
  findApiVersion,
  oldestServedApiVersion,
} from '../salesforce/api-versions.js';

/** A target API version that the version table accepts, or the reason it does not. */
export type TargetVersion =
  | { readonly ok: true; readonly version: string; readonly release: string }
  | { readonly ok: false; readonly message: string };

/**
 * Resolves the `--api-version` value. `latest` (or nothing) means the newest version in the
 * table, and any other value must be a known version that Salesforce still serves.
 */
export function resolveTargetVersion(requested: string | undefined): TargetVersion {
  const value = requested === undefined || requested === 'latest' ? NEWEST_KNOWN_API_VERSION : requested;
  const range = `${oldestServedApiVersion()} to ${NEWEST_KNOWN_API_VERSION}`;
  if (!API_VERSION_PATTERN.test(value)) {
    return { ok: false, message: `API version "${value}" is not a valid version; write it as digits with ".0", such as "${NEWEST_KNOWN_API_VERSION}", or use latest` };
  }
  const info = findApiVersion(value);
  if (!info) {
    return { ok: false, message: `API version "${value}" is unknown to this orgcfg, which knows ${range}; pick one of those or update orgcfg` };
  }
  if (info.status === 'retired') {
    return { ok: false, message: `API version "${value}" was retired in ${info.retirement ?? 'an earlier release'} and no longer works; pick a version from ${range}` };
  }
  return { ok: true, version: value, release: info.release };
}
