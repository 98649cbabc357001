// Aggregates of a stored series.jsonl per series type: example series, daily and weekly profiles, autocorrelation.
import { autocorrelation, dailyProfile, weeklyProfile } from '../../metrics/series-stats.js';
import { loadData } from '../../util/paths.js';
import { readJsonl } from '../../util/tabular.js';
import type { Series } from '../../util/records.js';

export interface SeriesTypeData {
  type: string;
  domain: string;
  series: number;
  /** The first series of the type (in file order), at most MAX_POINTS points. */
  example: { id: string; values: number[]; step: number };
  daily: number[];
  weekly: number[];
  /** Mean autocorrelation at lags 1…ACF_LAGS over up to PROFILED series of the type. */
  acf: number[];
}

export interface TimeseriesData {
  count: number;
  frequency: string;
  types: SeriesTypeData[];
  /** The real electricity reference's normalised daily and weekly shapes (domain electricity). */
  reference: { description: string; daily: number[]; weekly: number[] };
}

const MAX_POINTS = 24 * 14;
const PROFILED = 20;
export const ACF_LAGS = 168;

export async function gatherTimeseries(file: string): Promise<TimeseriesData> {
  const byType = new Map<string, { domain: string; n: number; example?: Series; daily: number[][]; weekly: number[][]; acf: number[][] }>();
  let count = 0;
  let frequency = '';
  for await (const s of readJsonl<Series>(file, { onInvalid: 'skip' })) {
    count++;
    frequency ||= String(s.frequency);
    const hours = hoursOf(String(s.frequency));
    const t = byType.get(s.series_type) ?? { domain: s.domain, n: 0, daily: [], weekly: [], acf: [] };
    byType.set(s.series_type, t);
    t.n++;
    t.example ??= s;
    // Profiles of a few series per type are what the eye needs; all of 100k series would only cost time.
    if (t.daily.length < PROFILED && hours > 0) {
      const values = s.target.map((v) => (typeof v === 'number' ? v : Number.NaN));
      t.daily.push(dailyProfile(values, s.start, hours));
      t.weekly.push(weeklyProfile(values, s.start, hours));
      t.acf.push(Array.from({ length: Math.min(ACF_LAGS, values.length - 2) }, (_, i) => autocorrelation(values, i + 1)));
    }
  }
  const types = [...byType.entries()]
    .sort(([a, x], [b, y]) => x.domain.localeCompare(y.domain) || a.localeCompare(b))
    .map(([type, t]) => {
      const values = (t.example?.target ?? []).map((v) => (typeof v === 'number' ? v : Number.NaN));
      const step = Math.max(1, Math.ceil(values.length / MAX_POINTS));
      return {
        type,
        domain: t.domain,
        series: t.n,
        example: { id: t.example?.series_id ?? '', values: values.filter((_, i) => i % step === 0).slice(0, MAX_POINTS), step },
        daily: meanOf(t.daily),
        weekly: meanOf(t.weekly),
        acf: meanOf(t.acf),
      };
    });
  const ref = loadData<{ description: string; daily_shape: number[]; weekly_shape: number[] }>('electricity-profile.json');
  return { count, frequency, types, reference: { description: ref.description, daily: ref.daily_shape, weekly: ref.weekly_shape } };
}

function hoursOf(frequency: string): number {
  const m = /^(\d+)\s*([HD])$/i.exec(frequency);
  if (!m) return 0;
  return Number(m[1]) * (m[2]!.toUpperCase() === 'D' ? 24 : 1);
}

function meanOf(rows: number[][]): number[] {
  const n = Math.max(0, ...rows.map((r) => r.length));
  return Array.from({ length: n }, (_, i) => {
    const xs = rows.map((r) => r[i]).filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
    return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : Number.NaN;
  });
}
