// Fingerprints: a labelled JSON object of everything that determines a step's output, hashed canonically.
import { posix, resolve, sep } from 'node:path';
import { hashJson, sha256, type Sha256 } from '../util/hash.js';
import { providerIdentity } from '../providers/identity.js';
import type { StepType } from '../steps/contract.js';
import type { FileHasher } from '../store/file-hashes.js';
import { stepProvider } from './step-provider.js';
import type { Pipeline, StepDef } from './pipeline.js';

export interface Fingerprint {
  uses: string;
  version: string;
  params: Record<string, unknown>;
  seed: number;
  /** Upstream step id → its output hash, in `needs` order. */
  inputs: Array<{ step: string; output: string }>;
  /** Steps that read past their needs (readsLineage): every further-upstream step's output hash, by step id. */
  lineage?: Array<{ step: string; output: string }>;
  provider: Record<string, unknown> | null;
  /** Content hashes of files the step reads by path (path params, command inputs). */
  files: Record<string, string>;
  command?: { run: string; outputs: string[] };
  /** command steps: variable → hash of its value; values never enter state.db (they may be tokens). */
  env?: Record<string, string>;
}

/** A value as the fingerprint holds it: a hash, so `why` can say which variable changed without its value. */
export function hashEnvValue(value: string): string {
  return `sha256:${sha256(`genesis env value\u0000${value}`)}`;
}

export function computeFingerprint(
  pipeline: Pipeline,
  step: StepDef,
  type: StepType<any>,
  upstream: ReadonlyMap<string, string>,
  hasher: FileHasher,
): { fingerprint: Fingerprint; hash: Sha256 } {
  const files: Record<string, string> = {};
  for (const key of type.pathParams ?? []) {
    const v = step.with[key];
    if (typeof v === 'string') files[v] = hasher.hash(resolve(pipeline.dir, v));
  }
  for (const [key, names] of Object.entries(type.besideFiles ?? {})) {
    const v = step.with[key];
    if (typeof v !== 'string') continue;
    for (const name of names) {
      const rel = besidePath(v, name);
      files[rel] = hasher.hash(resolve(pipeline.dir, rel));
    }
  }
  for (const input of step.inputs) files[input] = hasher.hash(resolve(pipeline.dir, input));
  let provider: Record<string, unknown> | null = null;
  const named = stepProvider(type, step.with);
  if (named) {
    const config = pipeline.providers.get(named.name);
    provider = config ? providerIdentity(config) : null;
  }
  const fingerprint: Fingerprint = {
    uses: step.uses,
    version: type.version,
    params: step.with,
    seed: pipeline.seed,
    inputs: step.needs.map((n) => ({ step: n, output: upstream.get(n) ?? 'unknown' })),
    ...(type.readsLineage ? { lineage: ancestorsOf(pipeline, step).map((n) => ({ step: n, output: upstream.get(n) ?? 'unknown' })) } : {}),
    provider,
    files,
    ...(step.uses === 'command'
      ? { command: { run: step.run ?? '', outputs: step.outputs }, env: Object.fromEntries(Object.entries(step.env).map(([k, v]) => [k, hashEnvValue(v)])) }
      : {}),
  };
  return { fingerprint, hash: hashJson(fingerprint) };
}

/** Steps upstream of this one's needs (not the needs themselves), sorted: what a readsLineage step may read. */
export function ancestorsOf(pipeline: Pipeline, step: StepDef): string[] {
  const byId = new Map(pipeline.steps.map((s) => [s.id as string, s]));
  const direct = new Set<string>(step.needs);
  const seen = new Set<string>();
  const stack = step.needs.flatMap((n) => byId.get(n)?.needs ?? []);
  while (stack.length) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(byId.get(id)?.needs ?? []));
  }
  return [...seen].filter((id) => !direct.has(id)).sort();
}

/** A file beside a path param's file, named like the param: relative to the pipeline folder. */
function besidePath(param: string, name: string): string {
  return posix.join(posix.dirname(param.split(sep).join('/')), name);
}

export interface FingerprintChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** Field-by-field differences between two fingerprints, as dotted paths. */
export function diffFingerprints(before: unknown, after: unknown, prefix = ''): FingerprintChange[] {
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  const isObj = (v: unknown) => v !== null && typeof v === 'object' && !Array.isArray(v);
  if (isObj(before) && isObj(after)) {
    const b = before as Record<string, unknown>;
    const a = after as Record<string, unknown>;
    const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].sort();
    return keys.flatMap((k) => diffFingerprints(b[k], a[k], prefix ? `${prefix}.${k}` : k));
  }
  if (Array.isArray(before) && Array.isArray(after) && before.length === after.length) {
    return before.flatMap((v, i) => diffFingerprints(v, after[i], `${prefix}[${i}]`));
  }
  return [{ field: prefix || '(root)', before, after }];
}

/** Why a step with these changes since its last run must run (undefined: it never ran). Shared by run, status and dry-run. */
export function staleReason(changes: FingerprintChange[] | undefined): string {
  if (!changes) return 'never ran';
  if (!changes.length) return 'cached output missing';
  const shown = changes.slice(0, 3).map((c) => c.field).join(', ');
  return `changed: ${shown}${changes.length > 3 ? ` and ${changes.length - 3} more` : ''}`;
}
