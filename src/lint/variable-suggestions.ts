import type { Project } from '../project/model.js';
import { VariableNameSuggester, variablesIn } from '../project/variable-names.js';
import { orgViews } from './org-view.js';

const cache = new WeakMap<Project, VariableNameSuggester>();

/**
 * Returns the variable name that a hint should suggest for `field` of `org`, following the
 * naming of the variables that the project's auth blocks already reference.
 */
export function suggestVariable(project: Project, org: string, field: string): string {
  let suggester = cache.get(project);
  if (!suggester) {
    const variablesByOrg = new Map<string, string[]>();
    for (const view of orgViews(project)) {
      const own = variablesByOrg.get(view.name) ?? [];
      own.push(...Object.values(view.auth).flatMap(variablesIn));
      variablesByOrg.set(view.name, own);
    }
    suggester = new VariableNameSuggester(variablesByOrg);
    cache.set(project, suggester);
  }
  return suggester.suggest(org, field);
}
