// Bench: genesis's TF-IDF + softmax intent classifier on a stratified 80/20 split of real Banking77 (run after `npx tsc`).
// Usage: node bench/ml-banking77.mjs [path/to/train.csv] [--json]
import { readFileSync } from 'node:fs';
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const csvPath = resolve(args[0] ?? process.env.BANKING77_CSV ?? resolve(root, '../shared/datasets/banking77/train.csv'));
const tc = await import(resolve(root, 'dist/ml/text-classifier.js'));
const { serializeTextClassifier } = await import(resolve(root, 'dist/ml/model-file.js'));

const rows = parse(readFileSync(csvPath), { columns: true, skip_empty_lines: true, bom: true });
const texts = rows.map((r) => r.text);
const labels = rows.map((r) => r.category);
const { train, test } = tc.stratifiedSplit(labels, 0.2, 42);
const opts = JSON.parse(process.env.ML_OPTS ?? '{}');

let peak = 0;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
const t0 = performance.now();
const model = await tc.trainTextClassifier(train.map((i) => texts[i]), train.map((i) => labels[i]), opts);
const trainS = (performance.now() - t0) / 1000;
peak = Math.max(peak, process.memoryUsage().rss);
const testTexts = test.map((i) => texts[i]);
const pred = tc.predict(model, testTexts);
const ev = tc.evaluate(test.map((i) => labels[i]), pred);
// Prediction speed on 10,000 texts (the test texts repeated): the figure a user of `genesis predict` feels.
const many = Array.from({ length: 10000 }, (_, i) => testTexts[i % testTexts.length]);
const t1 = performance.now();
tc.predict(model, many);
const predictS = (performance.now() - t1) / 1000;
clearInterval(sampler);
const out = {
  peer: 'genesis',
  train_rows: train.length,
  test_rows: test.length,
  features: model.training.features,
  iterations: model.training.iterations,
  evaluations: model.training.evaluations,
  stop_reason: model.training.stop_reason,
  train_seconds: +trainS.toFixed(2),
  predict_10k_seconds: +predictS.toFixed(3),
  accuracy: +ev.accuracy.toFixed(4),
  macro_f1: +ev.macro_f1.toFixed(4),
  peak_rss_mb: Math.round(peak / 1e6),
  model_json_mb: +(serializeTextClassifier(model).length / 1e6).toFixed(1),
};
console.log(JSON.stringify(out));
