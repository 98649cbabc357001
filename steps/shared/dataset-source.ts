// Finds a step's dataset: `with.input` (JSONL or CSV path) or the named file of an upstream step.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import type { StepContext, StepInput } from '../contract.js';
import { InputError } from '../../util/errors.js';
import { readCsv, readJsonl } from '../../util/tabular.js';
import { BadRecords, type OnInvalid } from '../../util/bad-records.js';
import { RECORD_CHECKS, type RecordKind } from '../../util/record-checks.js';

export interface DatasetSource {
  path: string;
  /** Folder that may hold generation.json (the generator's targets). */
  dir: string;
  /** The `with.input` value (resolved) when the dataset came from it, not from an upstream step. */
  param?: string;
}

/** What a generator says it was asked for, written beside its dataset. Steps reading it via `with.input` declare it in `besideFiles`. */
export const GENERATION_FILE = 'generation.json';

export function locateDataset(ctx: StepContext<{ input?: string }>, fileName: string): DatasetSource {
  const input = ctx.params.input;
  if (typeof input === 'string' && input !== '') {
    const path = ctx.resolvePath(input);
    if (!existsSync(path)) throw new InputError(`${ctx.stepId}: input file not found: ${input}`);
    return { path, dir: dirname(path), param: input };
  }
  const path = filesNamed(ctx.inputs, fileName)[0];
  if (path) return { path, dir: dirname(path) };
  throw new InputError(`${ctx.stepId}: no dataset: give \`with: { input: path }\` or \`needs:\` a step that writes ${fileName}`);
}

/** The file with this base name in one upstream output, preferring the shallowest (command steps nest theirs under `_outputs/`). */
export function fileNamed(input: StepInput, baseName: string): string | undefined {
  const hits = input.files.filter((f) => f === baseName || f.endsWith(`/${baseName}`));
  return hits.sort((a, b) => a.split('/').length - b.split('/').length || a.localeCompare(b))[0];
}

/** Absolute paths of the file with this base name in each upstream output that has one, in `needs` order. */
export function filesNamed(inputs: readonly StepInput[], baseName: string): string[] {
  return inputs.flatMap((i) => {
    const f = fileNamed(i, baseName);
    return f ? [join(i.dir, f)] : [];
  });
}

/**
 * Streams the records of a JSONL file (checked to be of `kind`), or the rows of a CSV file (read whole: CSV inputs are
 * small references). Bad records fail the step once all are listed, unless `on_invalid: skip`: then they are counted.
 */
export async function* readDataset(ctx: StepContext<{ on_invalid?: OnInvalid }>, path: string, kind: RecordKind): AsyncGenerator<Record<string, unknown>> {
  if (extname(path).toLowerCase() === '.csv') {
    for (const row of await readCsv(path)) yield row;
    return;
  }
  const bad = new BadRecords(path);
  yield* readJsonl(path, { check: RECORD_CHECKS[kind], onInvalid: ctx.params.on_invalid ?? 'fail', bad });
  if (bad.count > 0) {
    ctx.services.recordStats({ invalid_skipped: bad.count });
    ctx.log.warn(`skipped ${bad.count} invalid record(s) (on_invalid: skip); the first: ${bad.first[0] ?? ''}`);
  }
}

/** generation.json beside the dataset, when the upstream generator wrote one. */
export function readGenerationTargets(ctx: StepContext<unknown>, source: DatasetSource): Record<string, Record<string, number>> | undefined {
  const p = join(source.dir, GENERATION_FILE);
  // A file read beside `with.input` that is not in the fingerprint would be served stale from the cache: a bug
  // of the step's declaration (besideFiles), caught on the first run of any test that reads one.
  const files = (ctx.services.fingerprint as { files?: Record<string, string> }).files;
  if (source.param !== undefined && files && !Object.keys(files).some((f) => resolve(ctx.pipelineDir, f) === p)) {
    throw new Error(`bug: ${ctx.stepId} reads ${GENERATION_FILE} beside with.input without declaring it in besideFiles`);
  }
  if (!existsSync(p)) return undefined;
  try {
    const g = JSON.parse(readFileSync(p, 'utf8')) as { targets?: Record<string, Record<string, number>> };
    return g.targets;
  } catch {
    throw new InputError(`${p}: error: not valid JSON`);
  }
}
