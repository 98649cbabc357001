// Adaptive client-side limiter: RPM and TPM token buckets plus AIMD concurrency and rate on throttling.
import { abortError, sleep } from '../../util/abort.js';
import { TokenBucket } from './token-bucket.js';

export interface LimiterOptions {
  /** Requests per minute the account is allowed (the ceiling; the working rate adapts below it). */
  rpm: number;
  /** Tokens per minute; Infinity when unknown. */
  tpm: number;
  /** Most requests in flight at once. */
  concurrency: number;
  now?: () => number;
}

export type Outcome = 'success' | 'throttle' | 'error';

export interface Permit {
  release(outcome: Outcome, actualTokens?: number, retryAfterMs?: number): void;
}

// Throttles cut the working rate to 70 % (the AWS SDK's adaptive mode uses the same beta) and
// concurrency in half; each success wins back 2 % of the working rate (scale-free: ~18 successes
// from a cut back to where it was, whatever the quota), each `concurrency` successes one slot.
const RATE_DECREASE = 0.7;
const RATE_INCREASE = 0.02;
const MIN_RATE_FRACTION = 0.1;

export class AdaptiveLimiter {
  private readonly now: () => number;
  private readonly maxRpm: number;
  private readonly maxConcurrency: number;
  private readonly requests: TokenBucket;
  private readonly tokens: TokenBucket | undefined;
  private rpm: number;
  private concurrencyLimit: number;
  private inFlight = 0;
  private successesSinceGrowth = 0;
  /** Bumped on every decrease: a throttle answering a request sent before it must not cut again. */
  private epoch = 0;
  private pauseUntil = 0;
  private readonly waiters: Array<() => void> = [];

  constructor(opts: LimiterOptions) {
    this.now = opts.now ?? Date.now;
    const t = this.now();
    this.maxRpm = opts.rpm;
    this.rpm = opts.rpm;
    this.maxConcurrency = Math.max(1, Math.floor(opts.concurrency));
    this.concurrencyLimit = this.maxConcurrency;
    // No burst allowance: a burst on top of the steady rate is what trips a sliding-window quota.
    this.requests = new TokenBucket(opts.rpm / 60_000, 1, t);
    this.tokens = Number.isFinite(opts.tpm) ? new TokenBucket(opts.tpm / 60_000, Math.max(1, opts.tpm / 60), t) : undefined;
  }

  /** Waits for a concurrency slot, then for request and token budget; the permit must be released once. */
  async acquire(estimatedTokens: number, signal?: AbortSignal): Promise<Permit> {
    await this.takeSlot(signal);
    const epoch = this.epoch;
    const t = this.now();
    const wait = Math.max(this.requests.reserve(1, t), this.tokens?.reserve(estimatedTokens, t) ?? 0, this.pauseUntil - t);
    try {
      await sleep(wait, signal);
    } catch (e) {
      this.requests.refund(1, this.now());
      this.tokens?.refund(estimatedTokens, this.now());
      this.freeSlot();
      throw e;
    }
    let released = false;
    return {
      release: (outcome, actualTokens, retryAfterMs) => {
        if (released) return;
        released = true;
        const now = this.now();
        // Correct the token estimate from the usage the service reported (nothing is charged on failure).
        this.tokens?.refund(estimatedTokens - (outcome === 'success' ? (actualTokens ?? estimatedTokens) : 0), now);
        if (outcome === 'success') this.onSuccess(now);
        else if (outcome === 'throttle') this.onThrottle(epoch, now, retryAfterMs);
        this.freeSlot();
      },
    };
  }

  snapshot(): { rpm: number; concurrency: number; inFlight: number } {
    return { rpm: Math.round(this.rpm * 10) / 10, concurrency: this.concurrencyLimit, inFlight: this.inFlight };
  }

  private onSuccess(now: number): void {
    if (this.rpm < this.maxRpm) {
      this.rpm = Math.min(this.maxRpm, this.rpm * (1 + RATE_INCREASE));
      this.requests.setRate(this.rpm / 60_000, now);
    }
    if (++this.successesSinceGrowth >= this.concurrencyLimit && this.concurrencyLimit < this.maxConcurrency) {
      this.concurrencyLimit++;
      this.successesSinceGrowth = 0;
      this.wake();
    }
  }

  private onThrottle(epoch: number, now: number, retryAfterMs: number | undefined): void {
    if (retryAfterMs !== undefined && retryAfterMs > 0) this.pauseUntil = Math.max(this.pauseUntil, now + retryAfterMs);
    if (epoch !== this.epoch) return;
    this.epoch++;
    this.successesSinceGrowth = 0;
    this.concurrencyLimit = Math.max(1, Math.floor(this.concurrencyLimit / 2));
    this.rpm = Math.max(this.maxRpm * MIN_RATE_FRACTION, this.rpm * RATE_DECREASE);
    this.requests.setRate(this.rpm / 60_000, now);
  }

  private takeSlot(signal?: AbortSignal): Promise<void> {
    if (this.inFlight < this.concurrencyLimit && this.waiters.length === 0) {
      this.inFlight++;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const grant = () => {
        signal?.removeEventListener('abort', onAbort);
        this.inFlight++;
        resolve();
      };
      const onAbort = () => {
        const i = this.waiters.indexOf(grant);
        if (i >= 0) this.waiters.splice(i, 1);
        reject(abortError());
      };
      if (signal?.aborted) return onAbort();
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiters.push(grant);
    });
  }

  private freeSlot(): void {
    this.inFlight--;
    this.wake();
  }

  private wake(): void {
    while (this.inFlight < this.concurrencyLimit && this.waiters.length > 0) (this.waiters.shift() as () => void)();
  }
}
