// A reserving token bucket: callers take tokens now (possibly into debt) and are told how long to wait.

/**
 * Reservation (not polling) keeps waiters in FIFO order and spaces requests exactly at the rate:
 * the n-th reservation in a burst waits n/rate, so a quota is driven to its limit without overshoot.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private ratePerMs: number,
    private readonly capacity: number,
    now: number,
    initial = capacity,
  ) {
    this.tokens = Math.min(initial, capacity);
    this.last = now;
  }

  /** Takes `n` tokens; returns how many ms the caller must wait before using them. */
  reserve(n: number, now: number): number {
    this.refill(now);
    this.tokens -= n;
    return this.tokens >= 0 ? 0 : Math.ceil(-this.tokens / this.ratePerMs);
  }

  /** Gives back tokens (an over-estimate), or takes more when `n` is negative (an under-estimate). */
  refund(n: number, now: number): void {
    this.refill(now);
    this.tokens = Math.min(this.capacity, this.tokens + n);
  }

  setRate(ratePerMs: number, now: number): void {
    this.refill(now);
    this.ratePerMs = ratePerMs;
  }

  get rate(): number {
    return this.ratePerMs;
  }

  private refill(now: number): void {
    if (now > this.last) {
      this.tokens = Math.min(this.capacity, this.tokens + (now - this.last) * this.ratePerMs);
      this.last = now;
    }
  }
}
