// Hourly forecasting: a seasonal-naive baseline and a global ridge model on normalised lags, evaluated by MASE and sMAPE.
import { RidgeAccumulator } from './ridge.js';
import { mase, smape } from './forecast-metrics.js';

export interface SeriesInput {
  id: string;
  values: number[];
  /** ISO-8601 time of the first value; hour-of-day and day-of-week features come from it (else from the index). */
  start?: string;
}

export interface ForecastOptions {
  horizon: number;
  /** Seasonal period (hours in a day for hourly data): the naive baseline's lag and MASE's scale. */
  season: number;
  /** Recent values used as features: y[t], y[t-1], … y[t-lags+1]. */
  lags: number;
  /** The value one week before each target (168 for hourly data); 0 turns it off. */
  weekly_lag: number;
  /** Ridge penalty on normalised features. */
  alpha: number;
}

export const defaultForecastOptions: ForecastOptions = { horizon: 24, season: 24, lags: 48, weekly_lag: 168, alpha: 1 };

/** One model for all series (a "global" model), each series scaled by its own mean and standard deviation. */
export interface RidgeForecaster {
  kind: 'ridge';
  options: ForecastOptions;
  features: number;
  /** [features x horizon], row-major. */
  coefficients: number[];
  rows: number;
}

export interface SeriesScores {
  id: string;
  mase: number;
  smape: number;
  seasonal_naive_mase: number;
  seasonal_naive_smape: number;
}

export interface ForecastEvaluation {
  horizon: number;
  series: SeriesScores[];
  /** Means over the series whose MASE is defined. */
  mean: { mase: number; smape: number; seasonal_naive_mase: number; seasonal_naive_smape: number };
  /** Series where the model's MASE beats the seasonal naive one. */
  model_wins: number;
}

/** y[T+h] = y[T+h-season], repeating the last season for horizons longer than it. */
export function seasonalNaiveForecast(history: ArrayLike<number>, horizon: number, season = 24): number[] {
  const n = history.length;
  return Array.from({ length: horizon }, (_, h) => history[n - season + (h % season)] as number);
}

interface Scaled {
  z: Float64Array;
  mean: number;
  std: number;
  /** Hour of day and day of week of each index. */
  hour: Int8Array;
  dow: Int8Array;
  nonNegative: boolean;
}

function scale(values: ArrayLike<number>, start: string | undefined, upTo: number): Scaled {
  let mean = 0;
  for (let i = 0; i < upTo; i++) mean += values[i] as number;
  mean /= upTo;
  let v = 0;
  let nonNegative = true;
  for (let i = 0; i < upTo; i++) {
    v += ((values[i] as number) - mean) ** 2;
    if ((values[i] as number) < 0) nonNegative = false;
  }
  const std = Math.sqrt(v / upTo) || 1;
  const n = values.length;
  const z = new Float64Array(n);
  for (let i = 0; i < n; i++) z[i] = ((values[i] as number) - mean) / std;
  const t0 = start ? Date.parse(start) : NaN;
  const hour = new Int8Array(n);
  const dow = new Int8Array(n);
  for (let i = 0; i < n; i++) {
    if (Number.isFinite(t0)) {
      const d = new Date(t0 + i * 3_600_000);
      hour[i] = d.getUTCHours();
      dow[i] = d.getUTCDay();
    } else {
      hour[i] = i % 24;
      dow[i] = Math.floor(i / 24) % 7;
    }
  }
  return { z, mean, std, hour, dow, nonNegative };
}

function featureCount(o: ForecastOptions): number {
  return o.lags + (o.weekly_lag > 0 ? o.horizon : 0) + 24 + 7 + 1;
}

/** Features at origin t (the last observed index), predicting t+1 … t+horizon. */
function features(s: Scaled, t: number, o: ForecastOptions, x: Float64Array): void {
  x.fill(0);
  let f = 0;
  for (let l = 0; l < o.lags; l++) x[f++] = s.z[t - l] as number;
  if (o.weekly_lag > 0) for (let h = 1; h <= o.horizon; h++) x[f++] = s.z[t + h - o.weekly_lag] as number;
  x[f + (s.hour[t] as number)] = 1;
  f += 24;
  x[f + (s.dow[t] as number)] = 1;
  f += 7;
  x[f] = 1;
}

