// The Bedrock provider through the real AWS SDK against the fake server: retries, errors, budget, secrets.
import { describe, expect, it, type TestContext } from 'vitest';
import { startFakeBedrock, type FakeBedrock, type FakeBedrockOptions } from '../fakes/fake-bedrock.js';
import { createBedrockProvider } from '../../providers/bedrock/index.js';
import { InputError, ResumableStop, StepFailure } from '../../util/errors.js';
import type { ChatProvider } from '../../providers/contract.js';
import { bedrock, MODEL, SECRET } from './helpers.js';

const hello = { messages: [{ role: 'user' as const, text: 'Say hello.' }], maxTokens: 100 };
// The context's own onTestFinished: the global one is ambiguous between concurrent tests.
function cleanup(ctx: TestContext, fake: FakeBedrock, provider?: ChatProvider) {
  ctx.onTestFinished(async () => {
    await provider?.close?.();
    await fake.close();
  });
}

async function setup(ctx: TestContext, fakeOpts: FakeBedrockOptions, options: Record<string, unknown> = {}) {
  const fake = await startFakeBedrock({ seed: 3, ...fakeOpts });
  const provider = bedrock(fake.url, options);
  cleanup(ctx, fake, provider);
  return { fake, provider };
}

// Each test owns its fake and provider, so they run concurrently (most of their time is backoff).
describe.concurrent('bedrock provider', () => {
  it('answers, counts tokens and prices them from data/models.json', async (ctx) => {
    const { provider, fake } = await setup(ctx, {});
    const r = await provider.converse(hello);
    expect(r.text).toContain('Hello');
    expect(r.stopReason).toBe('end_turn');
    expect(r.usage.inputTokens).toBeGreaterThan(0);
    // Sonnet 4.5 through a us. profile: 10 % above the global rate of $0.003 / $0.015.
    expect(r.costUsd).toBeCloseTo((r.usage.inputTokens * 0.0033 + r.usage.outputTokens * 0.0165) / 1000, 10);
    expect(provider.stats()).toMatchObject({ requests: 1, successes: 1, throttles: 0, retries: 0, errors: 0 });
    expect(provider.identity()).toEqual({ type: 'bedrock', model: MODEL, region: 'us-east-1' });
    // The SDK's default handler talks HTTP/2 (h2c) to the fake.
    expect(fake.stats().http2).toBe(1);
  });

  it.for([
    ['429', 'throttles'],
    ['500', 'errors'],
    ['503', 'errors'],
    ['drop', 'errors'],
    ['timeout', 'errors'],
  ] as const)('retries after a %s and succeeds', async ([fault, counter], ctx) => {
    // Only the timeout case needs a short request timeout; elsewhere a slow first answer on a loaded machine must
    // not be taken for one more fault. The hang (20 s) stays far beyond the timeout (1.5 s).
    const { provider, fake } = await setup(ctx, { script: [fault, fault], timeoutDelayMs: 20_000 }, fault === 'timeout' ? { timeout_ms: 1500 } : {});
    const r = await provider.converse(hello);
    expect(r.text).toContain('Hello');
    const s = provider.stats();
    expect(s[counter]).toBe(2);
    expect(s.retries).toBe(2);
    expect(s.successes).toBe(1);
    expect(fake.stats().ok).toBe(1);
  });

  it('does not retry a ValidationException and says to use the inference profile', async (ctx) => {
    const { provider, fake } = await setup(ctx, {}, { model: 'anthropic.claude-3-5-sonnet-20241022-v2:0' });
    const err = await provider.converse(hello).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StepFailure);
    const msg = (err as Error).message;
    expect(msg).toContain('anthropic.claude-3-5-sonnet-20241022-v2:0');
    expect(msg).toContain('us-east-1');
    expect(msg).toContain('use model "us.anthropic.claude-3-5-sonnet-20241022-v2:0"');
    expect(fake.stats().requests).toBe(1);
  });

  it('does not retry AccessDeniedException and names the model access fix', async (ctx) => {
    const { provider, fake } = await setup(ctx, { script: ['denied'] });
    const err = await provider.converse(hello).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StepFailure);
    expect((err as Error).message).toMatch(/AccessDeniedException[\s\S]*Model access/);
    expect(fake.stats().requests).toBe(1);
  });

  it('stops resumably after max_retries: a request the service keeps failing is an outage, not bad input', async (ctx) => {
    const { provider, fake } = await setup(ctx, { script: ['500', '500', '500', '500'] }, { max_retries: 2 });
    const err = await provider.converse(hello).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ResumableStop);
    expect((err as Error).message).toMatch(/failed 3 times in a row \(max_retries 2\), last: InternalServerException/);
    expect(fake.stats().requests).toBe(3);
  });

  it('stops resumably when throttling outlasts patience_s', async (ctx) => {
    const { provider } = await setup(ctx, { faults: { '429': 1 } }, { patience_s: 0.3 });
    await expect(provider.converse(hello)).rejects.toBeInstanceOf(ResumableStop);
    // Once stopped, the provider refuses further work instead of hammering the service.
    await expect(provider.converse(hello)).rejects.toBeInstanceOf(ResumableStop);
  });

  it('honours retry-after on throttles', async (ctx) => {
    const { provider, fake } = await setup(ctx, { rpm: 60, windowMs: 1000, retryAfter: true });
    await provider.converse(hello);
    await provider.converse(hello);
    expect(fake.stats().throttled_quota).toBeGreaterThanOrEqual(1);
    expect(provider.stats().successes).toBe(2);
  });

  it('stops with ResumableStop once the budget is spent, never above it', async (ctx) => {
    // $1 per 1k tokens: one request's worst case is ~$0.103 (100 output tokens), its real cost ~$0.012.
    const { provider } = await setup(ctx, {}, { budget: { usd: 0.13 }, prices: { input_per_1k: 1, output_per_1k: 1 } });
    let stop: unknown;
    for (let i = 0; i < 20 && !stop; i++) stop = await provider.converse(hello).then(() => undefined, (e: unknown) => e);
    expect(stop).toBeInstanceOf(ResumableStop);
    expect((stop as Error).message).toMatch(/budget of \$0.13 reached/);
    const s = provider.stats();
    expect(s.successes).toBeGreaterThanOrEqual(2);
    expect(s.usd).toBeLessThanOrEqual(0.13);
  });

  it('rejects with an AbortError when the signal aborts mid-request', async (ctx) => {
    const { provider } = await setup(ctx, { latencyMs: 2000 });
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 50);
    const err = await provider.converse(hello, ac.signal).catch((e: unknown) => e);
    expect((err as Error).name).toBe('AbortError');
  });

  it('reaches the endpoint from AWS_ENDPOINT_URL_BEDROCK_RUNTIME (read by the SDK itself)', async (ctx) => {
    const fake = await startFakeBedrock({});
    process.env.AWS_ENDPOINT_URL_BEDROCK_RUNTIME = fake.url;
    try {
      const provider = bedrock(undefined);
      cleanup(ctx, fake, provider);
      expect((await provider.converse(hello)).text).toContain('Hello');
    } finally {
      delete process.env.AWS_ENDPOINT_URL_BEDROCK_RUNTIME;
    }
  });

  it.each([
    [{ model: 'acme.unknown-model-v1' }, /add "prices:/],
    [{ limits: { rpm: 'fast' } }, /limits.rpm/],
    [{ retries: 3 }, /unknown option "retries"/],
    [{ endpoint: 'ftp://x' }, /endpoint/],
    [{ model: undefined }, /no "model:": name the Bedrock model/],
  ])('rejects bad options %j with an InputError', (options, message) => {
    const make = () => createBedrockProvider({ name: 'default', type: 'bedrock', options: JSON.parse(JSON.stringify({ region: 'us-east-1', model: MODEL, ...options })) });
    expect(make).toThrow(InputError);
    expect(make).toThrow(message);
  });

  it('accepts an unknown model when prices are given', () => {
    const p = createBedrockProvider({ name: 'p', type: 'bedrock', options: { region: 'eu-west-1', model: 'acme.x', prices: { input_per_1k: 1, output_per_1k: 2 } } });
    expect(p.identity()).toEqual({ type: 'bedrock', model: 'acme.x', region: 'eu-west-1' });
  });

  it('never exposes the secret key in results, stats, errors or the fake', async (ctx) => {
    const { provider, fake } = await setup(ctx, { script: ['429', 'denied'] });
    const err = await provider.converse(hello).catch((e: unknown) => e);
    const seen = JSON.stringify([provider.identity(), provider.stats(), provider.config, String(err), (err as Error).message, fake.stats(), fake.itemRequests()]);
    expect(seen).not.toContain(SECRET);
    expect(seen).not.toContain('FAKEKEYGENESIS000000');
  });
});

describe('default concurrency (before any latency is observed)', () => {
  it.each([
    [12, 8],
    [50, 17],
    [600, 64],
  ])('rpm %i without limits.concurrency allows %i requests in flight', async (rpm, expected) => {
    const { resolveBedrockOptions } = await import('../../providers/bedrock/options.js');
    const o = resolveBedrockOptions({ name: 'p', type: 'bedrock', options: { region: 'us-east-1', model: MODEL, limits: { rpm } } }, {});
    expect(o.limits.concurrency).toBe(expected);
  });
});
