/**
 * Resolving an org's references into values. Secret fields become Secret objects; problems
 * are diagnostics that name the org, the field and the variable, never a value.
 */
import type { OrgDefinition } from '../project/model.js';
import { parseTemplate, ReferenceSyntaxError, resolveTemplate } from '../project/references.js';
import { SECRET_FIELDS } from '../project/secret-fields.js';
import { rangeOf, type DataPath } from '../project/yaml-source.js';
import type { Diagnostic } from '../report/diagnostic.js';
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
      readonly method: 'client-credentials';
      readonly clientId: string;
      readonly clientSecret: Secret;
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
        problem(path, `org "${definition.name}": auth.${field} resolves to an empty value; set the variable to the ${field}`);
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
  const auth = buildAuth(definition.auth.method, values);
  if (!auth) {
    problem([...orgPath, 'auth', 'method'], `org "${definition.name}": auth method "${definition.auth.method}" is not supported by verify; use client-credentials or soap-password`);
    return { diagnostics };
  }
  return {
    org: { definition, name: definition.name, loginUrl, sandbox: definition.sandbox, apiVersion, auth, secrets },
    diagnostics,
  };
}

function buildAuth(method: string, values: Record<string, string | Secret | undefined>): ResolvedAuth | undefined {
  const text = (key: string): string => String(values[key] ?? '');
  const secret = (key: string): Secret | undefined => (values[key] instanceof Secret ? (values[key] as Secret) : undefined);
  switch (method) {
    case 'soap-password': {
      const password = secret('password');
      if (!password) return undefined;
      const securityToken = secret('securityToken');
      return { method, username: text('username'), password, ...(securityToken ? { securityToken } : {}) };
    }
    case 'client-credentials': {
      const clientSecret = secret('clientSecret');
      if (!clientSecret) return undefined;
      return { method, clientId: text('clientId'), clientSecret };
    }
    default:
      return undefined;
  }
}
