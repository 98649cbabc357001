// Behaviour of the offline series generator: valid records, determinism and the physics each type promises.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Ajv } from 'ajv';
import { generateSeries, seriesTypeInfo, seriesTypeNames } from '../../providers/offline/timeseries/index.js';
import { autocorrelation } from '../../metrics/series-stats.js';
import { createRng } from '../../util/rng.js';
import { InputError } from '../../util/errors.js';
import type { Series, SeriesSpec } from '../../util/records.js';

const schema = JSON.parse(readFileSync(new URL('../../schemas/series.schema.json', import.meta.url), 'utf8'));
const validate = new Ajv({ allErrors: true }).compile(schema);

const TYPES = seriesTypeNames();
const spec = (type: string, over: Partial<SeriesSpec> = {}): SeriesSpec => ({
  index: 0,
  series_id: 'ts-000000',
  domain: '',
  series_type: type,
  frequency: '1H',
  start: '2024-01-01T00:00:00Z',
  length: 720,
  ...over,
});
const make = (type: string, seed: number, over: Partial<SeriesSpec> = {}): Series => generateSeries(spec(type, over), createRng(seed, type));
// A few seeds per type so one lucky draw cannot hide a broken model.
const samples = (type: string, over: Partial<SeriesSpec> = {}): Series[] => [1, 2, 3, 4, 5].map((s) => make(type, s, over));

