// Runs item specs through an LLM in batches: concurrent, checkpointed per item, resumable on stop.
import { setMaxListeners } from 'node:events';
import type { ChatProvider, ChatRequest, ChatResponse } from '../contract.js';
import type { ItemStore } from '../../steps/contract.js';
import { ResumableStop, StepFailure } from '../../util/errors.js';
import type { BatchJobStore } from '../../store/batch-jobs.js';
import { runBatchPhase } from './batch-jobs-runner.js';
import { abortError, isAbortError } from '../../util/abort.js';
import { answerOutcomes, type ParseOutcome } from './answer-outcomes.js';
import { costShares, noDebt } from './cost-shares.js';

export type { ParseOutcome } from './answer-outcomes.js';

export interface RunLlmItemsOptions<S, R> {
  /** Only the items still missing; each key is the item's checkpoint key. */
  items: Array<{ key: string; spec: S }>;
  provider: ChatProvider;
  store: ItemStore;
  batchSize: number;
  render: (specs: S[]) => ChatRequest;
  parse: (obj: unknown, spec: S) => ParseOutcome<R>;
  signal: AbortSignal;
  /** Attempts per item (the batch counts as one); invalid items are then retried alone, then putFailed. */
  maxItemAttempts?: number;
  onItemDone?: (done: number) => void;
  /** Identifier shared by a spec and the object answering it (default: conversation_id, series_id or id). */
  idOf?: (specOrItem: unknown) => string | undefined;
  /** Plan fields an answer repeats, to pair answers whose ids don't match (default: intent, language, sentiment, complexity). */
  traitsOf?: (spec: S) => Record<string, string>;
  /**
   * Where the cost of replies that bought no item is recorded when no later item of this run can carry it
   * (e.g. the run's last replies were all invalid): every paid reply is accounted, failed ones included.
   */
  ledger?: ItemStore;
  /** Batches in flight or waiting on the provider's limiter (default 1024: the provider's controller sets the pace). */
  parallel?: number;
  /** Batch jobs in flight (the state database's), needed when the provider runs in batch mode. */
  jobs?: BatchJobStore;
  /** Progress of batch jobs (status, records processed), for the step's log. */
  onStatus?: (message: string) => void;
}

export interface RunLlmItemsResult {
  generated: number;
  failed: number;
  retriedInvalid: number;
  /** Paid on-demand replies (HTTP 200), whatever they held. */
  requests: number;
  /** Batch records read back with an answer (batch mode). */
  batchRecords: number;
  /** Paid replies from which no item could be kept. */
  wastedReplies: number;
}

interface Pending<S> {
  key: string;
  spec: S;
  attempts: number;
}

const TRAITS = ['intent', 'language', 'sentiment', 'complexity'];

export function defaultTraitsOf(spec: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (spec !== null && typeof spec === 'object') for (const k of TRAITS) if (typeof (spec as Record<string, unknown>)[k] === 'string') out[k] = (spec as Record<string, string>)[k] as string;
  return out;
}

export function defaultIdOf(v: unknown): string | undefined {
  if (v === null || typeof v !== 'object') return undefined;
  const o = v as Record<string, unknown>;
  for (const k of ['conversation_id', 'series_id', 'id']) if (typeof o[k] === 'string') return o[k] as string;
  return undefined;
}

/**
 * On-demand: batches of `batchSize` items per request. With a provider in batch mode, the items go to batch jobs
 * first (records of up to `batchSize` items each) and only what they can't take goes on-demand.
 */
export async function runLlmItems<S, R>(opts: RunLlmItemsOptions<S, R>): Promise<RunLlmItemsResult> {
  const batch = opts.provider.batch;
  if (!batch) return runOnDemand(opts);
  if (!opts.jobs) throw new StepFailure(`provider "${opts.provider.config.name}" is in batch mode, but this step has nowhere to record batch jobs`);
  const seen = new Set<string>();
  const items = opts.items.filter((it) => !seen.has(it.key) && opts.store.get(it.key)?.status !== 'done' && (seen.add(it.key), true));
  let done = 0;
  const onItemDone = () => opts.onItemDone?.(++done);
  try {
    return await runBatchPhase({
      items,
      batch,
      batchSize: opts.batchSize,
      jobs: opts.jobs,
      store: opts.store,
      ...(opts.ledger ? { ledger: opts.ledger } : {}),
      render: opts.render,
      reader: { parse: opts.parse, idOf: opts.idOf ?? defaultIdOf, traitsOf: opts.traitsOf ?? defaultTraitsOf },
      signal: opts.signal,
      onItemDone,
      ...(opts.onStatus ? { onStatus: opts.onStatus } : {}),
      spentUsd: () => opts.provider.stats().usd ?? 0,
      onDemand: (rest) => runOnDemand({ ...opts, items: rest, onItemDone }),
    });
  } finally {
    opts.store.flush();
  }
}

