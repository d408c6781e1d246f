import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { AJV_OPTIONS, PRECOMPILED_VALIDATOR } from '../../src/schema/ajv-options.js';
import { loadSchema } from '../../src/schema/validate.js';

const require = createRequire(import.meta.url);
const built = new URL(`../../dist/schema/${PRECOMPILED_VALIDATOR}`, import.meta.url);

const DOCUMENTS: unknown[] = [
  { version: 1, orgs: { prod: { apiVersion: '66.0', auth: { method: 'client-credentials', clientId: 'a', clientSecret: '${S}' } } } },
  { version: 2, orgs: { prod: { apiVersion: 60, sandbox: 'yes', loginURL: 'x', auth: { method: 'soap-password', username: 'u' } } } },
  { include: 3, defaults: { sandbox: 'no' }, lint: { rules: { schema: 'warn' }, maxReleasesBehind: -1 } },
  { orgs: { 'bad name!': { auth: { method: 'jwt', clientId: 'a', username: 'u' } } } },
];

// npm test builds before it runs the tests, so the file exists there; a bare vitest run may skip this.
describe.skipIf(!fs.existsSync(built))('precompiled validator', () => {
  const precompiled = require(built.pathname) as ValidateFunction;
  const runtime = new Ajv2020(AJV_OPTIONS).compile(loadSchema());

  it.each(DOCUMENTS.map((document, index) => [index, document] as const))('matches run-time compilation for document %i', (_, document) => {
    const expected = runtime(document);
    const errors = runtime.errors;
    expect(precompiled(document)).toBe(expected);
    expect(precompiled.errors ?? null).toEqual(errors ?? null);
  });
});
