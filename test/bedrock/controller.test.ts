// The throughput controller through the real SDK and the fake: resets mid-body, hung requests, storms, the breaker.
import { describe, expect, it, type TestContext } from 'vitest';
import { startFakeBedrock, type FakeBedrockOptions } from '../fakes/fake-bedrock.js';
import { classifyError } from '../../providers/bedrock/classify.js';
import { ResumableStop } from '../../util/errors.js';
import { bedrock, MODEL } from './helpers.js';

const hello = { messages: [{ role: 'user' as const, text: 'Say hello.' }], maxTokens: 100 };

async function setup(ctx: TestContext, fakeOpts: FakeBedrockOptions, options: Record<string, unknown> = {}) {
  const fake = await startFakeBedrock({ seed: 5, ...fakeOpts });
  const provider = bedrock(fake.url, options);
  ctx.onTestFinished(async () => {
    await provider.close?.();
    await fake.close();
  });
  return { fake, provider };
}

describe.concurrent('throughput controller', () => {
  it('retries a reply cut mid-body over HTTP/2 (the SDK reports a SyntaxError with status 200)', async (ctx) => {
    const { provider, fake } = await setup(ctx, { script: ['reset'] });
    const r = await provider.converse(hello);
    expect(r.text).toContain('Hello');
    expect(fake.stats().fault_reset).toBe(1);
    expect(fake.stats().http2).toBe(2);
    expect(provider.stats()).toMatchObject({ errors: 1, retries: 1, successes: 1 });
  });

  it('classifies a reply cut mid-body over HTTP/1.1 as transient too', async (ctx) => {
    const fake = await startFakeBedrock({ script: ['reset'] });
    const [{ BedrockRuntimeClient, ConverseCommand }, { NodeHttpHandler }] = await Promise.all([import('@aws-sdk/client-bedrock-runtime'), import('@smithy/node-http-handler')]);
    const client = new BedrockRuntimeClient({ region: 'us-east-1', endpoint: fake.url, maxAttempts: 1, requestHandler: new NodeHttpHandler() });
    ctx.onTestFinished(async () => {
      client.destroy();
      await fake.close();
    });
    const err = await client.send(new ConverseCommand({ modelId: MODEL, messages: [{ role: 'user', content: [{ text: 'hi' }] }] })).catch((e: unknown) => e);
    expect(fake.stats().http1).toBe(1);
    expect(classifyError(err, MODEL, 'us-east-1')).toMatchObject({ kind: 'transient' });
  });

  it('gives up on a hung request after a multiple of the observed p95, not the fixed ceiling', async (ctx) => {
    // The fake hangs 60 s; the ceiling is 60 s too, so only a timeout that follows latency lets this finish.
    const { provider } = await setup(ctx, { latencyMs: 20, timeoutDelayMs: 60_000 }, { timeout_ms: 60_000, timeout_min_ms: 200 });
    for (let i = 0; i < 5; i++) await provider.converse(hello);
    expect(provider.stats().timeoutMs).toBeLessThan(60_000);
    const hung = await setup(ctx, { latencyMs: 20, timeoutDelayMs: 60_000, script: ['ok', 'ok', 'ok', 'timeout'] }, { timeout_ms: 60_000, timeout_min_ms: 200 });
    for (let i = 0; i < 4; i++) await hung.provider.converse(hello);
    const s = hung.provider.stats();
    expect(s.timeouts).toBe(1);
    expect(s.successes).toBe(4);
  }, 30_000);

  it('keeps its rate through a service-side storm of 30 % 429s (a cut would not lower them)', async (ctx) => {
    const { provider, fake } = await setup(ctx, { faults: { '429': 0.3 } }, { limits: { rpm: 6000, concurrency: 16 } });
    await Promise.all(Array.from({ length: 40 }, () => provider.converse(hello)));
    expect(fake.stats().fault_429).toBeGreaterThan(5);
    expect(provider.stats()).toMatchObject({ successes: 40, rpm: 6000 });
  });

  it('opens the circuit when nearly every request fails, and stops resumably with the reason', async (ctx) => {
    const { provider, fake } = await setup(ctx, { faults: { '500': 1 } }, { max_retries: 1000, limits: { rpm: 60_000, concurrency: 64 }, timeout_ms: 60_000, timeout_min_ms: 30_000 });
    // (timeout_min_ms: the fake answers every 500 at once; on a loaded machine a latency-following timeout would fire too.)
    const errors = await Promise.all(Array.from({ length: 60 }, () => provider.converse(hello).catch((e: unknown) => e)));
    expect(errors.every((e) => e instanceof ResumableStop)).toBe(true);
    expect((errors[0] as Error).message).toMatch(/circuit open — 50 of the last 50 requests failed: 50 × InternalServerException/);
    // Stopped means stopped: nothing more is sent.
    const sent = fake.stats().requests;
    await expect(provider.converse(hello)).rejects.toBeInstanceOf(ResumableStop);
    expect(fake.stats().requests).toBe(sent);
  });

  it('serves its counters at GET /__fake/stats', async (ctx) => {
    const { provider, fake } = await setup(ctx, { script: ['500'] });
    await provider.converse(hello);
    const stats = (await (await fetch(`${fake.url}/__fake/stats`)).json()) as Record<string, number>;
    expect(stats).toMatchObject({ requests: 2, paid_replies: 1, items_served: 0 });
  });
});

describe('circuit breaker', () => {
  it('leaves throttles to the rate controller and patience; errors open it', async () => {
    const { CircuitBreaker } = await import('../../providers/bedrock/breaker.js');
    let t = 0;
    const b = new CircuitBreaker(60_000, () => t);
    // A sliding-window quota refusing a burst: many throttles in a row, well within patience.
    for (let i = 0; i < 200; i++) expect(b.failure('ThrottlingException', true)).toBeUndefined();
    t = 60_000;
    expect(b.failure('ThrottlingException', true)).toMatch(/no successful reply for 60 s \(patience_s 60\): 201 × throttled/);
    b.success();
    for (let i = 0; i < 44; i++) expect(b.failure('InternalServerException')).toBeUndefined();
    for (let i = 0; i < 5; i++) b.success();
    expect(b.failure('InternalServerException')).toMatch(/45 of the last 50 requests failed: 45 × InternalServerException/);
  });
});
