// Side by side: a provider's series (an LLM's) against the offline generator's for the same specs, and both against real data.
import type { Rng } from '../../util/rng.js';
import { Reservoir } from '../../metrics/reservoir.js';
import { compareGenerators, MIN_SERIES_FOR_SIMILARITY, type ComparedSeries, type TypeComparison } from '../../metrics/generator-comparison.js';
import { compareSeries, type ElectricityProfile, type HourlySeries } from '../../metrics/series-realism.js';
import { ELECTRICITY_TYPES } from '../../metrics/series-checks.js';
import { generateSeries, parseFrequency, seriesTypeInfo } from '../../providers/offline/timeseries/index.js';

export interface GeneratorReport {
  /** Who made the dataset's series (their meta.provider), e.g. `bedrock/us.anthropic…`. */
  generator: string;
  compared_with: 'offline';
  compared_series: number;
  by_type: Record<string, TypeComparison>;
  /** Electricity-load realism against the real reference, of the dataset's series and of their offline twins. */
  realism: { dataset: RealismFigures; offline: RealismFigures } | null;
}
type RealismFigures = { score: number; peak_hour: number; discriminative: number | null };

type Kept = { spec: { series_id: string; domain: string; series_type: string; frequency: string; start: string; length: number }; values: number[]; hours: number };

/**
 * Collects series not made by the offline generator (meta.provider set and not `offline`) into a seeded sample;
 * each is then compared with the series the offline generator makes for the same spec (type, frequency, start,
 * length), so differences come from the generator alone. Series the offline generator cannot make (unknown type
 * or frequency, non-finite values) are left out.
 */
export class OfflineComparison {
  private readonly sample: Reservoir<Kept>;
  private generator: string | undefined;

  constructor(size: number, rng: Rng, private readonly twinRng: (seriesId: string) => Rng) {
    this.sample = new Reservoir<Kept>(size, rng);
  }

  offer(s: Record<string, unknown>, finite: boolean): void {
    const provider = (s.meta as { provider?: unknown } | undefined)?.provider;
    if (typeof provider !== 'string' || provider === 'offline' || !finite) return;
    const type = String(s.series_type);
    if (!seriesTypeInfo(type) || typeof s.start !== 'string' || Number.isNaN(Date.parse(s.start)) || !Array.isArray(s.target) || s.target.length === 0) return;
    let hours: number;
    try {
      hours = parseFrequency(String(s.frequency)).hours;
    } catch {
      return;
    }
    this.generator ??= provider;
    const target = s.target as number[];
    const spec = { series_id: String(s.series_id ?? ''), domain: String(s.domain ?? ''), series_type: type, frequency: String(s.frequency), start: s.start, length: target.length };
    this.sample.offer(() => ({ spec, values: target, hours }));
  }

  report(reference: { series: readonly HourlySeries[] } | { profile: ElectricityProfile }, rng: Rng): GeneratorReport | null {
    if (this.generator === undefined || this.sample.items.length === 0) return null;
    const pairs = this.sample.items.map((k) => {
      const twin = generateSeries({ index: 0, ...k.spec }, this.twinRng(k.spec.series_id));
      const as = (values: number[]): ComparedSeries => ({ series_type: k.spec.series_type, values, start: k.spec.start, frequencyHours: k.hours });
      return { dataset: as(k.values), offline: as(twin.target), hourlyLoad: k.hours === 1 && ELECTRICITY_TYPES.has(k.spec.series_type) };
    });
    const load = pairs.filter((p) => p.hourlyLoad);
    const figures = (xs: ComparedSeries[], label: string): RealismFigures => {
      const r = compareSeries(xs.map((x) => ({ values: x.values as number[], start: x.start })), reference, rng.fork(label));
      return { score: r.score, peak_hour: r.peak_hour, discriminative: r.discriminative };
    };
    return {
      generator: this.generator,
      compared_with: 'offline',
      compared_series: pairs.length,
      by_type: compareGenerators(pairs),
      realism: load.length ? { dataset: figures(load.map((p) => p.dataset), 'dataset'), offline: figures(load.map((p) => p.offline), 'offline') } : null,
    };
  }
}

const f = (v: number | null | undefined) => (v === null || v === undefined ? 'n/a' : v.toFixed(3));
const g = (v: number | null | undefined) => (v === null || v === undefined ? 'n/a' : Math.abs(v) >= 100 ? v.toFixed(0) : v.toPrecision(3));

/** The report's section: one row per type, each statistic as dataset / offline, and the similarity. */
export function renderComparison(r: GeneratorReport, referenceName: string): string[] {
  const lines = [
    `## ${r.generator} vs the offline generator (${r.compared_series} series, same specs)`,
    '',
    `Medians per type, this dataset / offline; similarity = mean over the statistics of 1 − KS distance between the two generators (1 = same distribution; n/a under ${MIN_SERIES_FOR_SIMILARITY} series of the type).`,
    '',
    '| type | series | level | cv | acf1 | acf24 | acf168 | similarity |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const [type, c] of Object.entries(r.by_type)) {
    const cell = (k: keyof TypeComparison['dataset']) => (c.dataset[k] === null ? 'n/a' : `${g(c.dataset[k])} / ${g(c.offline[k])}`);
    lines.push(`| ${type} | ${c.series} | ${cell('mean')} | ${cell('cv')} | ${cell('acf1')} | ${cell('acf24')} | ${cell('acf168')} | ${f(c.score)} |`);
  }
  if (r.realism) {
    const { dataset: d, offline: o } = r.realism;
    lines.push('', `Electricity-load realism against ${referenceName}: this dataset ${f(d.score)} (peak hour ${f(d.peak_hour)}, discriminative ${f(d.discriminative)}) · offline generator ${f(o.score)} (peak hour ${f(o.peak_hour)}, discriminative ${f(o.discriminative)}).`);
  } else lines.push('', 'No hourly electricity-load series among them to compare with real data.');
  return lines;
}
