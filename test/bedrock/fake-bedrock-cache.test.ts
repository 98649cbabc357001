// The fake's prompt cache on the wire: cachePoint reads, writes, TTL, the minimum, and models without caching.
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeBedrock, type FakeBedrock } from '../fakes/fake-bedrock.js';
import { UNSUPPORTED_CACHE_MESSAGE } from '../fakes/fake-bedrock-cache.js';

let fake: FakeBedrock | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const prefix = (tokens: number) => 'x'.repeat(tokens * 4);
const converse = async (url: string, model: string, system: unknown[]) => {
  const res = await fetch(`${url}/model/${encodeURIComponent(model)}/converse`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ system, messages: [{ role: 'user', content: [{ text: 'hi' }] }], inferenceConfig: { maxTokens: 50 } }),
  });
  return { status: res.status, type: res.headers.get('x-amzn-errortype'), json: (await res.json()) as Record<string, any> };
};
const SONNET = 'us.anthropic.claude-sonnet-4-5-20250929-v1:0';

describe('fake bedrock prompt cache', () => {
  it('writes a prefix on first sight, reads it within the TTL, and writes again after it', async () => {
    fake = await startFakeBedrock({ cache: { ttlMs: 300 } });
    const system = [{ text: prefix(1500) }, { cachePoint: { type: 'default' } }];
    const a = await converse(fake.url, SONNET, system);
    const b = await converse(fake.url, SONNET, system);
    await new Promise((r) => setTimeout(r, 400));
    const c = await converse(fake.url, SONNET, system);
    expect(a.json.usage).toMatchObject({ cacheWriteInputTokens: 1500, cacheReadInputTokens: 0 });
    expect(b.json.usage).toMatchObject({ cacheWriteInputTokens: 0, cacheReadInputTokens: 1500 });
    expect(c.json.usage).toMatchObject({ cacheWriteInputTokens: 1500, cacheReadInputTokens: 0 });
    // inputTokens leaves the cached tokens out; totalTokens holds them, as Bedrock reports.
    const u = b.json.usage;
    expect(u.totalTokens).toBe(u.inputTokens + u.outputTokens + u.cacheReadInputTokens + u.cacheWriteInputTokens);
    expect(fake.stats()).toMatchObject({ cache_points: 3, cache_writes: 2, cache_hits: 1, cache_read_input_tokens: 1500, cache_write_input_tokens: 3000 });
  });

  it('caches nothing below the model\'s minimum, and the request still succeeds', async () => {
    fake = await startFakeBedrock({});
    const r = await converse(fake.url, SONNET, [{ text: prefix(900) }, { cachePoint: { type: 'default' } }]);
    expect(r.status).toBe(200);
    expect(r.json.usage).toMatchObject({ cacheWriteInputTokens: 0, cacheReadInputTokens: 0 });
    expect(fake.stats().cache_below_minimum).toBe(1);
  });

  it('refuses a cachePoint on a model without prompt caching, like Bedrock', async () => {
    fake = await startFakeBedrock({});
    const r = await converse(fake.url, 'anthropic.claude-3-haiku-20240307-v1:0', [{ text: prefix(1500) }, { cachePoint: { type: 'default' } }]);
    expect(r.status).toBe(400);
    expect(r.type).toMatch(/^ValidationException/);
    expect(r.json.message).toBe(UNSUPPORTED_CACHE_MESSAGE);
  });
});
