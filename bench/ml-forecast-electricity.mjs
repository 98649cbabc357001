// Bench: global ridge forecaster vs seasonal naive on the last 24 h of the 100 real electricity series (run after `npx tsc`).
// Usage: node bench/ml-forecast-electricity.mjs [path/to/hourly.csv]
import { readFileSync } from 'node:fs';
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const csvPath = resolve(process.argv[2] ?? process.env.ELECTRICITY_CSV ?? resolve(root, '../shared/datasets/electricity/hourly.csv'));
const { evaluateForecasters } = await import(resolve(root, 'dist/ml/forecast.js'));
const rows = parse(readFileSync(csvPath), { columns: true, skip_empty_lines: true });
const cols = Object.keys(rows[0]).filter((c) => c !== 'timestamp');
const series = cols.map((c) => ({ id: c, start: rows[0].timestamp, values: rows.map((r) => Number(r[c])) }));
const opts = JSON.parse(process.env.FC_OPTS ?? '{}');
const t0 = performance.now();
const { model, evaluation } = evaluateForecasters(series, opts);
const seconds = (performance.now() - t0) / 1000;
const m = evaluation.mean;
console.log(JSON.stringify({
  series: series.length,
  hours: rows.length,
  horizon: evaluation.horizon,
  training_rows: model.rows,
  fit_and_eval_seconds: +seconds.toFixed(2),
  ridge_mase: +m.mase.toFixed(4),
  seasonal_naive_mase: +m.seasonal_naive_mase.toFixed(4),
  ridge_smape: +m.smape.toFixed(2),
  seasonal_naive_smape: +m.seasonal_naive_smape.toFixed(2),
  ridge_wins: `${evaluation.model_wins}/${evaluation.series.length}`,
}));
