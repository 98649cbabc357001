// Chi-square tests with exact p-values (regularised incomplete gamma), plus Cramér's V as the effect size.

/** ln Γ(x), Lanczos approximation (g = 7, n = 9), accurate to ~1e-15 for x > 0. */
export function logGamma(x: number): number {
  const c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
    -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  x -= 1;
  let a = c[0] as number;
  const t = x + 7.5;
  for (let i = 1; i < 9; i++) a += (c[i] as number) / (x + i);
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Regularised upper incomplete gamma Q(a, x) = Γ(a, x) / Γ(a) (series below a+1, continued fraction above). */
export function gammaQ(a: number, x: number): number {
  if (x <= 0) return 1;
  if (x < a + 1) {
    let sum = 1 / a;
    let term = sum;
    for (let n = 1; n < 10_000; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-15) break;
    }
    return Math.max(0, 1 - sum * Math.exp(-x + a * Math.log(x) - logGamma(a)));
  }
  // Lentz's method for the continued fraction.
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 10_000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-15) break;
  }
  return Math.min(1, Math.exp(-x + a * Math.log(x) - logGamma(a)) * h);
}

/** P(X² ≥ stat) for a chi-square distribution with `df` degrees of freedom. */
export function chiSquarePValue(stat: number, df: number): number {
  if (df <= 0) return 1;
  return gammaQ(df / 2, stat / 2);
}

export interface ChiSquareResult {
  statistic: number;
  df: number;
  p_value: number;
}

/**
 * Goodness of fit of observed counts to expected proportions (same order). Categories expected at 0 but
 * observed make the fit impossible: statistic Infinity, p 0.
 */
export function chiSquareGoodnessOfFit(observed: readonly number[], expectedProportions: readonly number[]): ChiSquareResult {
  const n = observed.reduce((s, x) => s + x, 0);
  const totalP = expectedProportions.reduce((s, x) => s + x, 0);
  let stat = 0;
  let df = -1;
  let unexpected = false;
  observed.forEach((o, i) => {
    const e = (n * (expectedProportions[i] ?? 0)) / (totalP || 1);
    if (e > 0) {
      stat += ((o - e) * (o - e)) / e;
      df++;
    } else if (o > 0) unexpected = true;
  });
  if (n === 0) return { statistic: 0, df: Math.max(0, df), p_value: 1 };
  // Checked before df: with one expected category (df 0) an observed unexpected one still rules the fit out.
  if (unexpected) return { statistic: Number.POSITIVE_INFINITY, df: Math.max(0, df), p_value: 0 };
  if (df <= 0) return { statistic: 0, df: 0, p_value: 1 };
  return { statistic: stat, df, p_value: chiSquarePValue(stat, df) };
}

export interface IndependenceResult extends ChiSquareResult {
  cramers_v: number;
}

/** Pearson's test of independence of a contingency table (rows × columns of counts); empty rows/columns dropped. */
export function chiSquareIndependence(table: readonly (readonly number[])[]): IndependenceResult {
  const rows = table.filter((r) => r.reduce((s, x) => s + x, 0) > 0);
  const width = rows[0]?.length ?? 0;
  const colSums = Array.from({ length: width }, (_, j) => rows.reduce((s, r) => s + (r[j] ?? 0), 0));
  const cols = colSums.map((s, j) => (s > 0 ? j : -1)).filter((j) => j >= 0);
  const n = colSums.reduce((s, x) => s + x, 0);
  if (rows.length < 2 || cols.length < 2 || n === 0) return { statistic: 0, df: 0, p_value: 1, cramers_v: 0 };
  let stat = 0;
  for (const r of rows) {
    const rs = r.reduce((s, x) => s + x, 0);
    for (const j of cols) {
      const e = (rs * (colSums[j] as number)) / n;
      const o = r[j] ?? 0;
      stat += ((o - e) * (o - e)) / e;
    }
  }
  const df = (rows.length - 1) * (cols.length - 1);
  const k = Math.min(rows.length, cols.length) - 1;
  return { statistic: stat, df, p_value: chiSquarePValue(stat, df), cramers_v: Math.sqrt(stat / (n * k)) };
}
