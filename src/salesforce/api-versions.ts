/**
 * Salesforce API versions and their lifecycle, as data.
 *
 * Sources: Salesforce release notes and the API end-of-life pages (help article 000354473 and
 * the SOAP API "api-eol-soap" page). Salesforce ships one API version per release, three
 * releases a year. GA months are approximate: production roll-outs span about three weekends
 * and sandboxes get each release four to six weeks earlier.
 */

/** Where a version stands in Salesforce's support lifecycle. */
export type ApiVersionStatus =
  /** Supported with no retirement announced. */
  | 'supported'
  /** Supported today, with a retirement date announced. */
  | 'retirement-announced'
  /** No longer served: REST answers 410 GONE and SOAP answers UNSUPPORTED_API_VERSION. */
  | 'retired';

export interface ApiVersionInfo {
  /** The version as Salesforce writes it, always with one decimal: "64.0". */
  readonly version: string;
  /** The release name as `GET /services/data/` labels it: "Summer '25". */
  readonly release: string;
  /** Approximate general availability month, `YYYY-MM`. */
  readonly ga: string;
  readonly status: ApiVersionStatus;
  /** For retired versions, the release that retired them; otherwise the announced one. */
  readonly retirement?: string;
}

/** First API version at which SOAP `login()` no longer exists (Winter '26). */
export const SOAP_LOGIN_REMOVED_FROM = '65.0';

/** Last API version at which SOAP `login()` exists, the one version soap-password orgs can move to. */
export const LAST_SOAP_LOGIN_API_VERSION = '64.0';

/** The release that retires SOAP `login()` for every remaining version. */
export const SOAP_LOGIN_RETIREMENT = "Summer '27";

const SEASONS = ['Spring', 'Summer', 'Winter'] as const;

/**
 * Builds the table from the fixed cadence: version 30.0 is Spring '14, and every later version
 * is the next release in the Spring, Summer, Winter cycle. Winter releases carry the next
 * year's label and ship in October of the year before.
 */
function buildTable(newest: number): ApiVersionInfo[] {
  const table: ApiVersionInfo[] = [];
  for (let major = 20; major <= newest; major += 1) {
    const cycle = major - 30; // 30.0 is Spring '14
    const season = SEASONS[((cycle % 3) + 3) % 3]!;
    const labelYear = 2014 + Math.floor((cycle + (season === 'Winter' ? 1 : 0)) / 3);
    const month = season === 'Spring' ? '02' : season === 'Summer' ? '06' : '10';
    const gaYear = season === 'Winter' ? labelYear - 1 : labelYear;
    const version = `${major}.0`;
    const release = `${season} '${String(labelYear % 100).padStart(2, '0')}`;
    table.push({ version, release, ga: `${gaYear}-${month}`, ...lifecycle(major) });
  }
  return table;
}

function lifecycle(major: number): Pick<ApiVersionInfo, 'status' | 'retirement'> {
  if (major <= 20) return { status: 'retired', retirement: "Summer '22" };
  if (major <= 30) return { status: 'retired', retirement: "Summer '25" };
  if (major <= 40) return { status: 'retirement-announced', retirement: "Summer '28" };
  return { status: 'supported' };
}

/** Newest version this table knows. Adding a release is a change to this number and its test. */
export const NEWEST_KNOWN_API_VERSION = '68.0';

/** Every version from 20.0 to the newest known, oldest first. */
export const API_VERSIONS: readonly ApiVersionInfo[] = buildTable(
  Number.parseFloat(NEWEST_KNOWN_API_VERSION),
);

const BY_VERSION = new Map(API_VERSIONS.map((info) => [info.version, info]));

/** Matches the only form Salesforce accepts in URLs: digits, a dot and one digit zero. */
export const API_VERSION_PATTERN = /^[1-9][0-9]?\.0$/;

/** Returns the lifecycle entry for `version`, or undefined when the table does not know it. */
export function findApiVersion(version: string): ApiVersionInfo | undefined {
  return BY_VERSION.get(version);
}

/** Compares two "NN.0" versions numerically. */
export function compareApiVersions(a: string, b: string): number {
  return Number.parseFloat(a) - Number.parseFloat(b);
}

/** Tells whether SOAP `login()` exists at `version` (it was removed at 65.0). */
export function soapLoginAvailableAt(version: string): boolean {
  return compareApiVersions(version, SOAP_LOGIN_REMOVED_FROM) < 0;
}

/** Oldest version with no retirement announced, the lowest one worth moving to. */
export function oldestSupportedApiVersion(): string {
  return API_VERSIONS.find((info) => info.status === 'supported')!.version;
}

/** Oldest version that Salesforce still serves. */
export function oldestServedApiVersion(): string {
  return API_VERSIONS.find((info) => info.status !== 'retired')!.version;
}
