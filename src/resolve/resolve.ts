/**
 * Resolving an org's references into values. Secret fields become Secret objects; problems
 * are diagnostics that name the org, the field and the variable, never a value.
 */
import path from 'node:path';
import type { OrgDefinition } from '../project/model.js';
import { parseTemplate, ReferenceSyntaxError, referencesIn, resolveTemplate } from '../project/references.js';
import { SECRET_FIELDS } from '../project/secret-fields.js';
import { rangeOf, type DataPath } from '../project/yaml-source.js';
import type { Diagnostic } from '../report/diagnostic.js';
import { defaultLoginUrl } from '../salesforce/login-hosts.js';
import type { Environment } from './environment.js';
import { Secret } from './secret.js';

export type ResolvedAuth =
  | {
      readonly method: 'soap-password';
      readonly username: string;
      readonly password: Secret;
      readonly securityToken?: Secret;
    }
  | {
      readonly method: 'oauth-password';
      readonly clientId: string;
      readonly clientSecret: Secret;
      readonly username: string;
      readonly password: Secret;
      readonly securityToken?: Secret;
    }
  | {
      readonly method: 'client-credentials';
      readonly clientId: string;
      readonly clientSecret: Secret;
    }
  | {
      readonly method: 'jwt';
      readonly clientId: string;
      readonly username: string;
      /** PEM text from a variable, or undefined when the key is in `privateKeyFile`. */
      readonly privateKey?: Secret;
      /** Path of the key file, resolved against the project file's directory. */
      readonly privateKeyFile?: string;
      readonly certificateFile?: string;
      readonly audience: string;
    }
  | {
      /** Also used for `sfdx-auth-url`, whose URL carries the same four values. */
      readonly method: 'refresh-token' | 'sfdx-auth-url';
      readonly clientId: string;
      readonly clientSecret?: Secret;
      readonly refreshToken: Secret;
      readonly instanceUrl: string;
    };

/** An org ready for login: every reference replaced, secrets wrapped. */
export interface ResolvedOrg {
  readonly definition: OrgDefinition;
  readonly name: string;
  readonly loginUrl: string;
  readonly sandbox: boolean;
  readonly apiVersion: string;
  readonly auth: ResolvedAuth;
  /** Every secret of this org, for redacting text that came back from a server. */
  readonly secrets: readonly Secret[];
}

export interface ResolveOutcome {
  readonly org?: ResolvedOrg;
  readonly diagnostics: readonly Diagnostic[];
  /** Fault catalogue code of a problem that verify explains, such as INVALID_AUTH_URL; absent for plain configuration errors. */
  readonly faultCode?: string;
}

/** Resolves one org against `environment`. */
export function resolveOrg(definition: OrgDefinition, environment: Environment): ResolveOutcome {
  const diagnostics: Diagnostic[] = [];
  const orgPath: DataPath = ['orgs', definition.name];
  const problem = (path: DataPath, message: string): void => {
    const { start, end } = rangeOf(definition.source, path);
    diagnostics.push({ ruleId: 'resolve', severity: 'error', message, file: definition.source.file, start, end, path });
  };

  const resolveField = (value: string, path: DataPath, label: string): string | undefined => {
    let template;
    try {
      template = parseTemplate(value);
    } catch (error) {
      if (!(error instanceof ReferenceSyntaxError)) throw error;
      problem(path, `org "${definition.name}": ${label} is not a valid reference; run orgcfg lint for details`);
      return undefined;
    }
    const result = resolveTemplate(template, (name) => environment.lookup(name));
    if (result.ok) return result.value;
    const { variable, reason, message } = result.unresolved;
    const where = environment.origins.join(', ');
    problem(
      path,
      reason === 'missing'
        ? `org "${definition.name}": ${label} references \${${variable}}, which is not set; set ${variable} in one of: ${where}`
        : `org "${definition.name}": ${label} requires \${${variable}}${message ? `: ${message}` : ''}; set ${variable} in one of: ${where}`,
    );
    return undefined;
  };

  const loginUrlPath: DataPath = definition.loginUrlOrigin === 'org' ? [...orgPath, 'loginUrl'] : definition.loginUrlOrigin === 'defaults' ? ['defaults', 'loginUrl'] : orgPath;
  const loginUrl = resolveField(definition.loginUrl, loginUrlPath, 'loginUrl');
  const apiVersion = definition.apiVersion === undefined ? undefined : resolveField(definition.apiVersion, [...orgPath, 'apiVersion'], 'apiVersion');
  if (definition.apiVersion === undefined) problem(orgPath, `org "${definition.name}" has no apiVersion; set it on the org or under defaults`);
  else if (apiVersion !== undefined && !/^[1-9][0-9]?\.0$/.test(apiVersion)) {
    problem([...orgPath, 'apiVersion'], `org "${definition.name}": apiVersion resolves to "${apiVersion}", which is not an API version such as "66.0"`);
  }

  const values: Record<string, string | Secret | undefined> = {};
  const secrets: Secret[] = [];
  for (const [field, raw] of Object.entries(definition.auth.fields)) {
    const path = [...orgPath, 'auth', field];
    const resolved = resolveField(raw, path, `auth.${field}`);
    if (resolved === undefined) continue;
    if (SECRET_FIELDS.has(field)) {
      if (resolved === '') {
        const names = safeReferenceNames(raw);
        const variable = names.length > 0 ? names.map((name) => `\${${name}}`).join(', ') : 'its variable';
        problem(path, `org "${definition.name}": auth.${field} references ${variable}, which is set but empty; set it to the ${field}`);
        continue;
      }
      const secret = new Secret(resolved);
      secrets.push(secret);
      values[field] = secret;
    } else {
      values[field] = resolved;
    }
  }

  if (diagnostics.length > 0 || loginUrl === undefined || apiVersion === undefined) return { diagnostics };
  const auth = buildAuth(definition, values);
  if (typeof auth === 'string') {
    problem([...orgPath, 'auth'], `org "${definition.name}": ${auth}`);
    return { diagnostics, ...(definition.auth.method === 'sfdx-auth-url' ? { faultCode: 'INVALID_AUTH_URL' } : {}) };
  }
  // Derived secrets (the parts of an SFDX auth URL) are redacted like the others.
  if (auth.method === 'sfdx-auth-url') {
    secrets.push(auth.refreshToken);
    if (auth.clientSecret) secrets.push(auth.clientSecret);
  }
  // Refresh-token logins go to the instance the token belongs to.
  const target = auth.method === 'sfdx-auth-url' ? auth.instanceUrl : loginUrl;
  return {
    org: { definition, name: definition.name, loginUrl: target, sandbox: definition.sandbox, apiVersion, auth, secrets },
    diagnostics,
  };
}

