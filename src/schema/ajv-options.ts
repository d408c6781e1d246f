/**
 * The ajv options for the orgcfg schema, shared by the build step that precompiles the
 * validator and the fallback that compiles it at run time, so both report the same errors.
 */
export const AJV_OPTIONS = {
  allErrors: true,
  strict: true,
  strictRequired: false,
  discriminator: true,
  // Error conversion reads parentSchema to list the keys allowed where an unknown one appears.
  verbose: true,
} as const;

/** File name of the precompiled validator, written next to the compiled validate.js. */
export const PRECOMPILED_VALIDATOR = 'orgcfg-validator.cjs';
