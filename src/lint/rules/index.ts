import type { Rule } from '../rule.js';
import { noLiteralSecret } from './no-literal-secret.js';
import { validReference } from './valid-reference.js';

/** Every lint rule, sorted by id. */
export const RULES: readonly Rule[] = [noLiteralSecret, validReference];
