// Bench: validate/timeseries realism ceiling: real electricity series (half) against the other half as reference.
// Usage: npx tsc -p tsconfig.json && node bench/quality-timeseries.mjs  (ELECTRICITY=path overrides the CSV path)
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const csv = process.env.ELECTRICITY ?? join(root, '..', 'shared', 'datasets', 'electricity', 'hourly.csv');
if (!existsSync(csv)) {
  console.log(`skipped: no electricity data at ${csv}`);
  process.exit(0);
}
const { createRng } = await import(join(root, 'dist/util/rng.js'));
const step = (await import(join(root, 'dist/steps/validate-timeseries/index.js'))).default;
const lines = readFileSync(csv, 'utf8').trim().split('\n');
const header = lines[0].split(',');
const rows = lines.slice(1).map((l) => l.split(','));
const dir = mkdtempSync(join(tmpdir(), 'genesis-ts-bench-'));
const refCols = header.map((_, j) => j).filter((j) => j === 0 || j % 2 === 1);
writeFileSync(join(dir, 'ref.csv'), rows.map((r) => refCols.map((j) => r[j]).join(',')).concat().reduce((a, l) => a + l + '\n', refCols.map((j) => header[j]).join(',') + '\n'));
const series = header.map((h, j) => ({ h, j })).filter(({ j }) => j > 0 && j % 2 === 0).map(({ h, j }) => ({
  series_id: h, domain: 'electricity', series_type: 'grid_demand', frequency: '1H', start: rows[0][0], length: rows.length,
  target: rows.map((r) => Number(r[j])), unit: 'kWh', seasonality_types: [], trend_type: 'none',
}));
writeFileSync(join(dir, 'series.jsonl'), series.map((s) => JSON.stringify(s)).join('\n') + '\n');
for (const reference of [join(dir, 'ref.csv'), undefined]) {
  const outDir = mkdtempSync(join(tmpdir(), 'genesis-ts-out-'));
  await step.run({ stepId: 'b', params: { reference, max_compared_series: 1000, gates: {} }, seed: 42, outDir, pipelineDir: root, resolvePath: (p) => resolve(root, p),
    inputs: [{ stepId: 'g', uses: 'x', dir, files: ['series.jsonl'], outputHash: 'x' }], rng: (...l) => createRng(42, 'step', ...l), progress() {}, log: { info() {}, warn() {} }, signal: new AbortController().signal });
  const q = JSON.parse(readFileSync(join(outDir, 'quality.json'), 'utf8'));
  console.log(JSON.stringify({ reference: reference ? 'other half (CSV)' : 'shipped profile', series: q.series, consistency: q.scores.consistency, realism: q.realism }));
}
