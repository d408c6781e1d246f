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
