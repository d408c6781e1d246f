import { listedVariables, variableUses } from '../env-example.js';
import type { Rule } from '../rule.js';

/** `.env.example` is how people learn which variables to set; a missing one fails at verify time. */
export const envExampleMissingVariable: Rule = {
  id: 'env-example-missing-variable',
  defaultSeverity: 'warning',
  description: 'References to variables that .env.example beside the project file does not list',
  explanation:
    'When a .env.example file sits beside the project file, it is the list of variables someone must set before orgcfg verify can log in. A reference to a variable it does not list is found only when verify fails for the person who copied the example. The rule runs only when .env.example exists.',
  bad: '# .env.example lists SF_PROD_CLIENT_ID only\nclientSecret: ${SF_PROD_CLIENT_SECRET}\n',
  good: '# .env.example lists SF_PROD_CLIENT_ID and SF_PROD_CLIENT_SECRET\nclientSecret: ${SF_PROD_CLIENT_SECRET}\n',
  fixable: false,
  check(project, report, context) {
    if (!context.envExample) return;
    const listed = new Set(listedVariables(context.envExample).map((entry) => entry.name));
    for (const use of variableUses(project)) {
      if (listed.has(use.variable)) continue;
      report({
        source: use.source,
        path: use.path,
        message: `\${${use.variable}} is not listed in ${context.envExample.file}; add the line ${use.variable}= to it so people know to set it`,
      });
    }
  },
};
