// Resumable item-by-item dataset generation: a deterministic plan, per-item checkpoints, ordered JSONL output.
import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { hashJson } from '../../util/hash.js';
import { StepFailure } from '../../util/errors.js';
import type { ItemStore, StepContext } from '../contract.js';

export interface ItemCounts {
  generated: number;
  reused: number;
  failed: number;
  corrected: number;
  regenerated: number;
}

export type MakeResult = { ok: true; json: string; corrected?: boolean; attempts?: number } | { ok: false; error: string };

export interface ItemDatasetOptions<S> {
  ctx: StepContext<any>;
  count: number;
  /** Checkpoint family, e.g. `conversations`. Keys are unique within it. */
  scope: string;
  /** Everything outside the spec that determines an item (generator version, provider identity, prompt). */
  keyOf(spec: S): unknown;
  plan(index: number): S;
  /** File written in item order, one JSON object per line. */
  file: string;
  /**
   * Produces missing items. Offline generators make each item on the spot (`make`); LLM providers get every
   * missing item at once (`fill`) so they can batch and run concurrently, checkpointing as they go.
   */
  make?(spec: S): MakeResult;
  fill?(missing: Array<{ key: string; spec: S }>, store: ItemStore): Promise<void>;
}

export interface ItemDatasetResult extends ItemCounts {
  written: number;
}

/** Generates (or reuses) items 0..count-1 and writes them in order; the output only depends on the plan. */
export async function buildItemDataset<S>(o: ItemDatasetOptions<S>): Promise<ItemDatasetResult> {
  const { ctx } = o;
  const store = ctx.checkpoints.scope(o.scope);
  const counts: ItemCounts = { generated: 0, reused: 0, failed: 0, corrected: 0, regenerated: 0 };
  const keys: string[] = new Array(o.count);
  const specs: S[] = new Array(o.count);
  const retry = ctx.checkpoints.retryFailed;
  const requested = new Set<string>();
  const reasons = new Map<string, number>();
  const failedBecause = (reason: string | undefined) => {
    counts.failed++;
    const r = reason ?? 'no reason recorded';
    reasons.set(r, (reasons.get(r) ?? 0) + 1);
  };

  if (o.fill) {
    const missing: Array<{ key: string; spec: S }> = [];
    for (let i = 0; i < o.count; i++) {
      if ((i & 1023) === 1023) await yieldToLoop(ctx.signal);
      const spec = o.plan(i);
      const key = hashJson(o.keyOf(spec));
      keys[i] = key;
      specs[i] = spec;
      const rec = store.get(key);
      if (!rec || (rec.status === 'failed' && retry)) {
        missing.push({ key, spec });
        requested.add(key);
      }
    }
    if (missing.length) {
      ctx.log.info(`${missing.length} of ${o.count} items to generate (${o.count - missing.length} already checkpointed)`);
      await o.fill(missing, store);
      store.flush();
    }
  }

  const fd = openSync(join(ctx.outDir, o.file), 'w');
  let buffer: string[] = [];
  let bufferedChars = 0;
  const flushOut = () => {
    if (buffer.length) writeSync(fd, buffer.join(''));
    buffer = [];
    bufferedChars = 0;
  };
  let written = 0;
  try {
    for (let i = 0; i < o.count; i++) {
      if ((i & 255) === 0) {
        ctx.progress(i, o.count);
        // Offline items are made synchronously: without a turn of the event loop, Ctrl-C and the spinner wait for the end.
        await yieldToLoop(ctx.signal);
      }
      let key = keys[i];
      let spec = specs[i];
      if (key === undefined) {
        spec = o.plan(i);
        key = hashJson(o.keyOf(spec));
      }
      const rec = store.get(key);
      let json: string | undefined;
      if (rec?.status === 'done') {
        json = rec.value;
        if (requested.has(key)) counts.generated++;
        else counts.reused++;
      } else if (rec?.status === 'failed' && !(retry && o.make)) {
        failedBecause(rec.error);
      } else if (o.make) {
        const made = o.make(spec as S);
        if (made.ok) {
          json = made.json;
          store.putDone(key, json);
          counts.generated++;
          if (made.corrected) counts.corrected++;
          if ((made.attempts ?? 1) > 1) counts.regenerated++;
        } else {
          store.putFailed(key, made.error);
          failedBecause(made.error);
        }
      } else {
        // fill() ran but left this item without a result (it was aborted or stopped).
        failedBecause('not generated (the run stopped first)');
      }
      if (json !== undefined) {
        buffer.push(json, '\n');
        bufferedChars += json.length + 1;
        written++;
        if (bufferedChars > 1 << 20) flushOut();
      }
    }
    flushOut();
  } finally {
    closeSync(fd);
    store.flush();
  }
  ctx.progress(o.count, o.count);
  const why = describeReasons(counts.failed, reasons);
  if (counts.failed) ctx.log.warn(`${why}; \`genesis run --retry-failed\` tries them again`);
  if (written === 0 && o.count > 0) {
    ctx.services.recordStats({ failed: counts.failed });
    throw new StepFailure(`no item could be generated (${why}); rerun with --retry-failed`);
  }
  return { ...counts, written };
}

/** Lets signal handlers, timers and the reporter run; throws the abort reason once Ctrl-C was pressed. */
async function yieldToLoop(signal: AbortSignal): Promise<void> {
  await new Promise<void>((resolve) => setImmediate(resolve));
  if (signal.aborted) throw signal.reason;
}

/** "300 failed: 300 × missing from the model answer" — the commonest reasons first, the rest summed. */
function describeReasons(failed: number, reasons: Map<string, number>): string {
  const sorted = [...reasons].sort((a, b) => b[1] - a[1]);
  const shown = sorted.slice(0, 3).map(([r, n]) => `${n} × ${r}`);
  const other = sorted.slice(3).reduce((a, [, n]) => a + n, 0);
  if (other) shown.push(`${other} × ${sorted.length - 3} other reasons`);
  return `${failed} failed: ${shown.join('; ')}`;
}

/** One line for the reporter. */
export function describeCounts(noun: string, r: ItemDatasetResult): string {
  const parts = [`${r.generated} new`, `${r.reused} reused`];
  if (r.corrected) parts.push(`${r.corrected} auto-corrected`);
  if (r.regenerated) parts.push(`${r.regenerated} regenerated`);
  if (r.failed) parts.push(`${r.failed} failed — rerun with --retry-failed`);
  return `${r.written} ${noun} (${parts.join(', ')})`;
}