describe('generateSeries', () => {
  it('has 16 types over 4 domains, 4 each', () => {
    expect(TYPES).toHaveLength(16);
    const perDomain = new Map<string, number>();
    for (const t of TYPES) perDomain.set(seriesTypeInfo(t)!.domain, (perDomain.get(seriesTypeInfo(t)!.domain) ?? 0) + 1);
    expect(Object.fromEntries(perDomain)).toEqual({ electricity: 4, energy: 4, sensors: 4, financial: 4 });
  });

  it.each(
    TYPES.flatMap((t) => [
      [t, '1H', 720],
      [t, '15T', 200],
      [t, '1D', 60],
    ]),
  )('%s at %s: valid record, finite values, consistent length', (type, frequency, length) => {
    for (const s of samples(type as string, { frequency: frequency as string, length: length as number })) {
      expect(validate(s), JSON.stringify(validate.errors)).toBe(true);
      expect(s.target).toHaveLength(length as number);
      expect(s.length).toBe(length);
      expect(s.target.every(Number.isFinite)).toBe(true);
      expect(s.series_type).toBe(type);
    }
  });

  it.each(TYPES)('%s is deterministic for a given rng and differs across rngs', (type) => {
    const a = JSON.stringify(make(type, 9));
    expect(JSON.stringify(make(type, 9))).toBe(a);
    expect(JSON.stringify(make(type, 10))).not.toBe(a);
  });

  it.each([
    ['15T', '15min'],
    ['15min', '15min'],
    ['30min', '30min'],
    ['H', '1H'],
    ['1h', '1H'],
    ['D', '1D'],
  ])('frequency %s is written as %s', (given, canonical) => {
    expect(make('temperature', 1, { frequency: given, length: 10 }).frequency).toBe(canonical);
  });

  it('writes start as canonical UTC', () => {
    expect(make('pressure', 1, { start: '2024-03-01T02:00:00+02:00', length: 5 }).start).toBe('2024-03-01T00:00:00Z');
  });

  const nonNegative = TYPES.filter((t) => !['temperature', 'stock_price', 'crypto_price', 'exchange_rate'].includes(t));
  it.each(nonNegative)('%s is never negative', (type) => {
    for (const s of samples(type)) expect(Math.min(...s.target)).toBeGreaterThanOrEqual(0);
  });

  it.each(['stock_price', 'crypto_price', 'exchange_rate'])('%s stays strictly positive over a long run', (type) => {
    for (const s of samples(type, { length: 5000 })) expect(Math.min(...s.target)).toBeGreaterThan(0);
  });

  it('humidity stays within 0–100 %', () => {
    for (const s of samples('humidity', { length: 3000 })) {
      expect(Math.min(...s.target)).toBeGreaterThanOrEqual(0);
      expect(Math.max(...s.target)).toBeLessThanOrEqual(100);
    }
  });

  it.each(['2024-01-01T00:00:00Z', '2024-06-21T00:00:00Z'])('solar is exactly zero at night and positive by day (start %s)', (start) => {
    for (const s of samples('solar_generation', { start })) {
      const night = s.target.filter((_, i) => i % 24 <= 1 || i % 24 === 23);
      const noon = s.target.filter((_, i) => i % 24 === 11);
      expect(night.every((v) => v === 0)).toBe(true);
      expect(noon.filter((v) => v > 0).length).toBeGreaterThan(noon.length * 0.9);
    }
  });

  it('solar days are longer in summer than in winter', () => {
    const daylight = (start: string) => samples('solar_generation', { start }).reduce((n, s) => n + s.target.filter((v) => v > 0).length, 0);
    expect(daylight('2024-06-01T00:00:00Z')).toBeGreaterThan(daylight('2024-12-01T00:00:00Z') * 1.2);
  });

  it.each(['residential_consumption', 'commercial_consumption', 'industrial_load', 'grid_demand'])(
    '%s has a daily cycle (a day apart is more alike than half a day apart)',
    (type) => {
      // Real clients go as low as 0.37 at lag 24 (flat, noisy loads), so the test asks for a cycle, not a strong one.
      for (const s of samples(type)) {
        expect(autocorrelation(s.target, 24)).toBeGreaterThan(0.3);
        expect(autocorrelation(s.target, 24)).toBeGreaterThan(autocorrelation(s.target, 12) + 0.1);
      }
    },
  );

  it('residential load peaks in the evening, commercial is high through business hours', () => {
    const hourly = (s: Series) => {
      const sums = new Array(24).fill(0);
      s.target.forEach((v, i) => (sums[i % 24] += v));
      return sums as number[];
    };
    const peakHour = (s: Series) => hourly(s).indexOf(Math.max(...hourly(s)));
    const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    for (const s of samples('residential_consumption')) expect(peakHour(s)).toBeGreaterThanOrEqual(17);
    for (const s of samples('commercial_consumption')) {
      // Shops and offices in the winter reference data stay open and lit until 19–20 h.
      expect(peakHour(s)).toBeGreaterThanOrEqual(8);
      expect(peakHour(s)).toBeLessThanOrEqual(20);
      const h = hourly(s);
      expect(avg(h.slice(9, 17))).toBeGreaterThan(1.25 * avg(h.slice(1, 5)));
    }
  });

  it('stock prices do not move outside trading hours or at weekends', () => {
    // 2024-01-06 is a Saturday: hours 120..167 from Monday 2024-01-01.
    for (const s of samples('stock_price')) {
      const weekend = s.target.slice(120, 168);
      expect(new Set(weekend).size).toBe(1);
    }
  });

  it('returns volatility clusters: squared returns are autocorrelated', () => {
    let positive = 0;
    for (const s of samples('crypto_price', { length: 4000 })) {
      const r2 = s.target.slice(1).map((v, i) => Math.log(v / (s.target[i] as number)) ** 2);
      if (autocorrelation(r2, 1) > 0.05) positive++;
    }
    expect(positive).toBeGreaterThanOrEqual(4);
  });

  it.each([
    [{ series_type: 'nope' }, /unknown series type/],
    [{ frequency: '7H' }, /divide a day/],
    [{ frequency: 'weekly' }, /unknown frequency/],
    [{ start: 'yesterday' }, /invalid start/],
    [{ length: 0 }, /positive integer/],
  ])('rejects %j with an InputError', (over, message) => {
    const call = () => generateSeries(spec('temperature', over as Partial<SeriesSpec>), createRng(1));
    expect(call).toThrow(InputError);
    expect(call).toThrow(message);
  });
});
