import { testRule, yaml, CC_AUTH } from '../rule-tester.js';

testRule('api-version-outdated', {
  valid: [
    `defaults:\n  apiVersion: "59.0"\n`,
    `defaults:\n  apiVersion: "68.0"\n`,
    // 38.0 has an announced retirement and belongs to api-version-retiring.
    `defaults:\n  apiVersion: "38.0"\n`,
    { code: `defaults:\n  apiVersion: "50.0"\nlint:\n  maxReleasesBehind: 20\n` },
  ],
  invalid: [
    {
      name: 'ten releases behind at defaults',
      case: `defaults:\n  apiVersion: "58.0"\n`,
      errors: [{ at: '2:15', message: 'defaults: apiVersion "58.0" (Summer \'23) is 10 releases behind 68.0', severity: 'warning' }],
    },
    {
      name: 'org value and a lower threshold',
      case: yaml`
        lint:
          maxReleasesBehind: 2
        orgs:
          prod:
            apiVersion: "64.0"
            loginUrl: https://acme.my.salesforce.com
            auth: ${CC_AUTH}
      `,
      errors: [{ at: '5:17', message: 'org "prod": apiVersion "64.0" (Summer \'25) is 4 releases behind' }],
    },
  ],
});
