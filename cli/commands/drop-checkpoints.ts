// `genesis clean --drop-checkpoints`: which item checkpoints one pipeline's steps use, what they cost, and dropping them.
import type { AnalyzedPipeline } from '../../runner/analyze.js';
import type { Db } from '../../store/db.js';
import { InputError } from '../../util/errors.js';
import { didYouMean } from '../../util/suggest.js';
import { estimateInputOf } from './estimate-input.js';

export interface StepCheckpoints {
  stepId: string;
  uses: string;
  scope: string;
  /** Keys present in the state database (the step's other items were never made or were dropped). */
  keys: string[];
  failed: number;
  requests: number;
  batchRecords: number;
  tokens: number;
  usd: number;
}

/**
 * Item checkpoints are keyed by content, not by pipeline, so a pipeline's own are found by recomputing the keys
 * its steps would use now (the same computation the steps' runs make). Items of other pipelines stay.
 */
export async function findCheckpoints(a: AnalyzedPipeline, db: Db, onlySteps: string[] | undefined): Promise<StepCheckpoints[]> {
  const ids = a.order as string[];
  for (const s of onlySteps ?? []) if (!ids.includes(s)) throw new InputError(`no step "${s}" in ${a.pipeline.displayFile}${didYouMean(s, ids)}`);
  const get = db.prepare('SELECT status, input_tokens + output_tokens AS tokens, usd, requests, batch_records AS batchRecords FROM items WHERE scope = ? AND key = ?');
  const out: StepCheckpoints[] = [];
  for (const step of a.pipeline.steps) {
    if (onlySteps && !onlySteps.includes(step.id)) continue;
    const type = a.types.get(step.id);
    if (!type?.checkpointKeys) {
      if (onlySteps) throw new InputError(`step "${step.id}" (${step.uses}) keeps no item checkpoints`);
      continue;
    }
    const { scope, keys } = await type.checkpointKeys(estimateInputOf(a, step, db));
    const found: StepCheckpoints = { stepId: step.id, uses: step.uses, scope, keys: [], failed: 0, requests: 0, batchRecords: 0, tokens: 0, usd: 0 };
    for (const key of new Set(keys)) {
      const row = get.get(scope, key) as { status: string; tokens: number; usd: number; requests: number; batchRecords: number } | undefined;
      if (!row) continue;
      found.keys.push(key);
      if (row.status === 'failed') found.failed++;
      found.requests += row.requests;
      found.batchRecords += row.batchRecords;
      found.tokens += row.tokens;
      found.usd += row.usd;
    }
    out.push(found);
  }
  return out;
}

/** One line per step: how many checkpoints, and what making them cost (so nobody drops paid-for items unawares). */
export function describeCheckpoints(found: StepCheckpoints[]): string[] {
  return found.map((f) => {
    const n = `${f.keys.length.toLocaleString('en-US')} item checkpoint(s)${f.failed ? ` (${f.failed} failed)` : ''}`;
    const batch = f.batchRecords ? ` + ${f.batchRecords.toLocaleString('en-US')} batch record(s)` : '';
    const cost = f.requests || f.batchRecords
      ? `paid for: ${f.requests.toLocaleString('en-US')} request(s)${batch}, ${f.tokens.toLocaleString('en-US')} tokens, $${f.usd.toFixed(2)}`
      : 'no cost (made offline)';
    return `  ${f.stepId} (${f.uses}): ${n}, ${cost}`;
  });
}

export function dropCheckpoints(db: Db, found: StepCheckpoints[]): number {
  const del = db.prepare('DELETE FROM items WHERE scope = ? AND key = ?');
  let n = 0;
  db.transaction(() => {
    for (const f of found) for (const k of f.keys) n += del.run(f.scope, k).changes;
  })();
  return n;
}
