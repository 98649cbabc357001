// Distances between distributions: Jensen–Shannon (base 2) and the two-sample Kolmogorov–Smirnov statistic.

/** Normalises non-negative weights to sum 1 (all zeros stay zeros). */
export function normalize(counts: readonly number[]): number[] {
  let total = 0;
  for (const c of counts) total += c;
  return total > 0 ? counts.map((c) => c / total) : counts.map(() => 0);
}

/**
 * Jensen–Shannon divergence in bits (0 = identical, 1 = disjoint) of two count or probability vectors
 * over the same support; each is normalised first. An empty side gives 1 (nothing to compare is not a match).
 */
export function jensenShannon(p: readonly number[], q: readonly number[]): number {
  if (p.length !== q.length) throw new RangeError(`supports differ: ${p.length} vs ${q.length}`);
  const a = normalize(p);
  const b = normalize(q);
  const sa = a.reduce((s, x) => s + x, 0);
  const sb = b.reduce((s, x) => s + x, 0);
  if (sa === 0 && sb === 0) return 0;
  if (sa === 0 || sb === 0) return 1;
  let d = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as number;
    const y = b[i] as number;
    const m = (x + y) / 2;
    if (x > 0) d += 0.5 * x * Math.log2(x / m);
    if (y > 0) d += 0.5 * y * Math.log2(y / m);
  }
  return Math.min(1, Math.max(0, d));
}

/** Aligns two keyed count maps on the union of their keys (sorted, so results are order-independent). */
export function alignCounts(p: Readonly<Record<string, number>>, q: Readonly<Record<string, number>>): { keys: string[]; p: number[]; q: number[] } {
  const keys = [...new Set([...Object.keys(p), ...Object.keys(q)])].sort();
  return { keys, p: keys.map((k) => p[k] ?? 0), q: keys.map((k) => q[k] ?? 0) };
}

/** JSD of two keyed count maps over the union of their keys. */
export function jensenShannonCounts(p: Readonly<Record<string, number>>, q: Readonly<Record<string, number>>): number {
  const a = alignCounts(p, q);
  return jensenShannon(a.p, a.q);
}

/** Two-sample Kolmogorov–Smirnov statistic D (max distance between empirical CDFs); 1 when a side is empty. */
export function ksStatistic(x: readonly number[], y: readonly number[]): number {
  const a = x.filter(Number.isFinite).sort((m, n) => m - n);
  const b = y.filter(Number.isFinite).sort((m, n) => m - n);
  if (a.length === 0 || b.length === 0) return 1;
  let i = 0;
  let j = 0;
  let d = 0;
  while (i < a.length && j < b.length) {
    const v = Math.min(a[i] as number, b[j] as number);
    while (i < a.length && (a[i] as number) <= v) i++;
    while (j < b.length && (b[j] as number) <= v) j++;
    d = Math.max(d, Math.abs(i / a.length - j / b.length));
  }
  return d;
}
