// Precompiles the orgcfg schema validator with ajv's standalone code into dist, so lint starts
// without ajv's compiler. Runs after tsc in `npm run build`; dist/schema/validate.js loads it.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv2020 } from 'ajv/dist/2020.js';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { AJV_OPTIONS, PRECOMPILED_VALIDATOR } from '../dist/schema/ajv-options.js';

const require = createRequire(import.meta.url);
const schema = require('../schema/orgcfg.schema.json');

const ajv = new Ajv2020({ ...AJV_OPTIONS, code: { source: true } });
const source = standaloneCode.default(ajv, ajv.compile(schema));
const target = new URL(`../dist/schema/${PRECOMPILED_VALIDATOR}`, import.meta.url);
fs.writeFileSync(target, source);
console.log(`wrote dist/schema/${PRECOMPILED_VALIDATOR} (${source.length} bytes)`);
