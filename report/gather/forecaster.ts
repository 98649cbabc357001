// A stored forecaster's scores and one forecast drawn over actuals: the saved model applied to a stored series.
import { readFileSync } from 'node:fs';
import { forecastRidge, seasonalNaiveForecast, type RidgeForecaster } from '../../ml/forecast.js';
import { readJsonl } from '../../util/tabular.js';
import type { Series } from '../../util/records.js';

export interface ForecasterData {
  metrics: {
    model: string;
    horizon: number;
    series: number;
    mean: Record<string, number>;
    ridge_beats_seasonal_naive: number;
    per_series: Array<{ id: string; ridge_mase: number; ridge_smape: number; seasonal_naive_mase: number; seasonal_naive_smape: number }>;
  };
  /** The last points of one series with both forecasts of its final `horizon` points, when the series was stored. */
  example?: { id: string; start: number; actual: number[]; ridge?: number[]; naive: number[] };
}

export async function gatherForecaster(metricsFile: string, modelFile: string | undefined, seriesFile: string | undefined): Promise<ForecasterData> {
  const metrics = JSON.parse(readFileSync(metricsFile, 'utf8')) as ForecasterData['metrics'];
  const data: ForecasterData = { metrics };
  const first = metrics.per_series[0]?.id;
  if (!first || !seriesFile) return data;
  let series: Series | undefined;
  for await (const s of readJsonl<Series>(seriesFile, { onInvalid: 'skip' })) if (s.series_id === first) { series = s; break; }
  if (!series) return data;
  const model = modelFile ? (JSON.parse(readFileSync(modelFile, 'utf8')) as RidgeForecaster & { kind: string; options: RidgeForecaster['options'] }) : undefined;
  const horizon = metrics.horizon;
  const values = series.target;
  const cut = values.length - horizon;
  const season = model?.options.season ?? 24;
  const shown = Math.min(values.length, horizon * 5);
  data.example = {
    id: series.series_id,
    start: values.length - shown,
    actual: values.slice(values.length - shown),
    naive: seasonalNaiveForecast(values.slice(0, cut), horizon, season),
    ridge: model?.kind === 'ridge' ? forecastRidge(model, { id: series.series_id, values, start: series.start }, cut) : undefined,
  };
  return data;
}
