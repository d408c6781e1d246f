import { testRule } from '../rule-tester.js';

testRule('unused-disable-directive', {
  valid: [
    'defaults:\n  # orgcfg-disable-next-line api-version-retired -- pinned until the archive job moves\n  apiVersion: "30.0"\n',
    // Rules skip a file with syntax errors, so its directives cannot be judged.
    'defaults:\n  # orgcfg-disable-next-line api-version-retired -- pinned\n  apiVersion: "30.0"\n  loginUrl https://x\n',
    {
      code: 'version: 1\ninclude: o.yaml\norgs:\n  uat:\n    # orgcfg-disable-next-line shared-secret-variable -- one connected app\n    auth: { method: jwt, privateKey: "${K}" }\n',
      files: { 'p/o.yaml': 'orgs:\n  prod\n    sandbox: false\n' },
    },
  ],
  invalid: [
    {
      case: 'defaults:\n  # orgcfg-disable-next-line api-version-retired, schema -- pinned\n  apiVersion: "30.0"\n',
      errors: [{ at: '2:3', message: 'disable directive for schema suppresses nothing because rule schema reports nothing on line 3' }],
    },
    { name: 'nothing follows', case: 'version: 1\n  # orgcfg-disable-next-line schema -- x\n', errors: [{ at: '2:3', message: 'no line follows it' }] },
  ],
});
