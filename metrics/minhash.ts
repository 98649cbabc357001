// Near-duplicate detection at scale: MinHash signatures of word 3-gram shingles, LSH banding, union-find.
import { combine, fmix32 } from './hash32.js';
import { Growable } from './growable.js';

export const NUM_HASHES = 64;
export const BANDS = 8;
const ROWS = NUM_HASHES / BANDS;
// Beyond this many documents the (band key, document) pair no longer fits a double's 53 exact bits.
const MAX_DOCS = 2 ** 21;

const SEEDS = (() => {
  const s = new Uint32Array(NUM_HASHES);
  for (let i = 0; i < NUM_HASHES; i++) s[i] = fmix32((0x9e3779b9 * (i + 1)) >>> 0);
  return s;
})();

/** MinHash signature (64 × 32-bit) of the word 3-gram shingles of a token-hash array. */
export function minhashSignature(tokens: Uint32Array, length: number, out = new Uint32Array(NUM_HASHES)): Uint32Array {
  out.fill(0xffffffff);
  const shingle = (s: number) => {
    for (let i = 0; i < NUM_HASHES; i++) {
      const v = fmix32((s ^ (SEEDS[i] as number)) >>> 0);
      if (v < (out[i] as number)) out[i] = v;
    }
  };
  if (length < 3) for (let i = 0; i < length; i++) shingle(tokens[i] as number);
  else for (let i = 0; i + 3 <= length; i++) shingle(combine(combine(tokens[i] as number, tokens[i + 1] as number), tokens[i + 2] as number));
  return out;
}

/** Jaccard estimate from two full signatures. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  let m = 0;
  for (let i = 0; i < NUM_HASHES; i++) if (a[i] === b[i]) m++;
  return m / NUM_HASHES;
}

/** Exact Jaccard similarity of the word 3-gram shingle sets of two token lists (for tests). */
export function shingleJaccard(a: readonly string[], b: readonly string[]): number {
  const sh = (t: readonly string[]) => {
    const s = new Set<string>();
    if (t.length < 3) t.forEach((x) => s.add(x));
    else for (let i = 0; i + 3 <= t.length; i++) s.add(t.slice(i, i + 3).join(' '));
    return s;
  };
  const x = sh(a);
  const y = sh(b);
  let inter = 0;
  for (const v of x) if (y.has(v)) inter++;
  const union = x.size + y.size - inter;
  return union === 0 ? 1 : inter / union;
}

/**
 * Streams documents' signatures into compact per-document state (8 band keys + 64 one-byte minima ≈ 96 B),
 * then clusters candidates that share a band and whose b-bit Jaccard estimate reaches the threshold.
 */
export class NearDuplicateIndex {
  private readonly bands = new Growable(Uint32Array, 8192);
  private readonly bits = new Growable(Uint8Array, 65536);
  private readonly scratch = new Uint32Array(NUM_HASHES);
  private docs = 0;
  skipped = 0;

  constructor(readonly threshold = 0.9) {}

  add(tokens: Uint32Array, length: number): void {
    if (this.docs >= MAX_DOCS) {
      this.skipped++;
      return;
    }
    const sig = minhashSignature(tokens, length, this.scratch);
    const b = this.bands.reserve(BANDS);
    for (let band = 0; band < BANDS; band++) {
      let h = band + 1;
      for (let r = 0; r < ROWS; r++) h = combine(h, sig[band * ROWS + r] as number);
      this.bands.data[b + band] = h;
    }
    const o = this.bits.reserve(NUM_HASHES);
    for (let i = 0; i < NUM_HASHES; i++) this.bits.data[o + i] = (sig[i] as number) & 0xff;
    this.docs++;
  }

  /** (N − clusters) / N: documents that are near-copies (Jaccard ≥ threshold) of another one. */
  result(): { documents: number; near_duplicates: number; rate: number; skipped: number } {
    const n = this.docs;
    const parent = new Int32Array(n);
    for (let i = 0; i < n; i++) parent[i] = i;
    const find = (x: number): number => {
      while (parent[x] !== x) {
        parent[x] = parent[parent[x] as number] as number;
        x = parent[x] as number;
      }
      return x;
    };
    const bits = this.bits.data;
    const jaccard = (x: number, y: number): number => {
      let m = 0;
      for (let i = 0; i < NUM_HASHES; i++) if (bits[x * NUM_HASHES + i] === bits[y * NUM_HASHES + i]) m++;
      // b-bit MinHash: unrelated minima still agree on 8 bits with probability 1/256.
      return Math.max(0, (m / NUM_HASHES - 1 / 256) / (1 - 1 / 256));
    };
    let merged = 0;
    const order = new Float64Array(n);
    // Per bucket: one entry per cluster met so far (its members in this bucket), so a member is compared with every
    // member of every other cluster until one matches: the same clusters as all pairs, and linear when a bucket
    // is one big template group (the first comparison merges, the rest share a root and are skipped).
    const groups: number[][] = [];
    for (let band = 0; band < BANDS; band++) {
      for (let d = 0; d < n; d++) order[d] = (this.bands.data[d * BANDS + band] as number) * MAX_DOCS + d;
      order.sort();
      let start = 0;
      for (let i = 1; i <= n; i++) {
        const same = i < n && Math.floor((order[i] as number) / MAX_DOCS) === Math.floor((order[start] as number) / MAX_DOCS);
        if (same) continue;
        if (i - start < 2) {
          start = i;
          continue;
        }
        groups.length = 0;
        for (let k = start; k < i; k++) {
          const d = (order[k] as number) % MAX_DOCS;
          for (const g of groups) {
            if (find(g[0] as number) === find(d)) continue;
            for (const other of g) {
              if (jaccard(other, d) >= this.threshold) {
                parent[find(d)] = find(other);
                merged++;
                break;
              }
            }
          }
          // Regroup: d joins every group now in its cluster (merged in this bucket or earlier bands).
          const root = find(d);
          const joined: number[] = [d];
          let w = 0;
          for (const g of groups) {
            if (find(g[0] as number) === root) joined.push(...g);
            else groups[w++] = g;
          }
          groups.length = w;
          groups.push(joined);
        }
        start = i;
      }
    }
    return { documents: n, near_duplicates: merged, rate: n === 0 ? 0 : merged / n, skipped: this.skipped };
  }
}
