import { testRule } from '../rule-tester.js';

testRule('valid-reference', {
  valid: ['orgs:\n  a:\n    loginUrl: https://${MY_DOMAIN}.my.salesforce.com\n', 'orgs:\n  a:\n    description: costs $$5\n'],
  invalid: [
    { case: 'orgs:\n  a:\n    loginUrl: https://$MY_DOMAIN.my.salesforce.com\n', errors: [{ at: '3:15', message: 'unbraced reference "$MY_DOMAIN"' }] },
    { case: 'orgs:\n  a:\n    description: "${OPEN"\n', errors: [{ at: '3:18', message: 'is not closed' }] },
  ],
});
