// The throughput controller: RPM/TPM token buckets, an AIMD request rate, and concurrency from rate × latency.
import { abortError, sleep } from '../../util/abort.js';
import { LatencyWindow } from './latency.js';
import { TokenBucket } from './token-bucket.js';

export interface LimiterOptions {
  /** Requests per minute the account is allowed (the ceiling; the working rate adapts below it). */
  rpm: number;
  /** Tokens per minute; Infinity when unknown. */
  tpm: number;
  /** Requests in flight before any latency has been observed. */
  concurrency: number;
  /** Bounds on the derived concurrency (default: the starting value for both, i.e. fixed). */
  minConcurrency?: number;
  maxConcurrency?: number;
  now?: () => number;
}

export type Outcome = 'success' | 'throttle' | 'error' | 'timeout';

export interface Permit {
  release(outcome: Outcome, actualTokens?: number, retryAfterMs?: number): void;
}

export interface LimiterSnapshot {
  rpm: number;
  concurrency: number;
  inFlight: number;
  p95Ms: number | undefined;
}

// Multiplicative decrease to 70 % (the AWS SDK's adaptive mode uses the same beta), additive increase of 1 % of
// the ceiling per success (from the floor back to the ceiling in ~95 successes, whatever the quota).
const RATE_DECREASE = 0.7;
const RATE_INCREASE = 0.01;
const MIN_RATE_FRACTION = 0.05;
/**
 * A 429 cuts the rate only while throttles are more than this share of recent replies. Throttles the quota causes
 * grow with the rate until nearly every request is refused, so they cross it at once; a service-side storm refuses
 * a fixed share whatever the rate, and cutting for it only starves the run (30 % random 429s would otherwise cut
 * every round trip, down to the floor). Below this share a throttle is retried, not slowed for.
 */
const TOLERATED_THROTTLE_SHARE = 0.5;
const OUTCOME_WINDOW = 40;
const MIN_OUTCOMES = 20;
/** Little's law with headroom: in flight = rate × p95 latency × this, plus one. */
const CONCURRENCY_HEADROOM = 1.2;
/** In-flight requests older than this multiple of p95 are probably hung: they don't count against the working slots. */
const STRAGGLER_P95 = 2;

export class AdaptiveLimiter {
  private readonly now: () => number;
  private readonly maxRpm: number;
  private readonly initialConcurrency: number;
  private readonly minConcurrency: number;
  private readonly maxConcurrency: number;
  private readonly requests: TokenBucket;
  private readonly tokens: TokenBucket | undefined;
  readonly latency = new LatencyWindow();
  private rpm: number;
  /** Send times of requests in flight (a multiset: equal times are possible on a coarse clock). */
  private readonly inFlightSince = new Map<number, number>();
  private inFlight = 0;
  /** Recent outcomes, true = throttled (errors other than throttles say nothing about the rate). */
  private readonly outcomes: boolean[] = [];
  /** Bumped on every decrease: a throttle answering a request sent before it must not cut again. */
  private epoch = 0;
  private pauseUntil = 0;
  private readonly waiters: Array<() => void> = [];
  private wakeTimer: NodeJS.Timeout | undefined;

