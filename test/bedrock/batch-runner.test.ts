// The LLM batch runner over the real SDK and the fake: checkpoints, salvage, resume, quota adaptation.
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeBedrock, type FakeBedrock, type FakeBedrockOptions } from '../fakes/fake-bedrock.js';
import { runLlmItems } from '../../providers/llm/batch-runner.js';
import { renderConversationBatch, conversationItemPrompt } from '../../providers/llm/conversation-prompt.js';
import { parseConversationItem } from '../../providers/llm/conversation-parse.js';
import { ResumableStop } from '../../util/errors.js';
import { sha256 } from '../../util/hash.js';
import type { ChatProvider } from '../../providers/contract.js';
import type { Conversation, ConversationSpec } from '../../util/records.js';
import type { ItemCost } from '../../steps/contract.js';
import { MemoryItemStore } from '../helpers/step-context.js';
import { bedrock, specs } from './helpers.js';

let fake: FakeBedrock | undefined;
const providers: ChatProvider[] = [];

async function startFake(opts: FakeBedrockOptions = {}) {
  fake = await startFakeBedrock({ seed: 11, ...opts });
  return fake;
}
function provider(url: string, options: Record<string, unknown> = {}) {
  const p = bedrock(url, options);
  providers.push(p);
  return p;
}

afterEach(async () => {
  for (const p of providers.splice(0)) await p.close?.();
  await fake?.close();
  fake = undefined;
});

const keyed = (list: ConversationSpec[]) => list.map((spec) => ({ key: sha256(conversationItemPrompt(spec)), spec }));

function run(
  p: ChatProvider,
  store: MemoryItemStore,
  list: ConversationSpec[],
  extra: { signal?: AbortSignal; batchSize?: number; onItemDone?: (n: number) => void; maxItemAttempts?: number } = {},
) {
  return runLlmItems({
    items: keyed(list),
    provider: p,
    store,
    batchSize: extra.batchSize ?? 4,
    render: (s) => renderConversationBatch(s, { fewShot: 2 }),
    parse: parseConversationItem,
    signal: extra.signal ?? new AbortController().signal,
    ...(extra.onItemDone ? { onItemDone: extra.onItemDone } : {}),
    ...(extra.maxItemAttempts ? { maxItemAttempts: extra.maxItemAttempts } : {}),
  });
}

function doneRecords(store: MemoryItemStore): Conversation[] {
  return [...store.items.values()].filter((r) => r.status === 'done').map((r) => JSON.parse(r.value as string) as Conversation);
}

