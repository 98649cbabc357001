// Token buckets and the throughput controller on a fake clock: pacing, Little's-law concurrency, AIMD on the rate.
import { describe, expect, it } from 'vitest';
import { TokenBucket } from '../../providers/bedrock/token-bucket.js';
import { AdaptiveLimiter } from '../../providers/bedrock/limiter.js';

describe('TokenBucket', () => {
  it('spaces a burst of reservations exactly at the rate', () => {
    const b = new TokenBucket(600 / 60_000, 1, 0);
    expect([0, 1, 2, 3].map(() => b.reserve(1, 0))).toEqual([0, 100, 200, 300]);
  });

  it('refills over time up to its capacity only', () => {
    const b = new TokenBucket(1, 5, 0, 0);
    expect(b.reserve(5, 1_000)).toBe(0);
    expect(b.reserve(1, 1_000)).toBe(1);
  });

  it('takes back an over-estimate and charges an under-estimate', () => {
    const b = new TokenBucket(1, 100, 0);
    expect(b.reserve(100, 0)).toBe(0);
    b.refund(40, 0);
    expect(b.reserve(40, 0)).toBe(0);
    b.refund(-30, 0);
    expect(b.reserve(1, 0)).toBe(31);
  });
});

describe('AdaptiveLimiter', () => {
  const clock = () => {
    let t = 0;
    return { now: () => t, advance: (ms: number) => (t += ms) };
  };

  /** Sends one request, lets `ms` pass on the clock, releases it with `outcome`. */
  async function reply(l: AdaptiveLimiter, c: { advance: (ms: number) => void }, outcome: 'success' | 'throttle', ms = 100) {
    const p = await l.acquire(0);
    c.advance(ms);
    p.release(outcome);
  }

  it('derives concurrency from rate × p95 latency (Little\'s law), with a floor', async () => {
    const c = clock();
    const l = new AdaptiveLimiter({ rpm: 600, tpm: Infinity, concurrency: 8, minConcurrency: 4, maxConcurrency: 256, now: c.now });
    expect(l.snapshot().concurrency).toBe(8); // nothing measured yet
    for (let i = 0; i < 5; i++) await reply(l, c, 'success', 15_000);
    // 10 requests/s × 15 s × 1.2 headroom + 1
    expect(l.snapshot()).toMatchObject({ concurrency: 181, p95Ms: 15_000 });
    const fast = new AdaptiveLimiter({ rpm: 600, tpm: Infinity, concurrency: 8, minConcurrency: 4, maxConcurrency: 256, now: c.now });
    for (let i = 0; i < 5; i++) await reply(fast, c, 'success', 10);
    expect(fast.snapshot().concurrency).toBe(4);
  });

  it('does not take a storm\'s quick 429s for all there is while the successes are still being written', async () => {
    const c = clock();
    const l = new AdaptiveLimiter({ rpm: 6000, tpm: Infinity, concurrency: 64, now: c.now });
    const sent = await Promise.all(Array.from({ length: 60 }, () => l.acquire(0)));
    // 30 % refused within milliseconds; the other 70 % are replies that take 15 s.
    sent.slice(0, 18).forEach((p) => p.release('throttle'));
    expect(l.snapshot().rpm).toBe(6000);
    c.advance(15_000);
    sent.slice(18).forEach((p) => p.release('success'));
    expect(l.snapshot().rpm).toBe(6000);
  });

  it('adds a slot for each request hung past twice the p95, so it holds no working slot', async () => {
    const c = clock();
    const l = new AdaptiveLimiter({ rpm: 60_000, tpm: Infinity, concurrency: 4, minConcurrency: 4, maxConcurrency: 64, now: c.now });
    for (let i = 0; i < 5; i++) await reply(l, c, 'success', 10);
    const base = l.snapshot().concurrency;
    const hung = await l.acquire(0);
    c.advance(1_000);
    expect(l.snapshot().concurrency).toBe(base + 1);
    hung.release('error');
    expect(l.snapshot().concurrency).toBe(base);
  });

  it('cuts the rate (×0.7, once per epoch) only when throttles dominate recent replies, then adds it back', async () => {
    const c = clock();
    const l = new AdaptiveLimiter({ rpm: 1000, tpm: Infinity, concurrency: 64, now: c.now });
    // A storm refusing 30 % whatever the rate: retried, never slowed for.
    for (let i = 0; i < 40; i++) await reply(l, c, i % 10 < 3 ? 'throttle' : 'success');
    expect(l.snapshot().rpm).toBe(1000);
    expect(l.congested()).toBe(false);
    // A quota refusing nearly everything: the rate comes down…
    const sent = await Promise.all(Array.from({ length: 30 }, () => l.acquire(0)));
    for (const p of sent) p.release('throttle');
    // …by 30 % once: the other throttles answer requests sent before the cut.
    expect(l.snapshot().rpm).toBe(700);
    expect(l.congested()).toBe(true);
    await reply(l, c, 'throttle');
    expect(l.snapshot().rpm).toBe(490);
    // Additive increase: 1 % of the ceiling per success.
    await reply(l, c, 'success');
    expect(l.snapshot().rpm).toBe(500);
  });

  it('never exceeds the concurrency limit', async () => {
    const l = new AdaptiveLimiter({ rpm: 1e9, tpm: Infinity, concurrency: 2 });
    const a = await l.acquire(0);
    await l.acquire(0);
    let third = false;
    const p = l.acquire(0).then(() => (third = true));
    await new Promise((r) => setTimeout(r, 5));
    expect(third).toBe(false);
    a.release('success');
    await p;
    expect(third).toBe(true);
  });

  it('gives up a queued slot when aborted', async () => {
    const l = new AdaptiveLimiter({ rpm: 1e9, tpm: Infinity, concurrency: 1 });
    await l.acquire(0);
    const ac = new AbortController();
    const p = l.acquire(0, ac.signal);
    ac.abort();
    await expect(p).rejects.toMatchObject({ name: 'AbortError' });
  });
});
