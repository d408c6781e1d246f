import { isFullyLoaded } from '../completeness.js';
import { listedVariables, variableUses } from '../env-example.js';
import type { Rule } from '../rule.js';

/** A stale `.env.example` entry makes people look for a credential nothing needs. */
export const envExampleUnusedVariable: Rule = {
  id: 'env-example-unused-variable',
  defaultSeverity: 'warning',
  description: 'Variables listed in .env.example that no file of the project references',
  explanation:
    'A variable listed in .env.example that no project file references is usually left over from a removed org or a renamed variable. People then request, store and rotate a credential nothing uses. Remove the line, or reference the variable where it was meant to be used. The rule runs only when .env.example exists beside the project file, and not while a file of the project cannot be read or parsed, because the references in that file are unknown.',
  bad: '# .env.example\nSF_OLD_PASSWORD=\n',
  good: '# .env.example lists only referenced variables\nSF_PROD_CLIENT_SECRET=\n',
  fixable: false,
  check(project, report, context) {
    if (!context.envExample || !isFullyLoaded(project)) return;
    const used = new Set(variableUses(project).map((use) => use.variable));
    for (const entry of listedVariables(context.envExample)) {
      if (used.has(entry.name)) continue;
      report({
        file: context.envExample.file,
        start: { line: entry.line, column: entry.column },
        end: { line: entry.line, column: entry.column + entry.name.length },
        message: `${entry.name} is listed here but no file of ${project.file} references it; remove the line, or reference \${${entry.name}} where it is needed`,
      });
    }
  },
};
