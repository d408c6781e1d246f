// Regenerates docs/rules.md from the rule registry in dist (run through `npm run docs:rules`).
import fs from 'node:fs';
import { formatRulesMarkdown } from '../dist/lint/rule-docs.js';
import { RULES } from '../dist/lint/rules/index.js';

const target = new URL('../docs/rules.md', import.meta.url);
fs.writeFileSync(target, formatRulesMarkdown(RULES));
console.log(`wrote docs/rules.md with ${RULES.length} rules`);