type AuthValues = Record<string, string | Secret | undefined>;

/** Builds the typed auth block, or returns a problem message; the schema has checked the fields. */
function buildAuth(definition: OrgDefinition, values: AuthValues): ResolvedAuth | string {
  const text = (key: string): string => String(values[key] ?? '');
  const secret = (key: string): Secret | undefined => (values[key] instanceof Secret ? (values[key] as Secret) : undefined);
  const optionalSecret = <K extends string>(key: K): { [P in K]?: Secret } => {
    const value = secret(key);
    return (value ? { [key]: value } : {}) as { [P in K]?: Secret };
  };
  const required = (key: string): Secret => {
    const value = secret(key);
    if (!value) throw new Error(`auth.${key} has no value`);
    return value;
  };
  const method = definition.auth.method;

  switch (method) {
    case 'soap-password':
      return { method, username: text('username'), password: required('password'), ...optionalSecret('securityToken') };
    case 'oauth-password':
      return {
        method,
        clientId: text('clientId'),
        clientSecret: required('clientSecret'),
        username: text('username'),
        password: required('password'),
        ...optionalSecret('securityToken'),
      };
    case 'client-credentials':
      return { method, clientId: text('clientId'), clientSecret: required('clientSecret') };
    case 'jwt': {
      const directory = path.dirname(definition.source.file);
      const keyFile = values.privateKeyFile === undefined ? undefined : path.resolve(directory, text('privateKeyFile'));
      const certificateFile = values.certificateFile === undefined ? undefined : path.resolve(directory, text('certificateFile'));
      return {
        method,
        clientId: text('clientId'),
        username: text('username'),
        ...optionalSecret('privateKey'),
        ...(keyFile ? { privateKeyFile: keyFile } : {}),
        ...(certificateFile ? { certificateFile } : {}),
        audience: values.audience === undefined ? defaultLoginUrl(definition.sandbox) : text('audience'),
      };
    }
    case 'refresh-token':
      return {
        method,
        clientId: text('clientId'),
        ...optionalSecret('clientSecret'),
        refreshToken: required('refreshToken'),
        instanceUrl: text('instanceUrl'),
      };
    case 'sfdx-auth-url':
      return parseSfdxAuthUrl(required('authUrl'));
    default:
      return `auth method "${method}" is not supported`;
  }
}

/**
 * Splits a Salesforce CLI auth URL, force://CLIENT_ID:CLIENT_SECRET:REFRESH_TOKEN@INSTANCE,
 * where the client secret may be empty. Problems are described without quoting the value.
 */
export function parseSfdxAuthUrl(authUrl: Secret): ResolvedAuth | string {
  const match = /^force:\/\/([^:@/]+):([^:@/]*):([^@]+)@([^\s]+)$/.exec(authUrl.reveal().trim());
  if (!match) {
    return 'auth.authUrl is not an SFDX auth URL of the form force://CLIENT_ID:CLIENT_SECRET:REFRESH_TOKEN@INSTANCE; export a new one with sf org display --verbose';
  }
  const [, clientId = '', clientSecret = '', refreshToken = '', instance = ''] = match;
  const instanceUrl = /^https?:\/\//.test(instance) ? instance.replace(/\/+$/, '') : `https://${instance.replace(/\/+$/, '')}`;
  return {
    method: 'sfdx-auth-url',
    clientId,
    ...(clientSecret !== '' ? { clientSecret: new Secret(clientSecret) } : {}),
    refreshToken: new Secret(refreshToken),
    instanceUrl,
  };
}

/** Names the variables a value references, or none when it does not parse. */
function safeReferenceNames(value: string): string[] {
  try {
    return [...new Set(referencesIn(parseTemplate(value)).map((reference) => reference.variable))];
  } catch {
    return [];
  }
}
