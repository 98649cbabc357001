// Bench: is the npm package ml-logistic-regression fit for Banking77? Times a few of its steps on our TF-IDF features and extrapolates.
// Usage: node bench/ml-logreg-npm.mjs <scratch-dir-with-node_modules> [train.csv] [steps]   (install it there, never in the project)
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse } from 'csv-parse/sync';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const scratch = resolve(process.argv[2] ?? '/tmp/mlr');
const csvPath = resolve(process.argv[3] ?? resolve(root, '../shared/datasets/banking77/train.csv'));
const steps = Number(process.argv[4] ?? 3);
const req = createRequire(resolve(scratch, 'package.json'));
const LogisticRegression = (await import(pathToFileURL(req.resolve('ml-logistic-regression')).href)).default;
const { Matrix } = await import(pathToFileURL(req.resolve('ml-matrix')).href);
const { fitTfidf, TfidfVectorizer } = await import(resolve(root, 'dist/ml/tfidf.js'));
const { stratifiedSplit } = await import(resolve(root, 'dist/ml/split.js'));

const rows = parse(readFileSync(csvPath), { columns: true, skip_empty_lines: true, bom: true });
const labels = rows.map((r) => r.category);
const { train } = stratifiedSplit(labels, 0.2, 42);
const texts = train.map((i) => rows[i].text);
const X = new TfidfVectorizer(fitTfidf(texts)).transform(texts);
const classes = [...new Set(labels)].sort();
const rss0 = process.memoryUsage().rss;
const t0 = performance.now();
// The package only takes dense matrices: densify (this alone is rows x features doubles).
const dense = new Matrix(X.rows, X.cols);
for (let i = 0; i < X.rows; i++) for (let p = X.indptr[i]; p < X.indptr[i + 1]; p++) dense.set(i, X.indices[p], X.values[p]);
const densifyS = (performance.now() - t0) / 1000;
const y = Matrix.columnVector(train.map((i) => classes.indexOf(labels[i])));
// Two classes' worth of one-vs-all is enough to time a step; the package trains one binary model per class.
const two = y.to1DArray().map((c) => (c === 0 ? 0 : 1));
const lr = new LogisticRegression({ numSteps: steps, learningRate: 5e-4 });
const t1 = performance.now();
lr.train(dense, Matrix.columnVector(two));
const perStepPerClass = (performance.now() - t1) / 1000 / (2 * steps);
const defaultSteps = 50000;
console.log(JSON.stringify({
  peer: 'ml-logistic-regression 2.0.0',
  rows: X.rows,
  features: X.cols,
  dense_matrix_gb: +((X.rows * X.cols * 8) / 1e9).toFixed(2),
  rss_growth_gb: +((process.memoryUsage().rss - rss0) / 1e9).toFixed(2),
  densify_seconds: +densifyS.toFixed(1),
  seconds_per_step_per_class: +perStepPerClass.toFixed(3),
  extrapolated_hours_default_50000_steps_77_classes: +((perStepPerClass * defaultSteps * classes.length) / 3600).toFixed(0),
}));
