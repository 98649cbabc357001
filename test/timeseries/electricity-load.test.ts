// Electricity types built from summarised real-client archetypes: catalogue/profile agreement, base load, realism of the mix.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateSeries, seriesTypeInfo, typesOfDomain } from '../../providers/offline/timeseries/index.js';
import { compareSeries, type ElectricityProfile } from '../../metrics/series-realism.js';
import { createRng } from '../../util/rng.js';
import type { Series } from '../../util/records.js';

const profile = JSON.parse(readFileSync(new URL('../../data/electricity-profile.json', import.meta.url), 'utf8')) as ElectricityProfile & {
  archetypes: { name: string; daily_shape: number[]; rank_correlation: number[][] }[];
};
const ELECTRICITY = typesOfDomain('electricity');
const make = (type: string, i: number, length = 720): Series =>
  generateSeries({ index: i, series_id: `e-${i}`, domain: '', series_type: type, frequency: '1H', start: '2024-01-01T00:00:00Z', length }, createRng(21, type, i));

describe('electricity archetypes', () => {
  it.each(ELECTRICITY)('%s names only archetypes the profile has', (type) => {
    const names = Object.keys(seriesTypeInfo(type)!.params.archetypes as Record<string, number>);
    expect(names.length).toBeGreaterThan(0);
    for (const n of names) expect(profile.archetypes.map((a) => a.name)).toContain(n);
  });

  it('profile archetypes are normalised 24-hour shapes with symmetric correlation matrices', () => {
    for (const a of profile.archetypes) {
      expect(a.daily_shape).toHaveLength(24);
      expect(a.daily_shape.reduce((s, v) => s + v, 0) / 24).toBeCloseTo(1, 2);
      a.rank_correlation.forEach((row, i) => row.forEach((v, j) => expect(v).toBe(a.rank_correlation[j]![i])));
    }
  });

  it('commercial weekends cut business hours but keep the night base load', () => {
    let nightRatio = 0;
    let dayRatio = 0;
    const n = 20;
    for (let i = 0; i < n; i++) {
      const t = make('commercial_consumption', i).target;
      // 2024-01-01 is a Monday: day d is a weekend when d % 7 >= 5.
      const mean = (weekend: boolean, from: number, to: number) => {
        const xs = t.filter((_, k) => (Math.floor(k / 24) % 7 >= 5) === weekend && k % 24 >= from && k % 24 < to);
        return xs.reduce((s, v) => s + v, 0) / xs.length;
      };
      nightRatio += mean(true, 1, 5) / mean(false, 1, 5) / n;
      dayRatio += mean(true, 10, 16) / mean(false, 10, 16) / n;
    }
    expect(nightRatio).toBeGreaterThan(0.85);
    expect(dayRatio).toBeLessThan(nightRatio - 0.1);
  });

  it('the four-type mix sits inside the real p10–p90 bands and peaks when real clients do', () => {
    const series = Array.from({ length: 160 }, (_, i) => make(ELECTRICITY[i % 4]!, i)).map((s) => ({ values: s.target, start: s.start }));
    const r = compareSeries(series, { profile }, createRng(1, 'realism'));
    for (const [k, v] of Object.entries(r.statistics)) expect(v, k).toBeGreaterThan(0.75);
    expect(r.peak_hour).toBeGreaterThan(0.9);
  });
});
