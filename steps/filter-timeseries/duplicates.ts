// The duplicate rules for series: exact copies by their values, near-copies by shape (correlation, SimHash buckets).
import { createHash } from 'node:crypto';
import { createRng } from '../../util/rng.js';

/** For each series, the index of the earlier one with the same frequency and values, or -1. */
export function exactSeriesDuplicateOf(series: ReadonlyArray<{ frequency: string; values: readonly number[] }>): Int32Array {
  const firstOf = new Map<string, number>();
  const out = new Int32Array(series.length).fill(-1);
  series.forEach((s, i) => {
    // sha256 of the exact text: a collision (and so a wrong drop) is not a practical possibility.
    const key = createHash('sha256').update(s.frequency).update('\u0000').update(JSON.stringify(s.values)).digest('base64');
    const first = firstOf.get(key);
    if (first === undefined) firstOf.set(key, i);
    else out[i] = first;
  });
  return out;
}

/** Mean 0, norm 1; undefined for a constant or non-finite series (it has no shape to compare). */
function unitShape(values: readonly number[]): Float64Array | undefined {
  const n = values.length;
  let sum = 0;
  for (const v of values) {
    if (!Number.isFinite(v)) return undefined;
    sum += v;
  }
  const m = sum / n;
  const out = new Float64Array(n);
  let ss = 0;
  for (let i = 0; i < n; i++) ss += ((out[i] = (values[i] as number) - m) as number) ** 2;
  if (!(ss > 0)) return undefined;
  const norm = Math.sqrt(ss);
  for (let i = 0; i < n; i++) out[i] = (out[i] as number) / norm;
  return out;
}

const dot = (a: Float64Array, b: Float64Array) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] as number) * (b[i] as number);
  return s;
};

// 16 bands of 12 random hyperplanes: a pair with correlation 0.99 shares a band with probability > 0.9999, an
// unrelated pair rarely does, so only candidates are compared point by point.
const BANDS = 16;
const BITS = 12;
const SKETCH = 64;

/** Piecewise means of a unit shape over SKETCH segments: the projections run on this, not on every point. */
function sketch(u: Float64Array): Float64Array {
  const out = new Float64Array(Math.min(SKETCH, u.length));
  const k = out.length;
  for (let j = 0; j < k; j++) {
    const from = Math.floor((j * u.length) / k);
    const to = Math.floor(((j + 1) * u.length) / k);
    let s = 0;
    for (let i = from; i < to; i++) s += u[i] as number;
    out[j] = s;
  }
  return out;
}

/**
 * For each series, the earliest series of the same length and frequency whose values correlate with it at or above
 * `threshold` (Pearson: a shifted or rescaled copy counts), when that is another one; -1 otherwise.
 */
export function nearSeriesDuplicateOf(series: ReadonlyArray<{ frequency: string; values: readonly number[] }>, threshold: number): Int32Array {
  const out = new Int32Array(series.length).fill(-1);
  const groups = new Map<string, number[]>();
  series.forEach((s, i) => {
    const g = `${s.frequency}\u0000${s.values.length}`;
    (groups.get(g) ?? (groups.set(g, []), groups.get(g)!)).push(i);
  });
  for (const members of groups.values()) {
    if (members.length < 2) continue;
    const shapes = members.map((i) => unitShape(series[i]!.values));
    const len = Math.min(SKETCH, series[members[0]!]!.values.length);
    // Seeded, so the same data always gives the same buckets.
    const rng = createRng(1, 'series-simhash', len);
    const planes = Array.from({ length: BANDS * BITS }, () => Float64Array.from({ length: len }, () => rng.normal()));
    const buckets = Array.from({ length: BANDS }, () => new Map<number, number[]>());
    members.forEach((i, k) => {
      const u = shapes[k];
      if (!u) return;
      const sk = sketch(u);
      const candidates = new Set<number>();
      for (let b = 0; b < BANDS; b++) {
        let code = 0;
        for (let j = 0; j < BITS; j++) if (dot(planes[b * BITS + j]!, sk) >= 0) code |= 1 << j;
        const bucket = buckets[b]!.get(code);
        if (bucket) for (const c of bucket) candidates.add(c);
        else buckets[b]!.set(code, []);
        buckets[b]!.get(code)!.push(k);
      }
      // Earlier members only (buckets fill in order), the earliest match wins; a near-copy of a dropped one still counts.
      for (const c of [...candidates].sort((a, b) => a - b)) {
        if (dot(shapes[c]!, u) >= threshold) {
          const first = out[members[c]!]! >= 0 ? out[members[c]!]! : (members[c] as number);
          out[i] = first;
          break;
        }
      }
    });
  }
  return out;
}
