// Forecasting: metrics on hand-checked values, ridge beats seasonal naive on trend + daily cycle.
import { describe, expect, it } from 'vitest';
import { mase, smape, seasonalNaiveScale } from '../../ml/forecast-metrics.js';
import { evaluateForecasters, seasonalNaiveForecast, type SeriesInput } from '../../ml/forecast.js';
import { createRng } from '../../util/rng.js';

describe('forecast metrics', () => {
  it('scales MASE by the in-sample seasonal-naive MAE', () => {
    const history = [1, 2, 3, 5, 2, 3]; // m = 3: |5-1| |2-2| |3-3| → 4/3
    expect(seasonalNaiveScale(history, 3)).toBeCloseTo(4 / 3, 12);
    expect(mase([10, 10], [11, 8], history, 3)).toBeCloseTo(1.5 / (4 / 3), 12);
  });
  it.each([
    [[100], [100], 0],
    [[100], [50], 200 * 50 / 150],
    [[0], [0], 0],
    [[0], [5], 200],
  ])('sMAPE of %j vs %j is %d', (a, f, expected) => {
    expect(smape(a, f)).toBeCloseTo(expected, 9);
  });
  it('seasonal naive repeats the last season', () => {
    expect(seasonalNaiveForecast([1, 2, 3, 4, 5, 6], 4, 3)).toEqual([4, 5, 6, 4]);
  });
});

describe('ridge forecaster', () => {
  it('beats seasonal naive on series with a trend and a daily cycle', () => {
    const rng = createRng(5, 'series');
    const series: SeriesInput[] = Array.from({ length: 6 }, (_, s) => ({
      id: `s${s}`,
      start: '2024-01-01T00:00:00Z',
      values: Array.from({ length: 24 * 30 }, (_, t) => 50 + s * 10 + 0.2 * t + 10 * Math.sin((2 * Math.PI * t) / 24) + rng.normal(0, 1)),
    }));
    const { evaluation } = evaluateForecasters(series, { horizon: 24 });
    expect(evaluation.mean.mase).toBeLessThan(evaluation.mean.seasonal_naive_mase * 0.8);
    expect(evaluation.model_wins).toBe(6);
    expect(evaluation.series).toHaveLength(6);
  });
  it('refuses series too short for its lags', () => {
    expect(() => evaluateForecasters([{ id: 'x', values: Array.from({ length: 100 }, (_, i) => i) }])).toThrow(/series too short/);
  });
});
