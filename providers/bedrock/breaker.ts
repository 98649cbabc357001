// Circuit breaker: when nearly every recent request fails, or nothing has succeeded for `patience`, stop resumably.

const WINDOW = 50;
const OPEN_SHARE = 0.9;

/** Decides when failing on is pointless; the reason it gives names what kept failing and how often. */
export class CircuitBreaker {
  private readonly recent: Array<string | undefined> = [];
  private failingSince: number | undefined;

  constructor(
    private readonly patienceMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  success(): void {
    this.push(undefined);
    this.failingSince = undefined;
  }

  /** Records a failure (`what`: e.g. "ThrottlingException"); returns why the circuit is now open, if it is. */
  failure(what: string): string | undefined {
    this.push(what);
    const now = this.now();
    this.failingSince ??= now;
    const failed = this.recent.filter((r) => r !== undefined);
    if (now - this.failingSince >= this.patienceMs) {
      return `no successful reply for ${Math.round((now - this.failingSince) / 1000)} s (patience_s ${Math.round(this.patienceMs / 1000)}): ${tally(failed)}`;
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
