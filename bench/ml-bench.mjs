// Bench runner: converged scikit-learn and `genesis run` (train/intent-classifier) on the same Banking77 split, whole processes timed.
// Usage: node bench/ml-bench.mjs [--split dev|holdout] [train.csv]
//   (needs `npx tsc` first and /usr/bin/python3 with scikit-learn, e.g. apt-get install python3-sklearn)
// Splits (stratified 80/20 of train.csv, `stratifiedSplit`): `dev` is seed 42, the split earlier tuning looked at;
// `holdout` is seed 77077, kept for the final figure only: never use it to choose an option.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

const SEEDS = { dev: 42, holdout: 77077 };
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const splitName = argv.includes('--split') ? argv[argv.indexOf('--split') + 1] : 'dev';
if (!(splitName in SEEDS)) throw new Error(`--split must be one of ${Object.keys(SEEDS).join(', ')}`);
const seed = SEEDS[splitName];
const csvPath = resolve(argv.filter((a, i) => !a.startsWith('--') && argv[i - 1] !== '--split')[0] ?? resolve(root, '../shared/datasets/banking77/train.csv'));
const python = process.env.PYTHON ?? '/usr/bin/python3';
const { stratifiedSplit } = await import(resolve(root, 'dist/ml/split.js'));
const rows = parse(readFileSync(csvPath), { columns: true, skip_empty_lines: true, bom: true });
const split = stratifiedSplit(rows.map((r) => r.category), 0.2, seed);
const work = resolve(root, 'bench/.work');
mkdirSync(work, { recursive: true });
const splitPath = resolve(work, `banking77-split-${splitName}.json`);
writeFileSync(splitPath, JSON.stringify(split));

/** Runs a whole process; wall seconds from spawn to exit. */
function timed(cmd, args, opts = {}) {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 26, ...opts });
  const wall = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}:\n${r.stderr}`);
  return { wall, stdout: r.stdout, stderr: r.stderr };
}

const sk = timed(python, [resolve(root, 'bench/ml-sklearn-banking77.py'), csvPath, splitPath]);
const skOut = JSON.parse(sk.stdout.trim().split('\n').pop());
if (sk.stderr.trim()) console.log(`scikit-learn stderr: ${sk.stderr.trim()}`);
const skResult = { ...skOut, split: splitName, seed, process_seconds: +sk.wall.toFixed(2) };
console.log(JSON.stringify(skResult));

// genesis as a user runs it: the real step through the CLI, on the same rows (the step's own split from `seed`).
const dir = mkdtempSync(join(tmpdir(), 'genesis-bench-banking77-'));
writeFileSync(join(dir, 'pipeline.yaml'), `name: banking77
seed: ${seed}
steps:
  train:
    uses: train/intent-classifier
    with: { input: ${JSON.stringify(csvPath)}, label_column: category, test_fraction: 0.2, seed: ${seed} }
`);
const g = timed(process.execPath, [resolve(root, 'bin/genesis.js'), 'run', join(dir, 'pipeline.yaml'), '--force'], { cwd: dir });
const metrics = JSON.parse(readFileSync(join(dir, 'out/banking77/train/metrics.json'), 'utf8'));
const ours = {
  peer: 'genesis run (train/intent-classifier)',
  split: splitName,
  seed,
  train_rows: split.train.length,
  test_rows: metrics.held_out.n,
  features: metrics.training.features,
  iterations: metrics.training.iterations,
  stop_reason: metrics.training.stop_reason,
  accuracy: +metrics.held_out.accuracy.toFixed(4),
  macro_f1: +metrics.held_out.macro_f1.toFixed(4),
  process_seconds: +g.wall.toFixed(2),
};
console.log(JSON.stringify(ours));
console.log(JSON.stringify({
  split: splitName,
  accuracy_delta_genesis_minus_sklearn: +(ours.accuracy - skResult.accuracy).toFixed(4),
  process_time_ratio_genesis_over_sklearn: +(ours.process_seconds / skResult.process_seconds).toFixed(2),
}));
