import { testRule } from '../rule-tester.js';

testRule('yaml-syntax', {
  valid: ['version: 1\n', '\uFEFFversion: 1\r\norgs: {}\r\n'],
  invalid: [
    { case: 'orgs:\n  a: {}\n  a: {}\n', errors: [{ at: '3:3', message: 'appears twice in the same map' }] },
    { name: 'tab indentation', case: 'orgs:\n\ta: 1\n', errors: [{ at: '2:1' }] },
    { name: 'column after a BOM on line 1', case: '\uFEFFa: [1\n', errors: [{ at: '2:1' }] },
    { name: 'duplicate key on line 1 after a BOM', case: '\uFEFFa: 1\na: 2\n', errors: [{ at: '2:1' }] },
  ],
});
