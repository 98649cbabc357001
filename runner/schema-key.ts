// Identifies a JSON Schema for its precompiled validator (see scripts/build-validators.mjs).
import { hashJson } from '../util/hash.js';

/** The ajv options every genesis validator is compiled with, at build time and at run time alike. */
export const AJV_OPTIONS = { allErrors: true, useDefaults: true, strict: false, verbose: true } as const;

export function validatorKey(schema: unknown): string {
  return hashJson({ schema, options: AJV_OPTIONS }).slice(0, 24);
}
