// Circuit breaker: when nearly every recent request errs, or nothing has succeeded for `patience`, stop resumably.

const WINDOW = 50;
const OPEN_SHARE = 0.9;

/** Decides when failing on is pointless; the reason it gives names what kept failing and how often. */
export class CircuitBreaker {
  private readonly recent: Array<string | undefined> = [];
  private failingSince: number | undefined;
  /** Throttles since the last success. */
  private throttles = 0;

  constructor(
    private readonly patienceMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  success(): void {
    this.push(undefined);
    this.failingSince = undefined;
    this.throttles = 0;
  }

  /**
   * Records a failure (`what`: e.g. "InternalServerException"); returns why the circuit is now open, if it is.
   * Throttles only count against patience: refusing everything for a while is how a sliding-window quota answers
   * a burst, and the rate controller, not the breaker, is what deals with that.
   */
  failure(what: string, throttle = false): string | undefined {
    if (!throttle) this.push(what);
    const now = this.now();
    this.failingSince ??= now;
    const failed = this.recent.filter((r) => r !== undefined);
    if (throttle) this.throttles++;
    if (now - this.failingSince >= this.patienceMs) {
      const throttled = this.throttles ? [`${this.throttles} × throttled`] : [];
      return `no successful reply for ${Math.round((now - this.failingSince) / 1000)} s (patience_s ${Math.round(this.patienceMs / 1000)}): ${[...throttled, tally(failed)].filter(Boolean).join(', ')}`;
    }
    if (this.recent.length >= WINDOW && failed.length >= OPEN_SHARE * WINDOW) {
      return `${failed.length} of the last ${WINDOW} requests failed: ${tally(failed)}`;
    }
    return undefined;
  }

  private push(v: string | undefined): void {
    this.recent.push(v);
    if (this.recent.length > WINDOW) this.recent.shift();
  }
}

function tally(xs: Array<string | undefined>): string {
  const counts = new Map<string, number>();
  for (const x of xs) if (x !== undefined) counts.set(x, (counts.get(x) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${n} × ${k}`).join(', ');
}
