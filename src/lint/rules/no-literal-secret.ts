import { isSingleReferenceWithoutDefault, parseTemplate, ReferenceSyntaxError } from '../../project/references.js';
import { SECRET_FIELDS } from '../../project/secret-fields.js';
import type { Rule } from '../rule.js';
import { suggestVariable } from '../variable-suggestions.js';
import { forEachAuthBlock } from '../walk.js';

/**
 * Secret fields must hold exactly one environment reference. A literal, a default value, or
 * text around a reference would put (part of) a credential into a file that is committed,
 * reviewed and copied. The value itself is never quoted in the message.
 */
export const noLiteralSecret: Rule = {
  id: 'no-literal-secret',
  defaultSeverity: 'error',
  description: 'Secret fields (password, securityToken, clientSecret, ...) must be environment references',
  explanation:
    'password, securityToken, clientSecret, privateKey, refreshToken and authUrl must each hold exactly one environment reference, such as ${SF_PROD_CLIENT_SECRET}, without a default. A literal value, a default after :- or text around the reference would put all or part of a credential into a file that is committed, reviewed and copied. The message never repeats the value. If a real secret was committed, rotate it.',
  bad: 'auth:\n  method: client-credentials\n  clientId: ${SF_PROD_CLIENT_ID}\n  clientSecret: s3cr3t-value\n',
  good: 'auth:\n  method: client-credentials\n  clientId: ${SF_PROD_CLIENT_ID}\n  clientSecret: ${SF_PROD_CLIENT_SECRET}\n',
  fixable: false,
  check(project, report) {
    for (const source of project.sources) {
      forEachAuthBlock(source, (orgName, auth, authPath) => {
        for (const [field, value] of Object.entries(auth)) {
          if (!SECRET_FIELDS.has(field) || typeof value !== 'string') continue;
          const problem = describeProblem(value);
          if (!problem) continue;
          const variable = suggestVariable(project, orgName, field);
          report({
            source,
            path: [...authPath, field],
            message: `org "${orgName}": auth.${field} ${problem}; write ${field}: \${${variable}} and set ${variable} in the environment or a .env file. If a real secret was committed, rotate it`,
          });
        }
      });
    }
  },
};

function describeProblem(value: string): string | undefined {
  let template;
  try {
    template = parseTemplate(value);
  } catch (error) {
    if (error instanceof ReferenceSyntaxError) return 'is not a valid environment reference';
    throw error;
  }
  if (isSingleReferenceWithoutDefault(template)) return undefined;
  const hasReference = template.parts.some((part) => part.kind === 'reference');
  if (!hasReference) return 'is a literal value';
  if (template.parts.length === 1) return 'has a default value, which is a literal secret';
  const hasText = template.parts.some((part) => part.kind === 'text');
  return hasText ? 'mixes literal text with a reference' : 'joins several references; use one variable that holds the whole secret';
}
