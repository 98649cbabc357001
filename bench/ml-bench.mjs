// Bench runner: scikit-learn and genesis on the same Banking77 split, one after the other in the same run; prints the ratios.
// Usage: node bench/ml-bench.mjs [train.csv]   (needs `npx tsc` first and python3 with scikit-learn, e.g. apt-get install python3-sklearn)
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const csvPath = resolve(process.argv[2] ?? resolve(root, '../shared/datasets/banking77/train.csv'));
const python = process.env.PYTHON ?? '/usr/bin/python3';
const { stratifiedSplit } = await import(resolve(root, 'dist/ml/split.js'));
const rows = parse(readFileSync(csvPath), { columns: true, skip_empty_lines: true, bom: true });
const work = resolve(root, 'bench/.work');
mkdirSync(work, { recursive: true });
const splitPath = resolve(work, 'banking77-split.json');
writeFileSync(splitPath, JSON.stringify(stratifiedSplit(rows.map((r) => r.category), 0.2, 42)));

const run = (cmd, args) => JSON.parse(execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 26 }).trim().split('\n').pop());
const sk = run(python, [resolve(root, 'bench/ml-sklearn-banking77.py'), csvPath, splitPath]);
console.log(JSON.stringify(sk));
const ours = run(process.execPath, [resolve(root, 'bench/ml-banking77.mjs'), csvPath]);
console.log(JSON.stringify(ours));
console.log(JSON.stringify({
  train_time_ratio_genesis_over_sklearn: +(ours.train_seconds / sk.train_seconds).toFixed(2),
  accuracy_delta: +(ours.accuracy - sk.accuracy).toFixed(4),
  predict_10k_ratio: +(ours.predict_10k_seconds / sk.predict_10k_seconds).toFixed(2),
}));
