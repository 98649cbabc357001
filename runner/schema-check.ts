// JSON Schema checks with ajv, turned into path-located problems with human messages.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Ajv, ErrorObject, ValidateFunction } from 'ajv';
import { packageRoot, schemaPath } from '../util/paths.js';
import { AJV_OPTIONS, validatorKey } from './schema-key.js';
import type { Diagnostic } from '../util/diagnostics.js';
import type { SourceMap } from './pipeline.js';
import { didYouMean } from '../util/suggest.js';

export interface SchemaProblem {
  /** Path of the offending value inside the validated document. */
  path: Array<string | number>;
  /** Set when the problem is an unexpected key at `path`. */
  key?: string;
  message: string;
}

export type SchemaCheck = (data: unknown) => SchemaProblem[];

let ajv: Ajv | undefined;
function getAjv(): Ajv {
  // Loaded only when a schema has no precompiled validator (running from source, or a new step type).
  // useDefaults fills step parameters' defaults in place, so steps and fingerprints see them.
  if (!ajv) {
    const { Ajv: AjvClass } = require('ajv') as typeof import('ajv');
    ajv = new AjvClass({ ...AJV_OPTIONS });
  }
  return ajv;
}

const require = createRequire(import.meta.url);

/** The validator precompiled at build time for this exact schema, if there is one. */
function precompiled(schema: object): ValidateFunction | undefined {
  try {
    const mod = require(join(packageRoot(), 'dist', 'validators', `${validatorKey(schema)}.cjs`)) as ValidateFunction | { default: ValidateFunction };
    return typeof mod === 'function' ? mod : mod.default;
  } catch {
    return undefined;
  }
}

const byFile = new Map<string, SchemaCheck>();

/** A checker for a schema file in schemas/. */
export function schemaValidator(file: string): SchemaCheck {
  let check = byFile.get(file);
  if (!check) {
    const schema = JSON.parse(readFileSync(schemaPath(file), 'utf8')) as Record<string, unknown>;
    check = compileCheck(schema);
    byFile.set(file, check);
  }
  return check;
}

const bySchema = new WeakMap<object, SchemaCheck>();

/** A checker for an in-memory schema (a step type's `with:`), compiled once per schema object. */
export function compileCheck(schema: Record<string, unknown>): SchemaCheck {
  const cached = bySchema.get(schema);
  if (cached) return cached;
  const validate = precompiled(schema) ?? getAjv().compile(schema);
  const check: SchemaCheck = (data) => (validate(data) ? [] : toProblems(validate, data));
  bySchema.set(schema, check);
  return check;
}

function toProblems(validate: ValidateFunction, data: unknown): SchemaProblem[] {
  const errors = validate.errors ?? [];
  // oneOf/anyOf failures report every branch; keep the most specific message per path.
  const seen = new Set<string>();
  const out: SchemaProblem[] = [];
  for (const e of errors) {
    if (e.keyword === 'oneOf' || e.keyword === 'anyOf' || e.keyword === 'if') continue;
    // The summary error of a bad key name; the error naming the key (below) says it better, at the key.
    if (e.keyword === 'propertyNames' && errors.some((x) => x.propertyName !== undefined && x !== e)) continue;
    const p = toProblem(e, data);
    const id = `${p.path.join('/')}|${p.key ?? ''}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(p);
  }
  if (out.length === 0 && errors[0]) out.push(toProblem(errors[0], data));
  return out;
}

function toProblem(e: ErrorObject, data: unknown): SchemaProblem {
  const path = e.instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) && Array.isArray(valueAt(data, e.instancePath, true)) ? Number(s) : s));
  // Filled in by the caller, which knows where the validated value sits in the file.
  const where = '{where}';
  // A bad key name (propertyNames): point at that key, not at the first key of its mapping.
  if (e.propertyName !== undefined && e.keyword !== 'propertyNames') {
    const key = e.propertyName;
    const rule = e.keyword === 'pattern' ? `must match ${String(e.params.pattern)}` : e.message ?? 'is not allowed';
    return { path, key, message: `invalid ${path.length === 1 && path[0] === 'steps' ? 'step id' : 'key'} \`${key}\` in ${where}: ${rule}` };
  }
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = String(e.params.additionalProperty);
      const allowed = Object.keys((e.parentSchema?.properties as Record<string, unknown> | undefined) ?? {});
      return { path, key, message: `unknown field \`${key}\` in ${where}${didYouMean(key, allowed)}${allowed.length && allowed.length <= 12 ? `; expected one of: ${allowed.join(', ')}` : ''}` };
    }
    case 'required':
      return { path, message: `${where} is missing required field \`${String(e.params.missingProperty)}\`` };
    case 'type':
      return { path, message: `${where} must be ${article(String(e.params.type))}, not ${describe(valueAt(data, e.instancePath))}` };
    case 'enum': {
      const allowed = (e.params.allowedValues as unknown[]).map(String);
      const v = String(valueAt(data, e.instancePath));
      return { path, message: `${where} must be one of ${allowed.map((a) => `"${a}"`).join(', ')}, not "${v}"${didYouMean(v, allowed)}` };
    }
    case 'minProperties':
      return { path, message: `${where} must not be empty` };
    case 'propertyNames':
      return { path, message: `${where} has an invalid key name: ${e.message ?? ''}` };
    case 'pattern':
      return { path, message: `${where} must match ${String(e.params.pattern)}` };
    default:
      return { path, message: `${where} ${e.message ?? 'is invalid'}` };
  }
}

function valueAt(data: unknown, pointer: string, parent = false): unknown {
  const segs = pointer.split('/').slice(1);
  if (parent) segs.pop();
  let v: unknown = data;
  for (const s of segs) v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[s.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
  return v;
}

function article(type: string): string {
  const t = type.replace(/,/g, ' or ');
  return /^[aeiou]/.test(t) ? `an ${t}` : `a ${t}`;
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return `the string "${v.length > 30 ? v.slice(0, 30) + '…' : v}"`;
  return `${typeof v} ${String(v)}`;
}

/** Maps a schema problem to a located diagnostic; `prefix` is where the validated value sits in the file. */
export function problemToDiagnostic(p: SchemaProblem, source: SourceMap, prefix: ReadonlyArray<string | number>): Diagnostic {
  const path = [...prefix, ...p.path];
  const message = p.message.replace('{where}', path.length ? `\`${path.join('.')}\`` : 'the pipeline');
  if (p.key !== undefined) return { severity: 'error', message, location: source.locate([...path, p.key], 'key') };
  return { severity: 'error', message, location: source.locate(path) };
}
