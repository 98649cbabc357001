// How series from one generator (an LLM) compare, type by type, with the offline generator's series for the same specs.
import { quantileSorted } from 'simple-statistics';
import { ksStatistic } from './divergence.js';
import { summarize } from './series-stats.js';

/** One series as compared: its type, values and clock. */
export interface ComparedSeries {
  series_type: string;
  values: readonly number[];
  start: string;
  frequencyHours: number;
}

/** Statistics compared per type: level, spread, short/daily/weekly memory. */
export const COMPARED_STATISTICS = ['mean', 'cv', 'acf1', 'acf24', 'acf168'] as const;
type Stat = (typeof COMPARED_STATISTICS)[number];

/** Series of a type both generators need before their distributions are compared. */
export const MIN_SERIES_FOR_SIMILARITY = 5;

export interface TypeComparison {
  series: number;
  /** Median of each statistic over the type's series. */
  dataset: Record<Stat, number | null>;
  offline: Record<Stat, number | null>;
  /** 1 − KS distance between the two generators' distributions of each statistic (1 = same distribution); null under MIN_SERIES_FOR_SIMILARITY series. */
  similarity: Record<Stat, number | null>;
  /** Mean of the similarities that could be measured. */
  score: number | null;
}

function stats(s: ComparedSeries): Record<Stat, number> {
  const m = summarize(s.values as number[], s.start, s.frequencyHours);
  return { mean: m.mean, cv: m.cv, acf1: m.acf1, acf24: m.acf24, acf168: m.acf168 };
}

const median = (xs: number[]) => (xs.length ? quantileSorted([...xs].sort((a, b) => a - b), 0.5) : null);

/**
 * Pairs are (dataset series, offline series made from the same spec), so every type is compared on equal footing
 * (same lengths, starts and frequencies). A lag longer than the series has no pairs and is left out (null).
 */
export function compareGenerators(pairs: ReadonlyArray<{ dataset: ComparedSeries; offline: ComparedSeries }>): Record<string, TypeComparison> {
  const byType = new Map<string, Array<{ d: Record<Stat, number>; o: Record<Stat, number> }>>();
  for (const p of pairs) {
    const list = byType.get(p.dataset.series_type) ?? [];
    list.push({ d: stats(p.dataset), o: stats(p.offline) });
    byType.set(p.dataset.series_type, list);
  }
  const out: Record<string, TypeComparison> = {};
  for (const type of [...byType.keys()].sort()) {
    const list = byType.get(type) ?? [];
    const lengths = pairs.filter((p) => p.dataset.series_type === type).map((p) => p.dataset.values.length * p.dataset.frequencyHours);
    const dataset = {} as Record<Stat, number | null>;
    const offline = {} as Record<Stat, number | null>;
    const similarity = {} as Record<Stat, number | null>;
    for (const k of COMPARED_STATISTICS) {
      const lag = k === 'acf168' ? 168 : k === 'acf24' ? 24 : 0;
      const d = list.map((x) => x.d[k]).filter(Number.isFinite);
      const o = list.map((x) => x.o[k]).filter(Number.isFinite);
      const measurable = d.length > 0 && o.length > 0 && lengths.every((h) => h >= 2 * lag);
      dataset[k] = measurable ? median(d) : null;
      offline[k] = measurable ? median(o) : null;
      // A KS distance between a handful of points is 0 or 1 by chance: too few series say nothing.
      similarity[k] = measurable && d.length >= MIN_SERIES_FOR_SIMILARITY && o.length >= MIN_SERIES_FOR_SIMILARITY ? 1 - ksStatistic(d, o) : null;
    }
    const sims = Object.values(similarity).filter((v): v is number => v !== null);
    out[type] = { series: list.length, dataset, offline, similarity, score: sims.length ? sims.reduce((a, b) => a + b, 0) / sims.length : null };
  }
  return out;
}
