// Realism of hourly load series vs real electricity data: KS per statistic, peak hours, a real-vs-synthetic classifier.
import type { Rng } from '../util/rng.js';
import { jensenShannon, ksStatistic } from './divergence.js';
import { trainLogistic } from './logistic.js';
import { autocorrelation, coefficientOfVariation, dailyProfile, mean, summarize, type SeriesSummary } from './series-stats.js';

export interface HourlySeries {
  values: number[];
  start: string;
}

export const STATISTICS = ['cv', 'acf1', 'acf24', 'acf168', 'weekend_ratio'] as const;
type Stat = (typeof STATISTICS)[number];

const statOf = (s: SeriesSummary, k: Stat): number => (k === 'weekend_ratio' ? s.weekendRatio : s[k]);

/** The shipped profile's shape: five-number ranges per statistic and a mean peak-hour histogram. */
export interface ElectricityProfile {
  ranges: Record<string, { min: number; p10: number; median: number; p90: number; max: number }>;
  peak_hour_histogram: number[];
}

export interface SeriesRealism {
  score: number;
  compared_series: number;
  /** Per statistic: 1 − KS distance (raw reference) or share inside the reference's p10–p90 band over 0.8 (profile). */
  statistics: Record<string, number>;
  statistics_method: 'ks' | 'range';
  peak_hour: number;
  /** 1 − 2·|accuracy − 0.5| of a logistic classifier on 168-hour windows; null without raw reference data. */
  discriminative: number | null;
  classifier_accuracy: number | null;
  windows: { real: number; synthetic: number } | null;
}

const WINDOW = 168;

/** Features of one week, scale-free: spread, autocorrelation, the normalised daily shape and its trough. */
export function windowFeatures(s: HourlySeries): number[][] {
  const out: number[][] = [];
  const startMs = Date.parse(s.start);
  for (let o = 0; o + WINDOW <= s.values.length; o += WINDOW) {
    const w = s.values.slice(o, o + WINDOW);
    const m = mean(w);
    if (!Number.isFinite(m) || m === 0) continue;
    const prof = dailyProfile(w, new Date(startMs + o * 3_600_000).toISOString(), 1);
    let min = Infinity;
    for (const v of w) if (Number.isFinite(v) && v < min) min = v;
    out.push([coefficientOfVariation(w) || 0, autocorrelation(w, 1), autocorrelation(w, 24), min / m, ...prof]);
  }
  return out;
}

function meanHistogram(sums: readonly SeriesSummary[]): number[] {
  const h = new Array<number>(24).fill(0);
  for (const s of sums) s.peakHours.forEach((v, i) => (h[i] = (h[i] as number) + v));
  return h;
}

export function compareSeries(synthetic: readonly HourlySeries[], reference: { series: readonly HourlySeries[] } | { profile: ElectricityProfile }, rng: Rng): SeriesRealism {
  const syn = synthetic.map((s) => summarize(s.values, s.start, 1));
  const statistics: Record<string, number> = {};
  let peak: number;
  let discriminative: number | null = null;
  let accuracy: number | null = null;
  let windows: SeriesRealism['windows'] = null;
  let method: 'ks' | 'range';
  if ('series' in reference) {
    method = 'ks';
    const ref = reference.series.map((s) => summarize(s.values, s.start, 1));
    for (const k of STATISTICS) statistics[k] = 1 - ksStatistic(ref.map((s) => statOf(s, k)), syn.map((s) => statOf(s, k)));
    peak = 1 - jensenShannon(meanHistogram(ref), meanHistogram(syn));
    const c = classify(reference.series, synthetic, rng);
    if (c) ((accuracy = c.accuracy), (discriminative = Math.max(0, 1 - 2 * Math.abs(c.accuracy - 0.5))), (windows = c.windows));
  } else {
    method = 'range';
    for (const k of STATISTICS) {
      const r = reference.profile.ranges[k];
      if (!r) continue;
      const vals = syn.map((s) => statOf(s, k)).filter(Number.isFinite);
      // Real series fall inside their own p10–p90 band 80 % of the time: that share scores 1.
      statistics[k] = vals.length === 0 ? 0 : Math.min(1, vals.filter((v) => v >= r.p10 && v <= r.p90).length / vals.length / 0.8);
    }
    peak = 1 - jensenShannon(reference.profile.peak_hour_histogram, meanHistogram(syn));
  }
  const statMean = Object.values(statistics).reduce((s, x) => s + x, 0) / Math.max(1, Object.keys(statistics).length);
  const parts = [statMean, peak, ...(discriminative === null ? [] : [discriminative])];
  return {
    score: synthetic.length === 0 ? 0 : parts.reduce((s, x) => s + x, 0) / parts.length,
    compared_series: synthetic.length,
    statistics,
    statistics_method: method,
    peak_hour: peak,
    discriminative,
    classifier_accuracy: accuracy,
    windows,
  };
}

/** Balanced real/synthetic week windows, seeded 70/30 split, logistic regression, held-out accuracy. */
function classify(real: readonly HourlySeries[], synthetic: readonly HourlySeries[], rng: Rng) {
  const r = real.flatMap(windowFeatures);
  const s = synthetic.flatMap(windowFeatures);
  const n = Math.min(r.length, s.length, 2000);
  if (n < 10) return undefined;
  const pick = (xs: number[][], label: string) => rng.fork(label).shuffle([...xs]).slice(0, n);
  const data = [...pick(r, 'real').map((x) => ({ x, y: 1 })), ...pick(s, 'synthetic').map((x) => ({ x, y: 0 }))];
  rng.fork('split').shuffle(data);
  const cut = Math.floor(data.length * 0.7);
  const train = data.slice(0, cut);
  const test = data.slice(cut);
  const model = trainLogistic(train.map((d) => d.x), train.map((d) => d.y));
  const correct = test.filter((d) => (model.predict(d.x) >= 0.5 ? 1 : 0) === d.y).length;
  return { accuracy: correct / test.length, windows: { real: n, synthetic: n } };
}

/** Reads a wide CSV (timestamp, one column per series) of hourly values. */
export async function readWideCsv(path: string): Promise<HourlySeries[]> {
  const { readWideCsv: read } = await import('../util/tabular.js');
  return (await read(path)).map((c) => ({ values: c.values, start: c.start }));
}
