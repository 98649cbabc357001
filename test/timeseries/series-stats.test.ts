// Unit tests of the series statistics used by realism checks and the electricity profile.
import { describe, expect, it } from 'vitest';
import {
  autocorrelation,
  coefficientOfVariation,
  dailyProfile,
  mean,
  peakHourHistogram,
  range,
  summarize,
  totalVariation,
  weekendRatio,
  weeklyProfile,
} from '../../metrics/series-stats.js';

// 28 days of hourly data peaking at 18:00 UTC, higher on weekdays (2024-01-01 is a Monday).
function dailyWave(days = 28, peakHour = 18): number[] {
  const out: number[] = [];
  for (let i = 0; i < days * 24; i++) {
    const hour = i % 24;
    const weekday = Math.floor(i / 24) % 7;
    out.push((10 + 5 * Math.cos(((hour - peakHour) * 2 * Math.PI) / 24)) * (weekday >= 5 ? 0.8 : 1));
  }
  return out;
}

describe('series statistics', () => {
  it('mean and CV skip gaps and handle constants', () => {
    expect(mean([1, Number.NaN, 3])).toBe(2);
    expect(coefficientOfVariation([4, 4, 4])).toBe(0);
    expect(coefficientOfVariation([1, 3])).toBeCloseTo(0.5);
    expect(Number.isNaN(mean([]))).toBe(true);
  });

  it.each([
    [1, 1],
    [24, 1],
    [12, -1],
  ])('acf of a pure 24h cosine at lag %i is near %d', (lag, sign) => {
    const x = Array.from({ length: 24 * 30 }, (_, i) => Math.cos((i * 2 * Math.PI) / 24));
    const r = autocorrelation(x, lag);
    expect(Math.sign(r)).toBe(sign);
    if (lag !== 1) expect(Math.abs(r)).toBeGreaterThan(0.9);
  });

  it('acf is 0 for a constant series or an over-long lag', () => {
    expect(autocorrelation([2, 2, 2], 1)).toBe(0);
    expect(autocorrelation([1, 2, 3], 5)).toBe(0);
  });

  it('peak-hour histogram finds the evening peak and ignores partial days', () => {
    const x = dailyWave();
    const hist = peakHourHistogram(x, '2024-01-01T00:00:00Z');
    expect(hist[18]).toBeCloseTo(1);
    expect(hist.reduce((a, b) => a + b, 0)).toBeCloseTo(1);
    // A start at 20:00 shifts hours: the first partial day (4 points) must not count.
    const shifted = peakHourHistogram(x.slice(20), '2024-01-01T20:00:00Z');
    expect(shifted[18]).toBeCloseTo(1);
  });

  it('works at sub-hourly frequency', () => {
    const x = dailyWave().flatMap((v) => [v, v]);
    expect(peakHourHistogram(x, '2024-01-01T00:00:00Z', 0.5)[18]).toBeCloseTo(1);
    expect(summarize(x, '2024-01-01T00:00:00Z', 0.5).acf24).toBeGreaterThan(0.5);
  });

  it('daily and weekly profiles average 1 and show the shape', () => {
    const x = dailyWave();
    const d = dailyProfile(x, '2024-01-01T00:00:00Z');
    const w = weeklyProfile(x, '2024-01-01T00:00:00Z');
    expect(mean(d)).toBeCloseTo(1);
    expect(mean(w)).toBeCloseTo(1);
    expect(d.indexOf(Math.max(...d))).toBe(18);
    expect(w[6]).toBeLessThan(w[0] as number);
    expect(weekendRatio(x, '2024-01-01T00:00:00Z')).toBeCloseTo(0.8);
  });

  it('range and total variation', () => {
    const r = range([5, 1, 3, 2, 4]);
    expect(r.min).toBe(1);
    expect(r.max).toBe(5);
    expect(r.median).toBe(3);
    expect(totalVariation([1, 0], [0, 1])).toBe(1);
    expect(totalVariation([0.5, 0.5], [0.5, 0.5])).toBe(0);
  });
});