function firstOrigin(o: ForecastOptions): number {
  return Math.max(o.lags - 1, o.weekly_lag > 0 ? o.weekly_lag - 1 : 0);
}

/** Fits the global ridge model on every origin whose targets lie in the first `upTo[i]` values of series i. */
export function fitRidgeForecaster(series: readonly SeriesInput[], opts: Partial<ForecastOptions> = {}, upTo?: readonly number[]): RidgeForecaster {
  const o: ForecastOptions = { ...defaultForecastOptions, ...opts };
  if (o.weekly_lag > 0 && o.weekly_lag < o.horizon) throw new RangeError(`weekly_lag ${o.weekly_lag} < horizon ${o.horizon} would put values after the forecast origin into the features`);
  const p = featureCount(o);
  const acc = new RidgeAccumulator(p, o.horizon);
  const x = new Float64Array(p);
  const y = new Float64Array(o.horizon);
  series.forEach((s, i) => {
    const end = upTo?.[i] ?? s.values.length;
    if (end < 2) return;
    const sc = scale(s.values, s.start, end);
    for (let t = firstOrigin(o); t + o.horizon < end; t++) {
      features(sc, t, o, x);
      for (let h = 0; h < o.horizon; h++) y[h] = sc.z[t + 1 + h] as number;
      acc.add(x, y);
    }
  });
  if (acc.rows === 0) {
    throw new RangeError(`series too short: need more than ${firstOrigin(o) + o.horizon + 1} values for lags ${o.lags}, weekly lag ${o.weekly_lag}, horizon ${o.horizon}`);
  }
  return { kind: 'ridge', options: o, features: p, coefficients: Array.from(acc.solve(o.alpha, p - 1)), rows: acc.rows };
}

/** Forecasts the `horizon` values after the first `upTo` values (default: after the whole series). */
export function forecastRidge(model: RidgeForecaster, s: SeriesInput, upTo = s.values.length): number[] {
  const o = model.options;
  if (upTo <= firstOrigin(o)) return seasonalNaiveForecast(s.values.slice(0, upTo), o.horizon, o.season);
  const sc = scale(s.values, s.start, upTo);
  const x = new Float64Array(model.features);
  features(sc, upTo - 1, o, x);
  const out: number[] = [];
  for (let h = 0; h < o.horizon; h++) {
    let z = 0;
    for (let j = 0; j < model.features; j++) z += (x[j] as number) * (model.coefficients[j * o.horizon + h] as number);
    const v = z * sc.std + sc.mean;
    out.push(sc.nonNegative ? Math.max(0, v) : v);
  }
  return out;
}

/** Holds out the last `horizon` values of each series, fits on the rest, and scores model and seasonal naive. */
export function evaluateForecasters(series: readonly SeriesInput[], opts: Partial<ForecastOptions> = {}): { model: RidgeForecaster; evaluation: ForecastEvaluation } {
  const o: ForecastOptions = { ...defaultForecastOptions, ...opts };
  const cut = series.map((s) => s.values.length - o.horizon);
  const model = fitRidgeForecaster(series, o, cut);
  const scores: SeriesScores[] = series.map((s, i) => {
    const end = cut[i] as number;
    const history = s.values.slice(0, end);
    const actual = s.values.slice(end);
    const f = forecastRidge(model, s, end);
    const naive = seasonalNaiveForecast(history, o.horizon, o.season);
    return {
      id: s.id,
      mase: mase(actual, f, history, o.season),
      smape: smape(actual, f),
      seasonal_naive_mase: mase(actual, naive, history, o.season),
      seasonal_naive_smape: smape(actual, naive),
    };
  });
  const ok = scores.filter((s) => Number.isFinite(s.mase) && Number.isFinite(s.seasonal_naive_mase));
  const avg = (k: keyof Omit<SeriesScores, 'id'>) => (ok.length ? ok.reduce((a, s) => a + s[k], 0) / ok.length : NaN);
  return {
    model,
    evaluation: {
      horizon: o.horizon,
      series: scores,
      mean: { mase: avg('mase'), smape: avg('smape'), seasonal_naive_mase: avg('seasonal_naive_mase'), seasonal_naive_smape: avg('seasonal_naive_smape') },
      model_wins: ok.filter((s) => s.mase < s.seasonal_naive_mase).length,
    },
  };
}
