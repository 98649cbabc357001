// Finds a step's dataset: `with.input` (JSONL or CSV path) or the named file of an upstream step.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import type { StepContext } from '../steps/contract.js';
import { InputError } from '../util/errors.js';
import { readCsv, readJsonl } from '../util/tabular.js';

export interface DatasetSource {
  path: string;
  /** Folder that may hold generation.json (the generator's targets). */
  dir: string;
}

export function locateDataset(ctx: StepContext<{ input?: string }>, fileName: string): DatasetSource {
  const input = ctx.params.input;
  if (typeof input === 'string' && input !== '') {
    const path = ctx.resolvePath(input);
    if (!existsSync(path)) throw new InputError(`${ctx.stepId}: input file not found: ${input}`);
    return { path, dir: dirname(path) };
  }
  for (const inp of ctx.inputs) {
    const f = inp.files.find((x) => x === fileName || x.endsWith(`/${fileName}`));
    if (f) {
      const path = join(inp.dir, f);
      return { path, dir: dirname(path) };
    }
  }
  throw new InputError(`${ctx.stepId}: no dataset: give \`with: { input: path }\` or \`needs:\` a step that writes ${fileName}`);
}

/** Streams records of a JSONL file, or the rows of a CSV file (read whole: CSV inputs are small references). */
export async function* readDataset(path: string): AsyncGenerator<Record<string, unknown>> {
  if (extname(path).toLowerCase() === '.csv') {
    for (const row of await readCsv(path)) yield row;
    return;
  }
  yield* readJsonl(path);
}

/** generation.json beside the dataset, when the upstream generator wrote one. */
export function readGenerationTargets(dir: string): Record<string, Record<string, number>> | undefined {
  const p = join(dir, 'generation.json');
  if (!existsSync(p)) return undefined;
  try {
    const g = JSON.parse(readFileSync(p, 'utf8')) as { targets?: Record<string, Record<string, number>> };
    return g.targets;
  } catch {
    throw new InputError(`${p}: error: not valid JSON`);
  }
}
