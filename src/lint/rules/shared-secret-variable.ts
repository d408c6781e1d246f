import { parseTemplate, referencesIn } from '../../project/references.js';
import { SECRET_FIELDS } from '../../project/secret-fields.js';
import { isFullyLoaded } from '../completeness.js';
import { orgViews, type OrgView } from '../org-view.js';
import type { Rule } from '../rule.js';

/** A credential shared by production and a sandbox lets a sandbox leak reach production. */
export const sharedSecretVariable: Rule = {
  id: 'shared-secret-variable',
  defaultSeverity: 'warning',
  description: 'The same secret variable used by a production org and a sandbox org',
  explanation:
    'Sandboxes are reached by more people and tools than production. When a sandbox org and a production org read a secret from the same environment variable, either the credential is the production one and now lives wherever the sandbox runs, or one of the two orgs logs in with the wrong credential. Give each org its own variables, such as SF_PROD_CLIENT_SECRET and SF_UAT_CLIENT_SECRET. The rule does not run while a file of the project cannot be read or parsed.',
  bad: 'orgs:\n  prod:\n    auth: { method: client-credentials, clientId: a, clientSecret: "${SF_CLIENT_SECRET}" }\n  uat:\n    sandbox: true\n    auth: { method: client-credentials, clientId: a, clientSecret: "${SF_CLIENT_SECRET}" }\n',
  good: 'orgs:\n  prod:\n    auth: { method: client-credentials, clientId: a, clientSecret: "${SF_PROD_CLIENT_SECRET}" }\n  uat:\n    sandbox: true\n    auth: { method: client-credentials, clientId: a, clientSecret: "${SF_UAT_CLIENT_SECRET}" }\n',
  fixable: false,
  check(project, report) {
    // The check compares every org of the project, so it waits until every file parses.
    if (!isFullyLoaded(project)) return;
    const production = new Map<string, OrgView>();
    const sandboxUses: { org: OrgView; field: string; variable: string }[] = [];
    for (const org of orgViews(project)) {
      // With an invalid sandbox flag, lint cannot tell whether the org is production or a sandbox.
      if (org.invalid.has('sandbox')) continue;
      for (const [field, value] of Object.entries(org.auth)) {
        if (!SECRET_FIELDS.has(field) || typeof value !== 'string') continue;
        for (const variable of variablesIn(value)) {
          if (org.sandbox?.value === true) sandboxUses.push({ org, field, variable });
          else if (!production.has(variable)) production.set(variable, org);
        }
      }
    }
    for (const { org, field, variable } of sandboxUses) {
      const prod = production.get(variable);
      if (!prod) continue;
      report({
        source: org.source,
        path: [...org.path, 'auth', field],
        message: `org "${org.name}" is a sandbox but reads auth.${field} from \${${variable}}, which production org "${prod.name}" also uses; give each org its own variable so a sandbox never gets a production credential`,
      });
    }
  },
};

function variablesIn(value: string): string[] {
  try {
    return referencesIn(parseTemplate(value)).map((reference) => reference.variable);
  } catch {
    return []; // valid-reference and no-literal-secret report malformed references
  }
}