  constructor(opts: LimiterOptions) {
    this.now = opts.now ?? Date.now;
    const t = this.now();
    this.maxRpm = opts.rpm;
    this.rpm = opts.rpm;
    this.initialConcurrency = Math.max(1, Math.floor(opts.concurrency));
    this.minConcurrency = Math.max(1, Math.floor(opts.minConcurrency ?? this.initialConcurrency));
    this.maxConcurrency = Math.max(this.minConcurrency, Math.floor(opts.maxConcurrency ?? this.initialConcurrency));
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
      this.inFlight--;
      this.wake();
      throw e;
    }
    const sentAt = this.now();
    this.inFlightSince.set(sentAt, (this.inFlightSince.get(sentAt) ?? 0) + 1);
    let released = false;
    return {
      release: (outcome, actualTokens, retryAfterMs) => {
        if (released) return;
        released = true;
        const now = this.now();
        // Correct the token estimate from the usage the service reported (nothing is charged on failure).
        this.tokens?.refund(estimatedTokens - (outcome === 'success' ? (actualTokens ?? estimatedTokens) : 0), now);
        if (outcome === 'success') {
          this.latency.add(now - sentAt);
          this.onSuccess(now);
        } else if (outcome === 'throttle') this.onThrottle(epoch, now, retryAfterMs);
        const n = (this.inFlightSince.get(sentAt) ?? 1) - 1;
        if (n > 0) this.inFlightSince.set(sentAt, n);
        else this.inFlightSince.delete(sentAt);
        this.inFlight--;
        this.wake();
      },
    };
  }

  snapshot(): LimiterSnapshot {
    return { rpm: Math.round(this.rpm * 10) / 10, concurrency: this.concurrencyLimit(), inFlight: this.inFlight, p95Ms: this.latency.p95() };
  }

  /**
   * Little's law: to sustain the working rate with replies taking ~p95, rate × p95 requests must be in flight.
   * Requests stuck past STRAGGLER_P95 × p95 are added on top, so a hung request never holds a working slot.
   */
  concurrencyLimit(): number {
    const p95 = this.latency.p95();
    if (p95 === undefined) return this.initialConcurrency;
    const working = Math.ceil((this.rpm / 60_000) * p95 * CONCURRENCY_HEADROOM) + 1;
    const bounded = Math.max(this.minConcurrency, Math.min(this.maxConcurrency, working));
    return Math.min(this.maxConcurrency, bounded + this.stragglers(p95));
  }

  private stragglers(p95: number): number {
    const cutoff = this.now() - STRAGGLER_P95 * p95;
    let n = 0;
    for (const [since, count] of this.inFlightSince) if (since < cutoff) n += count;
    return n;
  }

  /** Throttles are more than the tolerated share of recent replies: the quota, not noise, is refusing. */
  congested(): boolean {
    return this.throttleShare() > TOLERATED_THROTTLE_SHARE;
  }

  private record(throttled: boolean): void {
    this.outcomes.push(throttled);
    if (this.outcomes.length > OUTCOME_WINDOW) this.outcomes.shift();
  }

  /**
   * Requests still in flight count as not refused: refusals come back at once and successes after a whole reply
   * time, so at the start of a storm only its 429s have answered yet, and would look like all there is.
   */
  private throttleShare(): number {
    const throttled = this.outcomes.reduce((a, t) => a + (t ? 1 : 0), 0);
    return throttled / Math.max(MIN_OUTCOMES, this.outcomes.length + Math.min(this.inFlight, OUTCOME_WINDOW));
  }

  private onSuccess(now: number): void {
    this.record(false);
    if (this.rpm < this.maxRpm) {
      this.rpm = Math.min(this.maxRpm, this.rpm + this.maxRpm * RATE_INCREASE);
      this.requests.setRate(this.rpm / 60_000, now);
    }
  }

  private onThrottle(epoch: number, now: number, retryAfterMs: number | undefined): void {
    this.record(true);
    if (retryAfterMs !== undefined && retryAfterMs > 0) this.pauseUntil = Math.max(this.pauseUntil, now + retryAfterMs);
    if (epoch !== this.epoch || !this.congested()) return;
    this.epoch++;
    this.rpm = Math.max(this.maxRpm * MIN_RATE_FRACTION, this.rpm * RATE_DECREASE);
    this.requests.setRate(this.rpm / 60_000, now);
  }

  private takeSlot(signal?: AbortSignal): Promise<void> {
    if (this.inFlight < this.concurrencyLimit() && this.waiters.length === 0) {
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
      this.scheduleWake();
    });
  }

  private wake(): void {
    while (this.inFlight < this.concurrencyLimit() && this.waiters.length > 0) (this.waiters.shift() as () => void)();
    this.scheduleWake();
  }

  /**
   * A request turning into a straggler frees a working slot without any release: while someone waits, look again
   * once the oldest request in flight crosses the straggler age.
   */
  private scheduleWake(): void {
    if (this.wakeTimer || this.waiters.length === 0) return;
    const p95 = this.latency.p95();
    if (p95 === undefined) return;
    const cutoff = this.now() - STRAGGLER_P95 * p95;
    let next = Infinity;
    for (const since of this.inFlightSince.keys()) if (since >= cutoff && since < next) next = since;
    if (next === Infinity) return;
    const due = Math.max(10, next - cutoff + 1);
    this.wakeTimer = setTimeout(() => {
      this.wakeTimer = undefined;
      this.wake();
    }, due);
    this.wakeTimer.unref();
  }
}
