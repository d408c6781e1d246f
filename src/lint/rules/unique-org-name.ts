import { rangeOf } from '../../project/yaml-source.js';
import { isFullyLoaded } from '../completeness.js';
import { orgViews, type OrgView } from '../org-view.js';
import type { Rule } from '../rule.js';

/** `orgcfg verify --org NAME` selects by name, so a name must mean one org. */
export const uniqueOrgName: Rule = {
  id: 'unique-org-name',
  defaultSeverity: 'error',
  description: 'Org names must be unique across included files and across projects linted together',
  explanation:
    'An org name is how orgcfg verify --org NAME, reports and CI jobs refer to an org. The loader reports a name defined twice in one project (its project file and the files it includes); this rule also compares projects linted in one run, because they usually feed the same pipeline. A file included by two projects is not a duplicate of itself. The rule does not run while a file of a linted project cannot be read or parsed.',
  bad: '# orgs/a.yaml\norgs:\n  prod: {}\n# orgs/b.yaml\norgs:\n  prod: {}\n',
  good: '# orgs/a.yaml\norgs:\n  prod: {}\n# orgs/b.yaml\norgs:\n  prod-eu: {}\n',
  fixable: false,
  check(project, report, context) {
    if (!context.projects.every(isFullyLoaded)) return;
    const index = context.projects.indexOf(project);
    const earlier = new Map<string, OrgView>();
    for (const other of context.projects.slice(0, Math.max(index, 0))) {
      for (const org of orgViews(other)) if (!earlier.has(org.name)) earlier.set(org.name, org);
    }
    for (const org of orgViews(project)) {
      const first = earlier.get(org.name);
      if (!first || first.source.file === org.source.file) continue;
      const at = rangeOf(first.source, first.path, 'key').start;
      report({
        source: org.source,
        path: org.path,
        target: 'key',
        message: `org "${org.name}" is already defined in ${first.source.file}:${at.line}:${at.column}, in another project linted in this run; rename one of them, because org names must be unique across the files linted together`,
      });
    }
  },
};
