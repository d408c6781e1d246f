import { testRule, yaml } from '../rule-tester.js';

const project = (prodSecret: string, uatSecret: string) => yaml`
  orgs:
    prod:
      loginUrl: https://acme.my.salesforce.com
      auth: { method: client-credentials, clientId: a, clientSecret: "${prodSecret}" }
    uat:
      sandbox: true
      loginUrl: https://acme--uat.sandbox.my.salesforce.com
      auth: { method: client-credentials, clientId: a, clientSecret: "${uatSecret}" }
`;

testRule('shared-secret-variable', {
  valid: [
    project('${SF_PROD_SECRET}', '${SF_UAT_SECRET}'),
    // An org with an invalid sandbox flag is not known to be production.
    // A file with syntax errors leaves the set of orgs unknown.
    { code: `version: 1\ninclude: o.yaml\n${project('${SF_SECRET}', '${SF_SECRET}')}`, files: { 'p/o.yaml': 'orgs:\n  dev\n    sandbox: true\n' } },
    project('${SF_SECRET}', '${SF_SECRET}').replace('  prod:\n', '  prod:\n    sandbox: "no"\n'),
  ],
  invalid: [
    {
      case: project('${SF_SECRET}', '${SF_SECRET}'),
      errors: [{ at: '8:68', message: 'org "uat" is a sandbox but reads auth.clientSecret from ${SF_SECRET}, which production org "prod" also uses', severity: 'warning' }],
    },
  ],
});
