// The realism rule for series: each hourly electricity-load series scored alone against the ranges of real ones.
import { readWideCsv, type ElectricityProfile, type HourlySeries } from '../../metrics/series-realism.js';
import { range, summarize, type SeriesSummary } from '../../metrics/series-stats.js';
import { loadData } from '../../util/paths.js';

/** Statistics a single series is placed among real ones by (scale-free: the level of a load says little). */
export const SERIES_STATISTICS = ['cv', 'acf1', 'acf24', 'acf168', 'weekend_ratio'] as const;
type Stat = (typeof SERIES_STATISTICS)[number];
const statOf = (s: SeriesSummary, k: Stat): number => (k === 'weekend_ratio' ? s.weekendRatio : s[k]);

/**
 * The ranges a series is compared with: the shipped electricity profile's, or the same five-number ranges across the
 * series of a real wide CSV. One series has no distribution for a KS test or a classifier, so only ranges are used.
 */
export async function realismProfile(referenceCsv: string | undefined): Promise<ElectricityProfile['ranges']> {
  if (referenceCsv === undefined) return loadData<ElectricityProfile>('electricity-profile.json').ranges;
  const sums = (await readWideCsv(referenceCsv)).map((s) => summarize(s.values, s.start, 1));
  return Object.fromEntries(SERIES_STATISTICS.map((k) => [k, range(sums.map((s) => statOf(s, k)))]));
}

/**
 * Where a value sits among real ones: 1 inside their p10–p90 band, falling to 0.5 at the real min or max (so every
 * real series scores at least 0.5 on each statistic), then to 0 one band width further out.
 */
function placement(v: number, r: { min: number; p10: number; p90: number; max: number }): number {
  if (!Number.isFinite(v)) return 0;
  if (v >= r.p10 && v <= r.p90) return 1;
  const width = Math.max(r.p90 - r.p10, 1e-9);
  const [edge, extreme] = v < r.p10 ? [r.p10, r.min] : [r.p90, r.max];
  const toExtreme = Math.abs(edge - extreme);
  const d = Math.abs(v - edge);
  if (d <= toExtreme) return 1 - (0.5 * d) / Math.max(toExtreme, 1e-9);
  return Math.max(0, 0.5 - (0.5 * (d - toExtreme)) / width);
}

/** One series' realism in [0, 1]: the mean placement of its statistics among the real series'. */
export function seriesRealism(s: HourlySeries, ranges: ElectricityProfile['ranges']): number {
  const sum = summarize(s.values, s.start, 1);
  const parts = SERIES_STATISTICS.flatMap((k) => (ranges[k] ? [placement(statOf(sum, k), ranges[k])] : []));
  return parts.length === 0 ? 0 : parts.reduce((a, b) => a + b, 0) / parts.length;
}
