import { testRule } from '../rule-tester.js';

testRule('include', {
  valid: [{ code: 'version: 1\ninclude: orgs/*.yaml\n', files: { 'p/orgs/a.yaml': 'orgs: {}\n' } }],
  invalid: [
    { case: 'version: 1\ninclude: ../x.yaml\n', errors: [{ at: '2:10', message: 'leaves the project directory' }] },
    { case: { code: 'version: 1\ninclude: o.yaml\n', files: { 'p/o.yaml': 'lint:\n  rules: {}\n' } }, errors: [{ at: 'p/o.yaml:1:1', message: 'lint is only allowed in the project file' }] },
    { name: 'severity from the lint block', case: 'version: 1\ninclude: [a.yaml]\nlint:\n  rules:\n    include: warning\n', errors: [{ at: '2:11', severity: 'warning' }] },
  ],
});
