// The heavy half of train/forecaster, imported only when the step runs.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError, StepFailure } from '../../util/errors.js';
import { readJsonl, readWideCsv } from '../../util/tabular.js';
import { filesNamed } from '../shared/dataset-source.js';
import type { Series } from '../../util/records.js';
import type { StepContext, StepInput, StepResult } from '../contract.js';
import type { SeriesInput } from '../../ml/forecast.js';

export interface ForecasterParams {
  input?: string;
  horizon: number;
  model: 'ridge' | 'seasonal_naive';
  season: number;
  lags: number;
  weekly_lag: number;
  alpha: number;
}

export async function runForecaster(ctx: StepContext<ForecasterParams>): Promise<StepResult> {
  const p = ctx.params;
  const { evaluateForecasters, fitRidgeForecaster } = await import('../../ml/forecast.js');
  const series = p.input ? await seriesFromCsv(p.input) : await seriesFromInputs(ctx.inputs);
  const usable = series.filter((s) => s.values.length > p.horizon + p.season);
  if (usable.length === 0) throw new StepFailure(`no series is longer than horizon + season (${p.horizon + p.season} points)`);
  if (usable.length < series.length) ctx.log.warn(`${series.length - usable.length} series too short to score were skipped`);
  const opts = { horizon: p.horizon, season: p.season, lags: p.lags, weekly_lag: p.weekly_lag, alpha: p.alpha };
  let result;
  try {
    result = evaluateForecasters(usable, opts);
  } catch (e) {
    if (e instanceof RangeError) throw new StepFailure(e.message);
    throw e;
  }
  const { evaluation } = result;
  // Both fits are synchronous: one turn of the event loop between them lets a Ctrl-C land before the second.
  await new Promise<void>((resolve) => setImmediate(resolve));
  ctx.signal.throwIfAborted();
  // The saved model is refitted on whole series: the held-out points only served to score it.
  const forecaster = p.model === 'ridge' ? fitRidgeForecaster(usable, opts) : { kind: 'seasonal_naive', options: opts };
  writeFileSync(join(ctx.outDir, 'forecaster.json'), JSON.stringify({ format: 'genesis/forecaster', format_version: 1, ...forecaster }) + '\n');
  const r = (x: number) => Math.round(x * 1e6) / 1e6;
  const chosen = p.model === 'ridge' ? { mase: evaluation.mean.mase, smape: evaluation.mean.smape } : { mase: evaluation.mean.seasonal_naive_mase, smape: evaluation.mean.seasonal_naive_smape };
  const metrics = {
    model: p.model,
    horizon: p.horizon,
    series: usable.length,
    mean: {
      mase: r(chosen.mase),
      smape: r(chosen.smape),
      ridge_mase: r(evaluation.mean.mase),
      ridge_smape: r(evaluation.mean.smape),
      seasonal_naive_mase: r(evaluation.mean.seasonal_naive_mase),
      seasonal_naive_smape: r(evaluation.mean.seasonal_naive_smape),
    },
    ridge_beats_seasonal_naive: evaluation.model_wins,
    per_series: evaluation.series.map((s) => ({
      id: s.id,
      ridge_mase: r(s.mase),
      ridge_smape: r(s.smape),
      seasonal_naive_mase: r(s.seasonal_naive_mase),
      seasonal_naive_smape: r(s.seasonal_naive_smape),
    })),
  };
  writeFileSync(join(ctx.outDir, 'metrics.json'), JSON.stringify(metrics, null, 2) + '\n');
  return {
    summary: `MASE ${chosen.mase.toFixed(3)} (seasonal naive ${evaluation.mean.seasonal_naive_mase.toFixed(3)}) on ${usable.length} series, last ${p.horizon} points`,
    metrics: { mase: chosen.mase, smape: chosen.smape, seasonal_naive_mase: evaluation.mean.seasonal_naive_mase },
  };
}

/** Wide layout: `timestamp,col1,col2…`, one row per time step; every other column is a series. */
async function seriesFromCsv(path: string): Promise<SeriesInput[]> {
  return (await readWideCsv(path)).map((c) => ({ id: c.id, start: c.start, values: c.values }));
}

async function seriesFromInputs(inputs: readonly StepInput[]): Promise<SeriesInput[]> {
  const files = filesNamed(inputs, 'series.jsonl');
  if (files.length === 0) throw new InputError('train/forecaster needs `with.input` or an upstream step (in `needs`) that outputs series.jsonl');
  const out: SeriesInput[] = [];
  for (const f of files) {
    for await (const s of readJsonl<Series>(f)) out.push({ id: s.series_id, start: s.start, values: s.target });
  }
  return out;
}
