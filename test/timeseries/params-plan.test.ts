// The `with:` schema of generate/timeseries and the per-item plan: defaults, validation, prefix stability.
import { describe, expect, it } from 'vitest';
import { Ajv } from 'ajv';
import { normalizeTimeseriesParams, SERIES_TYPES, timeseriesParamsSchema, type TimeseriesParams } from '../../steps/generate-timeseries/params.js';
import { planSeries, seriesRng } from '../../steps/generate-timeseries/plan.js';
import { seriesTypeNames } from '../../providers/offline/timeseries/index.js';
import { InputError } from '../../util/errors.js';

const ajv = new Ajv({ useDefaults: true, allErrors: true });
const validate = ajv.compile(timeseriesParamsSchema);
const withDefaults = (raw: Record<string, unknown>): TimeseriesParams => {
  const copy = structuredClone(raw);
  if (!validate(copy)) throw new Error(JSON.stringify(validate.errors));
  return copy as unknown as TimeseriesParams;
};

describe('timeseries params', () => {
  it('lists exactly the catalogue types', () => {
    expect([...SERIES_TYPES]).toEqual(seriesTypeNames());
  });

  it('fills the seed defaults', () => {
    expect(withDefaults({})).toEqual({
      count: 100,
      domains: { electricity: 0.5, energy: 0.2, sensors: 0.2, financial: 0.1 },
      length: 720,
      frequency: '1H',
      start: '2024-01-01T00:00:00Z',
      provider: 'default',
      batch_size: 2,
    });
  });

  it.each([
    [{ cuont: 3 }],
    [{ count: 0 }],
    [{ domains: { weather: 1 } }],
    [{ domains: { energy: -1 } }],
    [{ types: ['solar'] }],
    [{ types: [] }],
    [{ frequency: 'weekly' }],
    [{ start: '2024-01-01T00:00:00' }],
  ])('the schema rejects %j', (raw) => {
    expect(validate(structuredClone(raw))).toBe(false);
  });

  it('documents every property', () => {
    for (const p of Object.values(timeseriesParamsSchema.properties)) expect((p as { description?: string }).description).toBeTruthy();
  });

  it.each([
    [{ domains: { energy: 0 } }, /positive weight/],
    [{ frequency: '5H' }, /divide a day/],
    [{ start: '2024-02-30' }, /not an ISO date/],
  ])('normalisation rejects %j with an InputError', (raw, message) => {
    const call = () => normalizeTimeseriesParams(withDefaults(raw));
    expect(call).toThrow(InputError);
    expect(call).toThrow(message);
  });

  it('normalises to a canonical form', () => {
    const a = normalizeTimeseriesParams(withDefaults({ frequency: '15T', start: '2024-01-01', domains: { sensors: 1, energy: 2 } }));
    expect(a.frequency).toBe('15min');
    expect(a.start).toBe('2024-01-01T00:00:00Z');
    expect(Object.keys(a.domains)).toEqual(['energy', 'sensors']);
  });
});

describe('planSeries', () => {
  const params = normalizeTimeseriesParams(withDefaults({}));
  const plan = (p: TimeseriesParams, n: number, seed = 42) => Array.from({ length: n }, (_, i) => planSeries(p, seed, i));

  it('is deterministic and prefix-stable: growing count keeps earlier items', () => {
    const small = plan({ ...params, count: 20 }, 20);
    const large = plan({ ...params, count: 500 }, 500);
    expect(large.slice(0, 20)).toEqual(small);
    expect(plan(params, 20)).toEqual(small);
    expect(plan(params, 20, 43)).not.toEqual(small);
  });

  it('gives unique ids and the requested shape', () => {
    const items = plan({ ...params, length: 96, frequency: '30min' }, 300);
    expect(new Set(items.map((s) => s.series_id)).size).toBe(300);
    expect(items.every((s) => s.length === 96 && s.frequency === '30min' && s.start === '2024-01-01T00:00:00Z')).toBe(true);
  });

  it('follows the domain weights', () => {
    const items = plan(params, 4000);
    const share = (d: string) => items.filter((s) => s.domain === d).length / items.length;
    expect(share('electricity')).toBeGreaterThan(0.46);
    expect(share('electricity')).toBeLessThan(0.54);
    expect(share('financial')).toBeGreaterThan(0.08);
    expect(share('financial')).toBeLessThan(0.12);
    expect(new Set(items.map((s) => s.series_type)).size).toBe(16);
  });

  it('draws only weighted domains and ignores key order', () => {
    const a = plan(normalizeTimeseriesParams(withDefaults({ domains: { energy: 1, sensors: 1 } })), 200);
    const b = plan(normalizeTimeseriesParams(withDefaults({ domains: { sensors: 1, energy: 1 } })), 200);
    expect(a).toEqual(b);
    expect(new Set(a.map((s) => s.domain))).toEqual(new Set(['energy', 'sensors']));
  });

  it('types override domains', () => {
    const items = plan(normalizeTimeseriesParams(withDefaults({ types: ['wind_generation', 'humidity'], domains: { financial: 1 } })), 100);
    expect(new Set(items.map((s) => s.series_type))).toEqual(new Set(['wind_generation', 'humidity']));
  });

  it('gives each item its own value stream', () => {
    const [a, b] = plan(params, 2) as [ReturnType<typeof planSeries>, ReturnType<typeof planSeries>];
    expect(seriesRng(42, a).next()).toBe(seriesRng(42, a).next());
    expect(seriesRng(42, a).next()).not.toBe(seriesRng(42, b).next());
  });
});