describe('runLlmItems with Bedrock', () => {
  it('generates every item in batches and checkpoints each one with its share of the cost', async () => {
    const f = await startFake();
    const costs: ItemCost[] = [];
    const durable: boolean[] = [];
    const store = new (class extends MemoryItemStore {
      override putDone(key: string, value: string, cost?: ItemCost, isDurable?: boolean) {
        costs.push(cost ?? {});
        durable.push(isDurable === true);
        super.putDone(key, value);
      }
    })();
    const list = specs(12);
    const p = provider(f.url);
    const r = await run(p, store, list);
    expect(r).toEqual({ generated: 12, failed: 0, retriedInvalid: 0, requests: 3, batchRecords: 0, wastedReplies: 0 });
    const sum = (k: keyof ItemCost) => costs.reduce((a, c) => a + (c[k] ?? 0), 0);
    expect(durable.every(Boolean)).toBe(true);
    expect(sum('requests')).toBe(3);
    expect(sum('inputTokens')).toBe(p.stats().inputTokens);
    expect(sum('outputTokens')).toBe(p.stats().outputTokens);
    expect(sum('usd')).toBeCloseTo(p.stats().usd as number, 5);
    const records = doneRecords(store);
    expect(records.map((c) => c.conversation_id).sort()).toEqual(list.map((s) => s.conversation_id).sort());
    for (const c of records) expect(c.turns[0]?.speaker).toBe('customer');
    expect(Object.values(f.itemRequests()).every((n) => n === 1)).toBe(true);
  });

  it.each([['malformed'], ['truncate']] as const)('salvages a %s answer and retries only the lost items', async (fault) => {
    const f = await startFake({ script: [fault] });
    const store = new MemoryItemStore();
    const r = await run(provider(f.url), store, specs(8));
    expect(r.generated).toBe(8);
    expect(r.failed).toBe(0);
    expect(r.retriedInvalid).toBeGreaterThanOrEqual(1);
    expect(r.retriedInvalid).toBeLessThan(4);
    // Items salvaged from the broken answer were not asked for again.
    const counts = Object.values(f.itemRequests());
    expect(counts.filter((n) => n === 1).length).toBe(8 - r.retriedInvalid);
  });

  it('marks an item failed after maxItemAttempts invalid answers', async () => {
    const f = await startFake();
    const store = new MemoryItemStore();
    const list = specs(3);
    const r = await runLlmItems({
      items: keyed(list),
      provider: provider(f.url),
      store,
      batchSize: 3,
      render: (s) => renderConversationBatch(s, { fewShot: 0 }),
      parse: (obj, spec) => (spec.index === 1 ? { ok: false, errors: ['rejected by the test'] } : parseConversationItem(obj, spec)),
      signal: new AbortController().signal,
      maxItemAttempts: 2,
    });
    expect(r).toMatchObject({ generated: 2, failed: 1, retriedInvalid: 1, requests: 2 });
    const failed = [...store.items.values()].find((x) => x.status === 'failed');
    expect(failed?.error).toBe('rejected by the test');
  });

  it('stops resumably on budget after checkpointing, and a rerun asks only for the missing items', async () => {
    const f = await startFake();
    const store = new MemoryItemStore();
    const list = specs(20);
    const prices = { input_per_1k: 1, output_per_1k: 1 };
    // ~2,600 input tokens a request (the prompt's static prefix lists the intents): a few requests, not all five.
    // No cache, so every request pays its prefix in full (cache reads would stretch the budget past 20 items).
    const first = await run(provider(f.url, { budget: { usd: 10 }, prices, cache: false, limits: { rpm: 6000, concurrency: 1 } }), store, list).catch((e: unknown) => e);
    expect(first).toBeInstanceOf(ResumableStop);
    const saved = doneRecords(store).length;
    expect(saved).toBeGreaterThan(0);
    expect(saved).toBeLessThan(20);
    expect((first as ResumableStop).remaining).toBe(20 - saved);

    const missing = list.filter((s) => store.get(sha256(conversationItemPrompt(s)))?.status !== 'done');
    const second = await run(provider(f.url, { prices }), store, missing);
    expect(second.generated).toBe(20 - saved);
    expect(doneRecords(store)).toHaveLength(20);
    const counts = f.itemRequests();
    expect(Object.keys(counts)).toHaveLength(20);
    expect(Object.values(counts).every((n) => n === 1)).toBe(true);
  });

  it('stops issuing on abort, keeps what finished, and rejects with an AbortError', async () => {
    const f = await startFake({ latencyMs: 30 });
    const store = new MemoryItemStore();
    const ac = new AbortController();
    const err = await run(provider(f.url, { limits: { rpm: 6000, concurrency: 1 } }), store, specs(40), {
      batchSize: 2,
      signal: ac.signal,
      onItemDone: (n) => n >= 4 && ac.abort(),
    }).catch((e: unknown) => e);
    expect((err as Error).name).toBe('AbortError');
    const saved = doneRecords(store).length;
    expect(saved).toBeGreaterThanOrEqual(4);
    expect(saved).toBeLessThan(40);
  });

  it('copes with a quota lower than configured: real 429s retried, every item generated', async () => {
    // 1200 RPM over a 500 ms window = 10 requests per half second; the provider believes 12000 RPM.
    const f = await startFake({ rpm: 1200, windowMs: 500 });
    const store = new MemoryItemStore();
    const p = provider(f.url, { limits: { rpm: 12000, concurrency: 8 } });
    const r = await run(p, store, specs(30), { batchSize: 1 });
    expect(r.generated).toBe(30);
    const s = p.stats();
    expect(f.stats().throttled_quota).toBeGreaterThan(0);
    expect(s.throttles).toBe(f.stats().throttled_quota);
    // The rate comes down once refusals are most replies: never two refusals per success (a third of attempts useful).
    expect(s.throttles).toBeLessThanOrEqual(2 * (s.successes as number));
  });

  it.each([
    ['renumbered in every reply', { ids: 'renumber' }],
    ['left out', { ids: 'omit' }],
    ['left out, items reordered', { ids: 'omit', reorder: 1 }],
    ['renumbered, items reordered', { ids: 'renumber', reorder: 1 }],
    ['echoed, one extra item per reply', { ids: 'echo', more: 1 }],
  ] as const)('keeps every item when ids are %s, each asked for once', async (_name, behaviour) => {
    const f = await startFake({ ...behaviour });
    const store = new MemoryItemStore();
    const list = specs(20);
    const r = await run(provider(f.url), store, list, { batchSize: 5 });
    expect(r).toMatchObject({ generated: 20, failed: 0, retriedInvalid: 0, requests: 4 });
    const records = doneRecords(store);
    // The plan's own ids and labels, never the model's.
    expect(records.map((c) => c.conversation_id).sort()).toEqual(list.map((s) => s.conversation_id).sort());
    for (const c of records) {
      const planned = list.find((s) => s.conversation_id === c.conversation_id)!;
      expect([c.intent, c.language]).toEqual([planned.intent, planned.language]);
    }
    expect(Object.values(f.itemRequests()).every((n) => n === 1)).toBe(true);
  });

  it('asks again only for what a reply left out, together in one request', async () => {
    // Every reply drops one item and renumbers the rest: the count no longer fits, the stated traits place them.
    const f = await startFake({ ids: 'renumber', fewer: 1 });
    const store = new MemoryItemStore();
    const list = specs(20).map((s, i) => ({ ...s, intent: ['card_arrival', 'exchange_rate', 'top_up_failed', 'lost_or_stolen_card', 'declined_card_payment'][i % 5]! }));
    const r = await run(provider(f.url), store, list, { batchSize: 5, maxItemAttempts: 6 });
    expect(r.generated).toBe(20);
    expect(r.failed).toBe(0);
    // 4 first replies lose 4 items; they go back as one batch (which loses one again), not one request each.
    expect(r.requests).toBeLessThanOrEqual(4 + 4);
    expect(r.retriedInvalid).toBeGreaterThanOrEqual(4);
  });

  it('accounts every paid reply, those that kept no item included', async () => {
    const f = await startFake({ faults: { truncate: 0.5 } });
    const costs: ItemCost[] = [];
    const store = new (class extends MemoryItemStore {
      override putDone(key: string, value: string, cost?: ItemCost) {
        costs.push(cost ?? {});
        super.putDone(key, value);
      }
    })();
    const ledger = new (class extends MemoryItemStore {
      override putDone(key: string, value: string, cost?: ItemCost) {
        costs.push(cost ?? {});
        super.putDone(key, value);
      }
    })();
    const p = provider(f.url);
    const r = await runLlmItems({
      items: keyed(specs(12)),
      provider: p,
      store,
      batchSize: 4,
      render: (s) => renderConversationBatch(s, { fewShot: 0 }),
      // Rejects every item: all replies are paid for, none keeps an item.
      parse: () => ({ ok: false, errors: ['rejected by the test'] }),
      signal: new AbortController().signal,
      maxItemAttempts: 2,
      ledger,
    });
    expect(r).toMatchObject({ generated: 0, failed: 12 });
    expect(r.wastedReplies).toBe(r.requests);
    const sum = (k: keyof ItemCost) => costs.reduce((a, c) => a + (c[k] ?? 0), 0);
    expect(sum('requests')).toBe(p.stats().successes);
    expect(sum('outputTokens')).toBe(p.stats().outputTokens);
    expect(sum('usd')).toBeCloseTo(p.stats().usd as number, 5);
  });

  it('survives mixed faults with every item valid and none asked twice after success', async () => {
    const f = await startFake({ faults: { '429': 0.2, '500': 0.05, drop: 0.05, malformed: 0.05, truncate: 0.05 } });
    const store = new MemoryItemStore();
    const p = provider(f.url, { limits: { rpm: 60000, concurrency: 8 } });
    // Fault draws follow arrival order, which timing shuffles: enough attempts that a lost item
    // failing every one of them (p ≈ 0.1^6) cannot happen in practice.
    const r = await run(p, store, specs(40), { maxItemAttempts: 6 });
    expect(r.generated).toBe(40);
    expect(doneRecords(store)).toHaveLength(40);
    expect(new Set(doneRecords(store).map((c) => c.conversation_id)).size).toBe(40);
  });
});
