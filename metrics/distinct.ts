// Streaming distinct-n: exact up to a cap, then a HyperLogLog sketch, so memory stays bounded at any scale.
import { combine } from './hash32.js';

const EXACT_CAP = 200_000;
const P = 14;
const M = 1 << P;

/**
 * Counts distinct 32+20-bit keys: a Set while small, HyperLogLog (±~1 %) after EXACT_CAP keys. The sketch's rank
 * comes from the same 52 bits the Set keeps, before and after the switch, so a key seen on both sides lands in the
 * same register with the same rank and is counted once.
 */
export class DistinctCounter {
  private exact: Set<number> | undefined = new Set();
  private registers: Uint8Array | undefined;

  add(h1: number, h2: number): void {
    if (this.exact) {
      this.exact.add(h1 * 1048576 + (h2 >>> 12));
      if (this.exact.size > EXACT_CAP) this.toSketch();
      return;
    }
    this.addSketch(h1 >>> 0, h2 >>> 12);
  }

  get estimated(): boolean {
    return this.exact === undefined;
  }

  count(): number {
    if (this.exact) return this.exact.size;
    const regs = this.registers as Uint8Array;
    let sum = 0;
    let zeros = 0;
    for (let i = 0; i < M; i++) {
      const r = regs[i] as number;
      sum += 2 ** -r;
      if (r === 0) zeros++;
    }
    const alpha = 0.7213 / (1 + 1.079 / M);
    const raw = (alpha * M * M) / sum;
    // Linear counting is the better estimator while many registers are still empty.
    if (raw <= 2.5 * M && zeros > 0) return Math.round(M * Math.log(M / zeros));
    return Math.round(raw);
  }

  private toSketch(): void {
    this.registers = new Uint8Array(M);
    for (const k of this.exact as Set<number>) {
      this.addSketch(Math.floor(k / 1048576) >>> 0, k % 1048576);
    }
    this.exact = undefined;
  }

  /** `low20` is the top 20 bits of the second hash, exactly what the exact phase keeps. */
  private addSketch(h1: number, low20: number): void {
    const idx = h1 >>> (32 - P);
    // Rank bits mixed from all 52 key bits: h1's top bits already chose the register.
    const rank = Math.min(Math.clz32(combine(h1, low20)) + 1, 32);
    const regs = this.registers as Uint8Array;
    if (rank > (regs[idx] as number)) regs[idx] = rank;
  }
}

/** distinct-n over a token-hash stream: distinct n-grams / total n-grams (within each text). */
export class DistinctN {
  readonly counter = new DistinctCounter();
  total = 0;
  constructor(readonly n: number) {}

  /** `a` and `b` are two independent hashes of each token of one text. */
  addText(a: Uint32Array, b: Uint32Array, length: number): void {
    for (let i = 0; i + this.n <= length; i++) {
      let h1 = this.n;
      let h2 = this.n ^ 0x5bd1e995;
      for (let k = 0; k < this.n; k++) {
        h1 = combine(h1, a[i + k] as number);
        h2 = combine(h2, b[i + k] as number);
      }
      this.counter.add(h1, h2);
      this.total++;
    }
  }

  value(): number {
    return this.total === 0 ? 0 : Math.min(1, this.counter.count() / this.total);
  }
}

/** Exact distinct-n of a small list of token arrays (reference implementation for tests and samples). */
export function distinctN(texts: readonly string[][], n: number): number {
  const seen = new Set<string>();
  let total = 0;
  for (const t of texts) {
    for (let i = 0; i + n <= t.length; i++) {
      seen.add(t.slice(i, i + n).join('\u0001'));
      total++;
    }
  }
  return total === 0 ? 0 : seen.size / total;
}
