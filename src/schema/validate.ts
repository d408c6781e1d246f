/**
 * Validation of parsed org files against the published JSON Schema, and the conversion of
 * ajv's errors into one readable diagnostic per problem.
 */
import { createRequire } from 'node:module';
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { Diagnostic } from '../report/diagnostic.js';
import { rangeOf, replaceScalarFix, type YamlSource } from '../project/yaml-source.js';
import { AJV_OPTIONS, PRECOMPILED_VALIDATOR } from './ajv-options.js';
import { convertSchemaErrors } from './schema-errors.js';

const require = createRequire(import.meta.url);

let compiled: ValidateFunction | undefined;

/** The published schema as a plain object. */
export function loadSchema(): Record<string, unknown> {
  return require('../../schema/orgcfg.schema.json') as Record<string, unknown>;
}

/**
 * Returns the validator that `npm run build` precompiled into dist with ajv's standalone code,
 * so a lint run neither loads ajv's compiler nor compiles the schema. Running from the
 * TypeScript sources (tests) there is no precompiled file, and the schema is compiled here.
 */
function validator(): ValidateFunction {
  if (compiled) return compiled;
  try {
    // The path goes up to dist/schema, so it resolves the same from dist/schema/validate.js and
    // from the CLI bundle in dist/cli, which contains this module.
    compiled = require(`../schema/${PRECOMPILED_VALIDATOR}`) as ValidateFunction;
  } catch (error) {
    if ((error as { code?: string }).code !== 'MODULE_NOT_FOUND') throw error;
    const { Ajv2020 } = require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
    compiled = new Ajv2020(AJV_OPTIONS).compile(loadSchema());
  }
  return compiled;
}

/** Validates the data of one file and returns schema diagnostics located in its source. */
export function validateSource(source: YamlSource): Diagnostic[] {
  const validate = validator();
  if (validate(source.data)) return [];
  const errors = (validate.errors ?? []) as ErrorObject[];
  return convertSchemaErrors(errors, source.data).map((problem) => {
    const { start, end } = rangeOf(source, problem.path, problem.target);
    const fix = problem.replacement && replaceScalarFix(source, problem.path, problem.replacement.value, problem.replacement.quote);
    return {
      ruleId: 'schema',
      severity: 'error' as const,
      message: problem.message,
      file: source.file,
      start,
      end,
      path: problem.path,
      ...(fix ? { fix } : {}),
    };
  });
}
