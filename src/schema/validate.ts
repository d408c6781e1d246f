/**
 * Validation of parsed org files against the published JSON Schema, and the conversion of
 * ajv's errors into one readable diagnostic per problem.
 */
import { createRequire } from 'node:module';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import type { Diagnostic } from '../report/diagnostic.js';
import { rangeOf, replaceScalarFix, type YamlSource } from '../project/yaml-source.js';
import { convertSchemaErrors } from './schema-errors.js';

const require = createRequire(import.meta.url);

let compiled: ValidateFunction | undefined;

/** The published schema as a plain object. */
export function loadSchema(): Record<string, unknown> {
  return require('../../schema/orgcfg.schema.json') as Record<string, unknown>;
}

function validator(): ValidateFunction {
  // TODO: compile this validator at build time with ajv's standalone code, so lint does not
  // pay for compiling the schema on every start.
  compiled ??= new Ajv2020({ allErrors: true, strict: true, strictRequired: false, discriminator: true, verbose: true }).compile(
    loadSchema(),
  );
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
