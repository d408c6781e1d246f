import { parseTemplate, ReferenceSyntaxError } from '../../project/references.js';
import { isSecretPath } from '../../project/secret-fields.js';
import { describeSubject } from '../../schema/schema-errors.js';
import type { Rule } from '../rule.js';
import { forEachString } from '../walk.js';

/** Every `${...}` in a string value must follow the reference grammar. */
export const validReference: Rule = {
  id: 'valid-reference',
  defaultSeverity: 'error',
  description: 'Environment references must follow the ${VAR}, ${VAR:-default}, ${VAR:?message} grammar',
  explanation:
    'String values may reference environment variables as ${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:?message} or ${VAR?message}; $$ is a literal dollar sign. The unbraced $VAR form is rejected, because in a file of credentials a $ that silently swallows the next word is a worse failure than an error. Secret fields are checked by no-literal-secret instead, whose messages never repeat the value.',
  bad: 'loginUrl: https://$MY_DOMAIN.my.salesforce.com\n',
  good: 'loginUrl: https://${MY_DOMAIN}.my.salesforce.com\n',
  fixable: false,
  check(project, report) {
    for (const source of project.sources) {
      forEachString(source, (value, path) => {
        // Secret fields are checked by no-literal-secret, whose message never quotes the value.
        if (isSecretPath(path)) return;
        try {
          parseTemplate(value);
        } catch (error) {
          if (!(error instanceof ReferenceSyntaxError)) throw error;
          report({ source, path, message: `${describeSubject(path)}: ${error.message}` });
        }
      });
    }
  },
};
