// Bench: train/intent-classifier's work on quickstart-like data (customer turns of conversations.jsonl, 80/20 split), timed.
// Usage: node bench/ml-quickstart-train.mjs <conversations.jsonl> [runs]   (after `npx tsc`; ML_OPTS='{"tol":0.001}' to try options)
// Get the file with `node bin/genesis.js run pipelines/quickstart.yaml --until generate` in a scratch copy of pipelines/.
import { readFileSync } from 'node:fs';
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const tc = await import(resolve(root, 'dist/ml/text-classifier.js'));
const path = process.argv[2];
if (!path) throw new Error('usage: node bench/ml-quickstart-train.mjs <conversations.jsonl> [runs]');
const runs = Number(process.argv[3] ?? 1);
const convs = readFileSync(path, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const texts = convs.map((c) => c.turns.filter((t) => t.speaker === 'customer').map((t) => t.text).join('\n'));
const labels = convs.map((c) => c.intent);
const { train, test } = tc.stratifiedSplit(labels, 0.2, 42);
const opts = JSON.parse(process.env.ML_OPTS ?? '{}');
for (let r = 0; r < runs; r++) {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const model = await tc.trainTextClassifier(train.map((i) => texts[i]), train.map((i) => labels[i]), opts);
  const wall = (performance.now() - t0) / 1000;
  const cu = process.cpuUsage(c0);
  const ev = tc.evaluate(test.map((i) => labels[i]), tc.predict(model, test.map((i) => texts[i])));
  console.log(JSON.stringify({
    opts, train_rows: train.length, features: model.training.features, iterations: model.training.iterations,
    evaluations: model.training.evaluations, train_seconds: +wall.toFixed(2), cpu_seconds: +((cu.user + cu.system) / 1e6).toFixed(2),
    accuracy: +ev.accuracy.toFixed(4), macro_f1: +ev.macro_f1.toFixed(4),
  }));
}
