// Token buckets and the AIMD limiter on a fake clock: pacing, token correction, adapting to throttles.
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

  it('halves concurrency and cuts the rate once per throttled epoch, then grows back', async () => {
    const c = clock();
    const l = new AdaptiveLimiter({ rpm: 1000, tpm: Infinity, concurrency: 8, now: c.now });
    const permits = await Promise.all([1, 2, 3].map(() => { c.advance(60); return l.acquire(0); }));
    permits[0]!.release('throttle');
    expect(l.snapshot()).toMatchObject({ concurrency: 4, rpm: 700 });
    // Requests sent before the cut report the same congestion: no second cut.
    permits[1]!.release('throttle');
    expect(l.snapshot()).toMatchObject({ concurrency: 4, rpm: 700 });
    permits[2]!.release('success');
    expect(l.snapshot().rpm).toBe(714);
    for (let i = 0; i < 4; i++) {
      c.advance(100);
      (await l.acquire(0)).release('success');
    }
    expect(l.snapshot().concurrency).toBe(5);
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
