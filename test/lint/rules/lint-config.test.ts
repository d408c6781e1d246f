import { testRule } from '../rule-tester.js';

testRule('lint-config', {
  valid: ['lint:\n  rules:\n    api-version-outdated: off\n'],
  invalid: [
    { case: 'lint:\n  rules:\n    api-version-outdate: off\n    made-up-rule: error\n', errors: [{ at: '3:5', message: 'did you mean "api-version-outdated"?' }, { at: '4:5', message: 'orgcfg rules lists the rule ids' }] },
  ],
});
