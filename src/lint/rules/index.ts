import type { Rule } from '../rule.js';
import { apiVersionOutdated } from './api-version-outdated.js';
import { apiVersionRetired } from './api-version-retired.js';
import { apiVersionRetiring } from './api-version-retiring.js';
import { apiVersionUnknown } from './api-version-unknown.js';
import { clientCredentialsMyDomain } from './client-credentials-my-domain.js';
import { envExampleMissingVariable } from './env-example-missing-variable.js';
import { envExampleUnusedVariable } from './env-example-unused-variable.js';
import { include } from './include.js';
import { invalidDisableDirective } from './invalid-disable-directive.js';
import { lintConfig } from './lint-config.js';
import { loginUrlFormat } from './login-url-format.js';
import { loginUrlHost } from './login-url-host.js';
import { loginUrlInstanced } from './login-url-instanced.js';
import { loginUrlNonSalesforce } from './login-url-non-salesforce.js';
import { noLiteralSecret } from './no-literal-secret.js';
import { noSecretShapedString } from './no-secret-shaped-string.js';
import { sandboxLoginUrl } from './sandbox-login-url.js';
import { sandboxUsernameSuffix } from './sandbox-username-suffix.js';
import { schema } from './schema.js';
import { securityTokenMissing } from './security-token-missing.js';
import { sharedSecretVariable } from './shared-secret-variable.js';
import { soapLoginRemoved } from './soap-login-removed.js';
import { soapLoginRetiring } from './soap-login-retiring.js';
import { uniqueOrgName } from './unique-org-name.js';
import { unusedDisableDirective } from './unused-disable-directive.js';
import { validReference } from './valid-reference.js';
import { yamlSyntax } from './yaml-syntax.js';

/** Every lint rule, sorted by id; the file of each rule is named after its id. */
export const RULES: readonly Rule[] = [
  apiVersionOutdated,
  apiVersionRetired,
  apiVersionRetiring,
  apiVersionUnknown,
  clientCredentialsMyDomain,
  envExampleMissingVariable,
  envExampleUnusedVariable,
  include,
  invalidDisableDirective,
  lintConfig,
  loginUrlFormat,
  loginUrlHost,
  loginUrlInstanced,
  loginUrlNonSalesforce,
  noLiteralSecret,
  noSecretShapedString,
  sandboxLoginUrl,
  sandboxUsernameSuffix,
  schema,
  securityTokenMissing,
  sharedSecretVariable,
  soapLoginRemoved,
  soapLoginRetiring,
  uniqueOrgName,
  unusedDisableDirective,
  validReference,
  yamlSyntax,
];
