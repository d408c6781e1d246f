import { testRule } from '../rule-tester.js';

testRule('schema', {
  valid: ['version: 1\norgs: {}\n'],
  invalid: [
    { name: 'unquoted API version is fixed with double quotes', case: 'defaults:\n  apiVersion: 60.0   # pinned\n', errors: [{ at: '2:15', message: 'must be a quoted string' }], output: 'defaults:\n  apiVersion: "60.0"   # pinned\n' },
    { name: 'integer API version', case: 'orgs:\n  a:\n    apiVersion: 62\n    auth: { method: client-credentials, clientId: a, clientSecret: "${S}" }\n', errors: [{ at: '3:17' }], output: 'orgs:\n  a:\n    apiVersion: "62.0"\n    auth: { method: client-credentials, clientId: a, clientSecret: "${S}" }\n' },
    { name: 'non-integer number has no fix', case: 'defaults:\n  apiVersion: 60.5\n', errors: [{ at: '2:15' }], output: 'defaults:\n  apiVersion: 60.5\n' },
    { name: 'yes becomes true', case: 'defaults:\n  sandbox: yes\n', errors: [{ at: '2:12', message: '"yes" is a string in YAML 1.2' }], output: 'defaults:\n  sandbox: true\n' },
    { name: 'quoted Off becomes false', case: "defaults:\n  sandbox: 'Off'\n", errors: [{ at: '2:12' }], output: 'defaults:\n  sandbox: false\n' },
    { name: 'unknown key with a suggestion', case: 'orgs:\n  a:\n    loginURL: x\n    auth: { method: client-credentials, clientId: a, clientSecret: "${S}" }\n', errors: [{ at: '3:5', message: 'did you mean "loginUrl"?' }] },
    { name: 'bad severity word in lint block', case: 'lint:\n  rules:\n    schema: warn\n', errors: [{ at: '3:13' }] },
  ],
});
