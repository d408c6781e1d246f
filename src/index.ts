/** The orgcfg library: load, lint, upgrade, resolve and verify org files without the CLI. */
export type { Diagnostic, Position, Severity, RuleSeverity } from './report/diagnostic.js';
export type { OrgResult, OrgError } from './report/org-result.js';
export type { Project, OrgDefinition, ProjectHost, AuthSettings } from './project/model.js';
export { loadProject, DEFAULT_PROJECT_FILE } from './project/load.js';
export { parseYamlSource } from './project/yaml-source.js';
export { parseTemplate, resolveTemplate } from './project/references.js';
export { lintProject, type LintOptions } from './lint/lint.js';
export { RULES } from './lint/rules/index.js';
export type { Rule } from './lint/rule.js';
export { resolveOrg, type ResolvedOrg, type ResolvedAuth } from './resolve/resolve.js';
export { layerEnvironments, type Environment, type EnvironmentLayer } from './resolve/environment.js';
export { Secret } from './resolve/secret.js';
export { checkLoginUrl, parseAllowedHosts, parseConnectTo, type HostPolicy } from './verify/host-policy.js';
export { formatStylish } from './report/format/stylish.js';
export { formatLintJson, formatVerifyJson, REPORT_FORMAT_VERSION } from './report/format/json.js';
export { formatVerifyText } from './report/format/verify-text.js';
export { API_VERSIONS, NEWEST_KNOWN_API_VERSION, findApiVersion } from './salesforce/api-versions.js';
export { upgradeSource } from './upgrade/upgrade-source.js';
export { updateEnvExample, type EnvExampleUpdate } from './upgrade/env-example.js';
export { CURRENT_FORMAT_VERSION, FORMAT_MIGRATIONS, type FormatMigration } from './upgrade/formats/index.js';
export type {
  UpgradeOptions,
  UpgradeResult,
  UpgradeChange,
  UpgradeProblem,
  FollowUp,
  NewVariable,
  ProjectDefaults,
  TargetAuthMethod,
} from './upgrade/types.js';

/**
 * Verifies the selected orgs of a project. Loaded on demand, because it pulls in jsforce,
 * which lint never needs.
 */
export async function verifyProject(
  ...args: Parameters<typeof import('./verify/verify.js').verifyProject>
): ReturnType<typeof import('./verify/verify.js').verifyProject> {
  const { verifyProject: verify } = await import('./verify/verify.js');
  return verify(...args);
}
