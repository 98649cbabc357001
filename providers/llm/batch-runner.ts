// Runs item specs through an LLM in batches: concurrent, checkpointed per item, resumable on stop.
import { setMaxListeners } from 'node:events';
import type { ChatProvider, ChatRequest, ChatResponse } from '../contract.js';
import type { ItemCost, ItemStore } from '../../steps/contract.js';
import { ResumableStop } from '../../util/errors.js';
import { abortError, isAbortError } from '../../util/abort.js';
import { extractJsonItems } from './extract-json.js';

export type ParseOutcome<R> = { ok: true; record: R } | { ok: false; errors: string[] };

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
  /** Batches in flight or waiting on the provider's limiter (default 32). */
  parallel?: number;
}

export interface RunLlmItemsResult {
  generated: number;
  failed: number;
  retriedInvalid: number;
  requests: number;
}

interface Pending<S> {
  key: string;
  spec: S;
  attempts: number;
}

export function defaultIdOf(v: unknown): string | undefined {
  if (v === null || typeof v !== 'object') return undefined;
  const o = v as Record<string, unknown>;
  for (const k of ['conversation_id', 'series_id', 'id']) if (typeof o[k] === 'string') return o[k] as string;
  return undefined;
}

export async function runLlmItems<S, R>(opts: RunLlmItemsOptions<S, R>): Promise<RunLlmItemsResult> {
  const { provider, store, render, parse } = opts;
  // One listener on the caller's signal; every request in flight listens to this one instead.
  const inner = new AbortController();
  setMaxListeners(0, inner.signal);
  const onAbort = () => inner.abort();
  opts.signal.addEventListener('abort', onAbort, { once: true });
  const signal = inner.signal;
  const maxAttempts = Math.max(1, opts.maxItemAttempts ?? 3);
  const idOf = opts.idOf ?? defaultIdOf;
  const width = Math.max(1, opts.parallel ?? 32);
  const size = Math.max(1, Math.floor(opts.batchSize));
  // A key already done (e.g. the caller's list is stale) is never paid for twice.
  const seen = new Set<string>();
  const todo: Array<Pending<S>> = [];
  for (const it of opts.items) {
    if (seen.has(it.key) || store.get(it.key)?.status === 'done') continue;
    seen.add(it.key);
    todo.push({ key: it.key, spec: it.spec, attempts: 0 });
  }
  const queue: Array<Array<Pending<S>>> = [];
  for (let i = 0; i < todo.length; i += size) queue.push(todo.slice(i, i + size));

  const result: RunLlmItemsResult = { generated: 0, failed: 0, retriedInvalid: 0, requests: 0 };
  let stopError: unknown;
  let running = 0;
  let finish!: () => void;
  const finished = new Promise<void>((resolve) => (finish = resolve));

  const settle = (batch: Array<Pending<S>>, response: ChatResponse) => {
    const { items } = extractJsonItems(response.text);
    const answers = matchAnswers(batch, items, idOf);
    const outcomes = batch.map((item, i): ParseOutcome<R> => {
      item.attempts++;
      const answer = answers[i];
      if (answer === undefined) return { ok: false, errors: ['missing from the model answer (truncated or skipped)'] };
      try {
        return parse(answer, item.spec);
      } catch (e) {
        return { ok: false, errors: [`invalid: ${(e as Error).message}`] };
      }
    });
    const shares = costShares(response, outcomes.filter((o) => o.ok).length);
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
        queue.push([item]);
      }
    });
  };

  const pump = () => {
    while (stopError === undefined && running < width && queue.length > 0) {
      const batch = queue.shift() as Array<Pending<S>>;
      running++;
      void runBatch(batch);
    }
    if (running === 0 && (queue.length === 0 || stopError !== undefined)) finish();
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

/**
 * Splits a request's cost over the items it produced, in whole tokens and one request, so the
 * stored costs add up exactly to what was paid for kept items (a batch with none keeps nothing).
 */
function costShares(response: ChatResponse, n: number): ItemCost[] {
  const split = (total: number) => Array.from({ length: n }, (_, i) => Math.floor(total / n) + (i < total % n ? 1 : 0));
  const input = split(response.usage.inputTokens);
  const output = split(response.usage.outputTokens);
  const tokens = response.usage.inputTokens + response.usage.outputTokens;
  return Array.from({ length: n }, (_, i) => {
    const share = tokens > 0 ? ((input[i] as number) + (output[i] as number)) / tokens : 1 / n;
    return { inputTokens: input[i], outputTokens: output[i], usd: response.costUsd * share, requests: i === 0 ? 1 : 0 };
  });
}

/** Answer i for batch item i: by identifier when the model echoed it, else by position. */
function matchAnswers<S>(batch: Array<Pending<S>>, items: unknown[], idOf: (v: unknown) => string | undefined): Array<unknown> {
  const out: unknown[] = new Array(batch.length).fill(undefined);
  const index = new Map<string, number>();
  batch.forEach((b, i) => {
    const id = idOf(b.spec);
    if (id !== undefined) index.set(id, i);
  });
  const leftovers: Array<[number, unknown]> = [];
  items.forEach((obj, pos) => {
    const id = idOf(obj);
    const i = id === undefined ? undefined : index.get(id);
    if (i !== undefined && out[i] === undefined) out[i] = obj;
    else if (id === undefined) leftovers.push([pos, obj]);
  });
  // Objects without an id fill the slot at their own position, if that slot is still empty.
  for (const [pos, obj] of leftovers) if (pos < out.length && out[pos] === undefined) out[pos] = obj;
  return out;
}
