// Summary statistics of a time series for realism checks: level, spread, autocorrelation, daily/weekly shape.
import { quantileSorted } from 'simple-statistics';

// Non-finite values (gaps in real data) are skipped everywhere, so the same functions serve real and
// generated series.

const HOUR_MS = 3_600_000;

/** Arithmetic mean of the finite values; NaN when there are none. */
export function mean(x: ArrayLike<number>): number {
  let sum = 0;
  let n = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i] as number;
    if (Number.isFinite(v)) {
      sum += v;
      n++;
    }
  }
  return n === 0 ? Number.NaN : sum / n;
}

/** Population standard deviation of the finite values; NaN when there are none. */
export function standardDeviation(x: ArrayLike<number>): number {
  const m = mean(x);
  if (Number.isNaN(m)) return Number.NaN;
  let ss = 0;
  let n = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i] as number;
    if (Number.isFinite(v)) {
      ss += (v - m) * (v - m);
      n++;
    }
  }
  return Math.sqrt(ss / n);
}

/** std / |mean|; 0 for a constant series, NaN when the mean is 0 but values vary or nothing is finite. */
export function coefficientOfVariation(x: ArrayLike<number>): number {
  const m = mean(x);
  const s = standardDeviation(x);
  if (Number.isNaN(m)) return Number.NaN;
  if (s === 0) return 0;
  if (m === 0) return Number.NaN;
  return s / Math.abs(m);
}

/**
 * Sample autocorrelation at `lag` (the standard ACF estimator: lagged covariance over total variance).
 * Pairs with a non-finite member are skipped. 0 for a constant series or a lag too long to have pairs.
 */
export function autocorrelation(x: ArrayLike<number>, lag: number): number {
  if (!Number.isInteger(lag) || lag < 0) throw new RangeError(`lag must be a non-negative integer, got ${lag}`);
  const m = mean(x);
  if (Number.isNaN(m) || lag >= x.length) return 0;
  let den = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i] as number;
    if (Number.isFinite(v)) den += (v - m) * (v - m);
  }
  if (den === 0) return 0;
  let num = 0;
  for (let i = 0; i + lag < x.length; i++) {
    const a = x[i] as number;
    const b = x[i + lag] as number;
    if (Number.isFinite(a) && Number.isFinite(b)) num += (a - m) * (b - m);
  }
  return num / den;
}

/** Buckets each point by UTC calendar day; yields (dayKey, hourOfDay, value) for finite values. */
function forEachPoint(
  values: ArrayLike<number>,
  startIso: string,
  frequencyHours: number,
  visit: (day: number, hour: number, weekday: number, value: number) => void,
): void {
  const start = Date.parse(startIso);
  if (Number.isNaN(start)) throw new RangeError(`invalid start timestamp: ${startIso}`);
  if (!(frequencyHours > 0)) throw new RangeError(`frequencyHours must be positive, got ${frequencyHours}`);
  const step = frequencyHours * HOUR_MS;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (!Number.isFinite(v)) continue;
    const t = start + i * step;
    const day = Math.floor(t / (24 * HOUR_MS));
    const hour = Math.floor((t - day * 24 * HOUR_MS) / HOUR_MS);
    // 1970-01-01 was a Thursday: (day + 3) mod 7 puts Monday at 0.
    const weekday = (((day + 3) % 7) + 7) % 7;
    visit(day, hour, weekday, v);
  }
}

/**
 * Fraction of days whose maximum falls in each UTC hour of day (24 numbers summing to 1, or all 0 when
 * there is no day). Only days with every point present count, so a partial first or last day cannot bias
 * the histogram — unless the series has no complete day, in which case every day counts.
 */
export function peakHourHistogram(values: ArrayLike<number>, startIso: string, frequencyHours = 1): number[] {
  const perDay = Math.round(24 / frequencyHours);
  const days = new Map<number, { max: number; hour: number; n: number }>();
  forEachPoint(values, startIso, frequencyHours, (day, hour, _w, v) => {
    const d = days.get(day);
    if (!d) days.set(day, { max: v, hour, n: 1 });
    else {
      d.n++;
      if (v > d.max) {
        d.max = v;
        d.hour = hour;
      }
    }
  });
  const all = [...days.values()];
  const complete = all.filter((d) => d.n >= perDay);
  const used = complete.length > 0 ? complete : all;
  const hist = new Array<number>(24).fill(0);
  for (const d of used) hist[d.hour] = (hist[d.hour] as number) + 1 / used.length;
  return hist;
}

