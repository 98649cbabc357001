// Prompt caching through the real AWS SDK against the fake: where the cachePoint goes, when it is left out, and
// what the cached tokens cost.
import { describe, expect, it, type TestContext } from 'vitest';
import { startFakeBedrock, type FakeBedrock, type FakeBedrockOptions } from '../fakes/fake-bedrock.js';
import { renderConversationBatch } from '../../providers/llm/conversation-prompt.js';
import { lookupModel } from '../../providers/bedrock/options.js';
import type { ChatProvider, ChatRequest } from '../../providers/contract.js';
import { bedrock, spec, specs } from './helpers.js';

const SONNET_45 = 'us.anthropic.claude-sonnet-4-5-20250929-v1:0';
const HAIKU_45 = 'us.anthropic.claude-haiku-4-5-20251001-v1:0';
const CLAUDE_3_HAIKU = 'anthropic.claude-3-haiku-20240307-v1:0';

async function setup(ctx: TestContext, options: Record<string, unknown>, fakeOpts: FakeBedrockOptions = {}): Promise<{ fake: FakeBedrock; provider: ChatProvider }> {
  const fake = await startFakeBedrock({ seed: 4, ...fakeOpts });
  const provider = bedrock(fake.url, options);
  ctx.onTestFinished(async () => {
    await provider.close?.();
    await fake.close();
  });
  return { fake, provider };
}

/** A batch request as generate/conversations sends it: the step's static prefix (~2,600 tokens), then the items. */
const batch = (first: number, n = 3): ChatRequest => renderConversationBatch(Array.from({ length: n }, (_, i) => spec(first + i)), { fewShot: 1 });
const prefixTokens = (r: ChatRequest) => Math.ceil(r.system!.length / 4);

describe.concurrent('prompt caching', () => {
  it('puts the cachePoint right after the static prefix: the first request writes it, the next ones read it', async (ctx) => {
    const { fake, provider } = await setup(ctx, { model: SONNET_45 });
    const first = batch(0);
    const a = await provider.converse(first);
    const b = await provider.converse(batch(3));
    // The fake counts the tokens before the cachePoint: exactly the system prefix, not the items after it.
    expect(a.usage.cacheWriteInputTokens).toBe(prefixTokens(first));
    expect(a.usage.cacheReadInputTokens).toBe(0);
    expect(b.usage.cacheReadInputTokens).toBe(prefixTokens(first));
    expect(b.usage.cacheWriteInputTokens).toBe(0);
    expect(fake.stats()).toMatchObject({ cache_points: 2, cache_writes: 1, cache_hits: 1, cache_read_input_tokens: prefixTokens(first) });
    // inputTokens counts every input token, cached or not.
    expect(b.usage.inputTokens).toBeGreaterThan(b.usage.cacheReadInputTokens!);
  });

  it('prices cached tokens at the catalogue\'s cache prices and reports the saving', async (ctx) => {
    const { provider } = await setup(ctx, { model: SONNET_45 });
    const info = lookupModel(SONNET_45)!;
    const rs = [await provider.converse(batch(0)), await provider.converse(batch(3)), await provider.converse(batch(6))];
    for (const r of rs) {
      const read = r.usage.cacheReadInputTokens ?? 0;
      const write = r.usage.cacheWriteInputTokens ?? 0;
      const plain = r.usage.inputTokens - read - write;
      const expected = (plain * info.input_per_1k + read * info.cache_read_per_1k! + write * info.cache_write_per_1k! + r.usage.outputTokens * info.output_per_1k) / 1000;
      expect(r.costUsd).toBeCloseTo(expected, 12);
    }
    const s = provider.stats();
    const read = rs[1]!.usage.cacheReadInputTokens! + rs[2]!.usage.cacheReadInputTokens!;
    const write = rs[0]!.usage.cacheWriteInputTokens!;
    expect(s.cacheReadTokens).toBe(read);
    expect(s.cacheWriteTokens).toBe(write);
    expect(s.cacheSavedUsd).toBeCloseTo((read * (info.input_per_1k - info.cache_read_per_1k!) - write * (info.cache_write_per_1k! - info.input_per_1k)) / 1000, 6);
    expect(s.cacheSavedUsd).toBeGreaterThan(0);
  });

  it('sends requests that share a new prefix one at a time until it is written: one write, then reads', async (ctx) => {
    const { fake, provider } = await setup(ctx, { model: SONNET_45, limits: { rpm: 6000, concurrency: 8 } }, { latencyMs: 30 });
    await Promise.all(Array.from({ length: 8 }, (_, i) => provider.converse(batch(i * 3))));
    expect(fake.stats()).toMatchObject({ cache_points: 8, cache_writes: 1, cache_hits: 7 });
  });

  it.for([
    ['a prefix below the model\'s minimum (Haiku 4.5: 4,096 tokens)', { model: HAIKU_45 }],
    ['a model without prompt caching (Claude 3 Haiku: the fake refuses a cachePoint there)', { model: CLAUDE_3_HAIKU }],
    ['cache: false', { model: SONNET_45, cache: false }],
  ] as const)('sends no cachePoint for %s, and the request succeeds uncached', async ([, options], ctx) => {
    const { fake, provider } = await setup(ctx, options);
    const r = await provider.converse(batch(0));
    expect(r.usage.cacheReadInputTokens ?? 0).toBe(0);
    expect(r.usage.cacheWriteInputTokens ?? 0).toBe(0);
    expect(fake.stats().cache_points ?? 0).toBe(0);
    expect(fake.stats().ok).toBe(1);
    expect(provider.stats().cacheSavedUsd).toBe(0);
  });

  it('sends no cachePoint for a request that does not mark its system text static', async (ctx) => {
    const { fake, provider } = await setup(ctx, { model: SONNET_45 });
    const r = batch(0);
    await provider.converse({ ...r, cacheableSystem: false });
    expect(fake.stats().cache_points ?? 0).toBe(0);
  });

  it('caches for a model genesis does not know when `prices:` gives cache prices, at those prices', async (ctx) => {
    const prices = { input_per_1k: 0.002, output_per_1k: 0.01, cache_read_per_1k: 0.0002, cache_write_per_1k: 0.0025 };
    const { fake, provider } = await setup(ctx, { model: 'anthropic.claude-future-9-v1:0', prices, cache: { min_tokens: 1024 } });
    await provider.converse(batch(0));
    const r = await provider.converse(batch(3));
    const read = r.usage.cacheReadInputTokens!;
    expect(read).toBeGreaterThan(0);
    const plain = r.usage.inputTokens - read;
    expect(r.costUsd).toBeCloseTo((plain * 0.002 + read * 0.0002 + r.usage.outputTokens * 0.01) / 1000, 12);
    expect(fake.stats().cache_hits).toBe(1);
  });

  it('caches nothing for an unknown model priced without cache prices (its cache could not be budgeted)', async (ctx) => {
    const { fake, provider } = await setup(ctx, { model: 'anthropic.claude-future-9-v1:0', prices: { input_per_1k: 0.002, output_per_1k: 0.01 } });
    const r = await provider.converse(batch(0));
    expect(r.costUsd).toBeCloseTo((r.usage.inputTokens * 0.002 + r.usage.outputTokens * 0.01) / 1000, 12);
    expect(fake.stats().cache_points ?? 0).toBe(0);
  });

  it('keeps item requests small: items and examples are after the cachePoint, not in the cached prefix', () => {
    const r = renderConversationBatch(specs(5), { fewShot: 2 });
    expect(r.system).not.toContain('<item>');
    expect(r.messages[0]!.text).toContain('<item>');
  });
});
