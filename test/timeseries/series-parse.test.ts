// One LLM answer against the spec that asked for it: accepted shapes, and each reason a series is refused.
import { describe, expect, it } from 'vitest';
import { parseSeriesItem } from '../../providers/llm/series-parse.js';
import type { SeriesSpec } from '../../util/records.js';

const spec = (series_type: string, length = 48): SeriesSpec => ({ index: 0, series_id: 'ts-000001', domain: 'x', series_type, frequency: '1H', start: '2024-01-01T00:00:00Z', length });
const ramp = (n: number, base = 50) => Array.from({ length: n }, (_, i) => base + (i % 24));
// Solar: dark from 18:00 to 06:00 UTC, as the type's night check expects.
const solar = Array.from({ length: 48 }, (_, i) => (i % 24 >= 7 && i % 24 <= 17 ? 3 + (i % 24) / 10 : 0));

describe('parseSeriesItem', () => {
  it.each<[string, unknown]>([
    ['{values}', { series_id: 'ts_001', values: ramp(48) }],
    ['{target}', { target: ramp(48) }],
    ['a bare array', ramp(48)],
  ])('accepts %s and keeps the plan\'s fields, the offline record format and the model\'s values', (_n, answer) => {
    const r = parseSeriesItem(answer, spec('humidity'), 'bedrock/m');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.record).toEqual({
      series_id: 'ts-000001',
      domain: 'sensors',
      series_type: 'humidity',
      frequency: '1H',
      start: '2024-01-01T00:00:00Z',
      length: 48,
      target: ramp(48),
      unit: expect.any(String),
      seasonality_types: expect.any(Array),
      trend_type: expect.any(String),
      meta: { provider: 'bedrock/m' },
    });
  });

  it.each<[string, string, unknown, RegExp]>([
    ['no values', 'humidity', { series_id: 'ts-000001' }, /no `values` array/],
    ['one value short', 'humidity', { values: ramp(47) }, /47 values, asked for 48/],
    ['a null', 'humidity', { values: [...ramp(47), null] }, /1 value\(s\) not finite numbers \(first at index 47: null\)/],
    ['numbers as text', 'humidity', { values: ramp(48).map(String) }, /48 value\(s\) not finite numbers \(first at index 0: "50"\)/],
    ['humidity over 100 %', 'humidity', { values: [...ramp(47), 140] }, /1 value\(s\) outside the physical bounds of humidity \(≥ 0 and ≤ 100\)/],
    ['negative load', 'residential_consumption', { values: [-1, ...ramp(47, 1)] }, /outside the physical bounds of residential_consumption \(≥ 0\)/],
    ['solar output at night', 'solar_generation', { values: solar.map((v) => v + 2) }, /solar output during the night/],
  ])('refuses %s, saying why', (_n, type, answer, reason) => {
    const r = parseSeriesItem(answer, spec(type), 'bedrock/m');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.join('; ')).toMatch(reason);
  });

  it('accepts a solar series that is dark at night', () => {
    expect(parseSeriesItem({ values: solar }, spec('solar_generation'), 'bedrock/m').ok).toBe(true);
  });
});