/** Mean value per UTC hour of day, normalised so the 24 numbers average 1 (all 0 for a zero series). */
export function dailyProfile(values: ArrayLike<number>, startIso: string, frequencyHours = 1): number[] {
  const sum = new Array<number>(24).fill(0);
  const n = new Array<number>(24).fill(0);
  forEachPoint(values, startIso, frequencyHours, (_d, hour, _w, v) => {
    sum[hour] = (sum[hour] as number) + v;
    n[hour] = (n[hour] as number) + 1;
  });
  return normalise(sum.map((s, h) => ((n[h] as number) > 0 ? s / (n[h] as number) : Number.NaN)));
}

/** Mean value per weekday (0 = Monday … 6 = Sunday, UTC), normalised so the 7 numbers average 1. */
export function weeklyProfile(values: ArrayLike<number>, startIso: string, frequencyHours = 1): number[] {
  const sum = new Array<number>(7).fill(0);
  const n = new Array<number>(7).fill(0);
  forEachPoint(values, startIso, frequencyHours, (_d, _h, weekday, v) => {
    sum[weekday] = (sum[weekday] as number) + v;
    n[weekday] = (n[weekday] as number) + 1;
  });
  return normalise(sum.map((s, d) => ((n[d] as number) > 0 ? s / (n[d] as number) : Number.NaN)));
}

/** Mean weekend level over mean weekday level (UTC); NaN when either is missing or weekdays average 0. */
export function weekendRatio(values: ArrayLike<number>, startIso: string, frequencyHours = 1): number {
  let we = 0;
  let nwe = 0;
  let wd = 0;
  let nwd = 0;
  forEachPoint(values, startIso, frequencyHours, (_d, _h, weekday, v) => {
    if (weekday >= 5) {
      we += v;
      nwe++;
    } else {
      wd += v;
      nwd++;
    }
  });
  if (nwe === 0 || nwd === 0 || wd === 0) return Number.NaN;
  return we / nwe / (wd / nwd);
}

/** Total variation distance between two distributions of equal length (0 = identical, 1 = disjoint). */
export function totalVariation(p: readonly number[], q: readonly number[]): number {
  if (p.length !== q.length) throw new RangeError('distributions differ in length');
  let d = 0;
  for (let i = 0; i < p.length; i++) d += Math.abs((p[i] as number) - (q[i] as number));
  return d / 2;
}

export interface Range {
  min: number;
  p10: number;
  median: number;
  p90: number;
  max: number;
}

/** Five-number range (min, p10, median, p90, max) of the finite values; throws on an empty sample. */
export function range(sample: readonly number[]): Range {
  const sorted = sample.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) throw new RangeError('range of an empty sample');
  return {
    min: sorted[0] as number,
    p10: quantileSorted(sorted, 0.1),
    median: quantileSorted(sorted, 0.5),
    p90: quantileSorted(sorted, 0.9),
    max: sorted[sorted.length - 1] as number,
  };
}

export interface SeriesSummary {
  mean: number;
  cv: number;
  acf1: number;
  acf24: number;
  acf168: number;
  peakHours: number[];
  dailyProfile: number[];
  weeklyProfile: number[];
  weekendRatio: number;
}

/**
 * Everything a realism check of an hourly-ish series compares. Lags are in hours, converted to points
 * for other frequencies (lag 24 at 30min is 48 points); a lag finer than the frequency reads as 0.
 */
export function summarize(values: ArrayLike<number>, startIso: string, frequencyHours = 1): SeriesSummary {
  const lagPoints = (hours: number): number => Math.round(hours / frequencyHours);
  const acfHours = (hours: number): number => (hours < frequencyHours ? 0 : autocorrelation(values, lagPoints(hours)));
  return {
    mean: mean(values),
    cv: coefficientOfVariation(values),
    acf1: acfHours(1),
    acf24: acfHours(24),
    acf168: acfHours(168),
    peakHours: peakHourHistogram(values, startIso, frequencyHours),
    dailyProfile: dailyProfile(values, startIso, frequencyHours),
    weeklyProfile: weeklyProfile(values, startIso, frequencyHours),
    weekendRatio: weekendRatio(values, startIso, frequencyHours),
  };
}

function normalise(xs: number[]): number[] {
  const m = mean(xs);
  if (!Number.isFinite(m) || m === 0) return xs.map(() => 0);
  return xs.map((x) => (Number.isFinite(x) ? x / m : 0));
}
