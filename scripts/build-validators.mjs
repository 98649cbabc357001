// Build step: precompiles every JSON Schema genesis validates at start-up (the pipeline file, each step
// type's `with:`) into standalone ajv code under dist/validators/, so a run never compiles schemas.
// Measured: ajv import + compile was ~40 % of a no-op rerun's start-up.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';

// Versions first: loading a step type reads its derived version, and every build (`npm run build`, pretest,
// prepare, or this script run by hand after tsc) must refresh them, or a cache would serve stale outputs.
await import('./build-versions.mjs');

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const { validatorKey, AJV_OPTIONS } = await import(join(dist, 'runner/schema-key.js'));
const { stepTypeNames, loadStepType } = await import(join(dist, 'steps/registry.js'));

const schemas = [JSON.parse(readFileSync(join(root, 'schemas/pipeline.schema.json'), 'utf8'))];
for (const name of stepTypeNames()) {
  try {
    schemas.push((await loadStepType(name)).schema);
  } catch (e) {
    console.warn(`build-validators: skipped ${name}: ${e.message}`);
  }
}

const out = join(dist, 'validators');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
for (const schema of schemas) {
  const ajv = new Ajv({ ...AJV_OPTIONS, code: { source: true, esm: false } });
  const validate = ajv.compile(schema);
  writeFileSync(join(out, `${validatorKey(schema)}.cjs`), standaloneCode.default(ajv, validate));
}
console.log(`build-validators: ${schemas.length} schemas precompiled into dist/validators/`);