async function runOnDemand<S, R>(opts: RunLlmItemsOptions<S, R>): Promise<RunLlmItemsResult> {
  const { provider, store, render, parse } = opts;
  // One listener on the caller's signal; every request in flight listens to this one instead.
  const inner = new AbortController();
  setMaxListeners(0, inner.signal);
  const onAbort = () => inner.abort();
  opts.signal.addEventListener('abort', onAbort, { once: true });
  const signal = inner.signal;
  const maxAttempts = Math.max(1, opts.maxItemAttempts ?? 3);
  const idOf = opts.idOf ?? defaultIdOf;
  const width = Math.max(1, opts.parallel ?? 1024);
  const size = Math.max(1, Math.floor(opts.batchSize));
  // A key already done (e.g. the caller's list is stale) is never paid for twice.
  const seen = new Set<string>();
  const todo: Array<Pending<S>> = [];
  for (const it of opts.items) {
    if (seen.has(it.key) || store.get(it.key)?.status === 'done') continue;
    seen.add(it.key);
    todo.push({ key: it.key, spec: it.spec, attempts: 0 });
  }
  const traitsOf = opts.traitsOf ?? defaultTraitsOf;
  const queue: Array<Array<Pending<S>>> = [];
  for (let i = 0; i < todo.length; i += size) queue.push(todo.slice(i, i + size));
  // Items to ask again are batched together (not one request each): every request is paid for.
  const again: Array<Pending<S>> = [];
  // Cost of replies not yet carried by a kept item; the next items stored carry it.
  const debt = noDebt();

  const result: RunLlmItemsResult = { generated: 0, failed: 0, retriedInvalid: 0, requests: 0, batchRecords: 0, wastedReplies: 0 };
  let stopError: unknown;
  let running = 0;
  let finish!: () => void;
  const finished = new Promise<void>((resolve) => (finish = resolve));

  const settle = (batch: Array<Pending<S>>, response: ChatResponse) => {
    for (const item of batch) item.attempts++;
    const outcomes = answerOutcomes(
      batch.map((b) => b.spec),
      response.text,
      { parse, idOf, traitsOf },
    );
    const kept = outcomes.filter((o) => o.ok).length;
    if (kept === 0) result.wastedReplies++;
    const shares = costShares(response, kept, debt);
    let valid = 0;
    batch.forEach((item, i) => {
      const outcome = outcomes[i] as ParseOutcome<R>;
      if (outcome.ok) {
        // Durable before moving on: this item is paid for and must survive a SIGKILL.
        store.putDone(item.key, JSON.stringify(outcome.record), shares[valid++], true);
        result.generated++;
        opts.onItemDone?.(result.generated);
      } else if (item.attempts >= maxAttempts) {
        store.putFailed(item.key, outcome.errors.join('; '));
        result.failed++;
      } else if (stopError === undefined) {
        result.retriedInvalid++;
        again.push(item);
      }
    });
  };

  const next = (): Array<Pending<S>> | undefined => {
    // A full batch of re-asks goes first; a partial one waits until nothing else is left to send with it.
    if (again.length >= size || (queue.length === 0 && again.length > 0)) return again.splice(0, size);
    return queue.shift();
  };
  const pump = () => {
    while (stopError === undefined && running < width) {
      const batch = next();
      if (!batch) break;
      running++;
      void runBatch(batch);
    }
    if (running === 0 && ((queue.length === 0 && again.length === 0) || stopError !== undefined)) finish();
  };

  const runBatch = async (batch: Array<Pending<S>>) => {
    try {
      const response = await provider.converse(render(batch.map((b) => b.spec)), signal);
      result.requests++;
      settle(batch, response);
    } catch (e) {
      stopError ??= e;
    } finally {
      running--;
      pump();
    }
  };

  try {
    if (opts.signal.aborted) throw abortError();
    pump();
    await finished;
  } finally {
    opts.signal.removeEventListener('abort', onAbort);
    // Replies that bought nothing and found no later item to carry their cost still count: in the ledger.
    if (debt.requests > 0 && opts.ledger) opts.ledger.putDone('unattributed-replies', 'null', { ...debt }, true);
    store.flush();
  }
  if (stopError !== undefined) {
    if (isAbortError(stopError) || opts.signal.aborted) throw abortError();
    if (stopError instanceof ResumableStop) {
      const remaining = todo.length - result.generated - result.failed;
      throw new ResumableStop(`${stopError.message} (${result.generated} items saved this run, ${remaining} left)`, remaining);
    }
    throw stopError;
  }
  return result;
}
