// Bias analysis: observed vs expected distributions, intent coverage and cross-tab independence, with severities.
import { chiSquareGoodnessOfFit, chiSquareIndependence } from './chi-square.js';

export const SEVERITIES = ['none', 'low', 'medium', 'high'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const severityRank = (s: Severity): number => SEVERITIES.indexOf(s);

export interface DistributionRow {
  value: string;
  observed: number;
  observed_share: number;
  expected_share: number | null;
  deviation: number | null;
}

export interface DistributionFinding {
  kind: 'distribution';
  field: string;
  expected_from: string;
  rows: DistributionRow[];
  chi_square: { statistic: number; df: number; p_value: number } | null;
  max_abs_deviation: number | null;
  severity: Severity;
  reason: string;
}

export interface CoverageFinding {
  kind: 'coverage';
  field: string;
  expected: number;
  covered: number;
  coverage: number;
  missing: string[];
  severity: Severity;
  reason: string;
}

export interface CrosstabFinding {
  kind: 'crosstab';
  rows_field: string;
  cols_field: string;
  rows: string[];
  cols: string[];
  table: number[][];
  chi_square: { statistic: number; df: number; p_value: number };
  cramers_v: number;
  severity: Severity;
  reason: string;
}

export type Finding = DistributionFinding | CoverageFinding | CrosstabFinding;

const ALPHA = 0.01;
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

/** Compares counts with expected weights (null → descriptive only). Significance gates severity; effect size sets it. */
export function distributionFinding(field: string, counts: Readonly<Record<string, number>>, expected: Readonly<Record<string, number>> | null, expectedFrom: string): DistributionFinding {
  const n = Object.values(counts).reduce((s, x) => s + x, 0);
  const keys = [...new Set([...Object.keys(counts), ...Object.keys(expected ?? {})])].sort(naturalCompare);
  const totalW = expected ? Object.values(expected).reduce((s, x) => s + x, 0) : 0;
  const rows: DistributionRow[] = keys.map((value) => {
    const observed = counts[value] ?? 0;
    const observed_share = n === 0 ? 0 : observed / n;
    const expected_share = expected ? (totalW > 0 ? (expected[value] ?? 0) / totalW : 0) : null;
    return { value, observed, observed_share, expected_share, deviation: expected_share === null ? null : observed_share - expected_share };
  });
  if (!expected || n === 0) {
    return { kind: 'distribution', field, expected_from: expectedFrom, rows, chi_square: null, max_abs_deviation: null, severity: 'none', reason: `${field}: no expected distribution, reported only` };
  }
  const chi = chiSquareGoodnessOfFit(rows.map((r) => r.observed), rows.map((r) => r.expected_share as number));
  let worst = rows[0] as DistributionRow;
  for (const r of rows) if (Math.abs(r.deviation as number) > Math.abs(worst.deviation as number)) worst = r;
  const d = Math.abs(worst.deviation as number);
  let severity: Severity = 'none';
  if (chi.p_value < ALPHA) severity = d >= 0.15 ? 'high' : d >= 0.07 ? 'medium' : d >= 0.02 ? 'low' : 'none';
  const reason =
    severity === 'none'
      ? `${field} matches ${expectedFrom} (max deviation ${pct(d)}, p ${fmtP(chi.p_value)})`
      : `${field}=${worst.value} is ${pct(worst.observed_share)} vs ${pct(worst.expected_share as number)} expected (p ${fmtP(chi.p_value)})`;
  return { kind: 'distribution', field, expected_from: expectedFrom, rows, chi_square: chi, max_abs_deviation: d, severity, reason };
}

/** Share of expected values (weight > 0) that occur at least once. */
export function coverageFinding(field: string, counts: Readonly<Record<string, number>>, expectedValues: readonly string[]): CoverageFinding {
  const missing = expectedValues.filter((v) => !((counts[v] ?? 0) > 0)).sort();
  const expected = expectedValues.length;
  const covered = expected - missing.length;
  const coverage = expected === 0 ? 1 : covered / expected;
  const severity: Severity = coverage >= 1 ? 'none' : coverage >= 0.95 ? 'low' : coverage >= 0.8 ? 'medium' : 'high';
  const reason =
    missing.length === 0
      ? `all ${expected} ${field} values present`
      : `${covered}/${expected} ${field} values present; missing ${missing.slice(0, 10).join(', ')}${missing.length > 10 ? ', …' : ''}`;
  return { kind: 'coverage', field, expected, covered, coverage, missing, severity, reason };
}

/** Test of independence of two fields from their joint counts (key `row\u0000col`). */
export function crosstabFinding(rowsField: string, colsField: string, joint: ReadonlyMap<string, number>): CrosstabFinding {
  const rowSet = new Set<string>();
  const colSet = new Set<string>();
  for (const k of joint.keys()) {
    const [r, c] = k.split('\u0000') as [string, string];
    rowSet.add(r);
    colSet.add(c);
  }
  const rows = [...rowSet].sort(naturalCompare);
  const cols = [...colSet].sort(naturalCompare);
  const table = rows.map((r) => cols.map((c) => joint.get(`${r}\u0000${c}`) ?? 0));
  const res = chiSquareIndependence(table);
  const v = res.cramers_v;
  let severity: Severity = 'none';
  if (res.p_value < ALPHA) severity = v >= 0.3 ? 'high' : v >= 0.15 ? 'medium' : v >= 0.08 ? 'low' : 'none';
  // The most lopsided cell explains the finding in words.
  const n = table.flat().reduce((s, x) => s + x, 0);
  const colTotals = cols.map((_, j) => table.reduce((s, r) => s + (r[j] ?? 0), 0));
  let best = { r: '', c: '', share: 0, overall: 0, gap: -1 };
  table.forEach((row, i) => {
    const rs = row.reduce((s, x) => s + x, 0);
    if (rs === 0) return;
    row.forEach((x, j) => {
      const share = x / rs;
      const overall = (colTotals[j] as number) / n;
      if (Math.abs(share - overall) > best.gap) best = { r: rows[i] as string, c: cols[j] as string, share, overall, gap: Math.abs(share - overall) };
    });
  });
  const reason =
    severity === 'none'
      ? `${colsField} independent of ${rowsField} (Cramér's V ${v.toFixed(3)}, p ${fmtP(res.p_value)})`
      : `${colsField} depends on ${rowsField}: ${rowsField}=${best.r} has ${colsField}=${best.c} ${pct(best.share)} vs ${pct(best.overall)} overall (Cramér's V ${v.toFixed(3)}, p ${fmtP(res.p_value)})`;
  return {
    kind: 'crosstab',
    rows_field: rowsField,
    cols_field: colsField,
    rows,
    cols,
    table,
    chi_square: { statistic: res.statistic, df: res.df, p_value: res.p_value },
    cramers_v: v,
    severity,
    reason,
  };
}

export function fmtP(p: number): string {
  return p < 1e-6 ? '< 1e-6' : p.toPrecision(3);
}

// Turn counts sort as numbers ("2" < "10"), everything else alphabetically.
function naturalCompare(a: string, b: string): number {
  const x = Number(a);
  const y = Number(b);
  if (a !== '' && b !== '' && Number.isFinite(x) && Number.isFinite(y)) return x - y;
  return a < b ? -1 : a > b ? 1 : 0;
}
