// Rolling window of reply latencies: its p95 sizes concurrency (Little's law) and the request timeout.

/** The last `size` samples; p95 by sorting a copy (the window is small and read a few times per reply). */
export class LatencyWindow {
  private readonly samples: number[] = [];
  private next = 0;
  private cached: number | undefined;

  constructor(private readonly size = 64) {}

  add(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) return;
    if (this.samples.length < this.size) this.samples.push(ms);
    else this.samples[this.next] = ms;
    this.next = (this.next + 1) % this.size;
    this.cached = undefined;
  }

  /** 95th percentile (nearest rank) of the window, or undefined before the first sample. */
  p95(): number | undefined {
    if (this.samples.length === 0) return undefined;
    if (this.cached === undefined) {
      const sorted = [...this.samples].sort((a, b) => a - b);
      this.cached = sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)] as number;
    }
    return this.cached;
  }

  get count(): number {
    return this.samples.length;
  }
}
