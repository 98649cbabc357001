// Bench for filter/timeseries: time against validate/timeseries on the same generated series (same run), and what
// each rule removes from the offline generator's output.
// Usage: npx tsc -p tsconfig.json && node scripts/build-validators.mjs && node bench/filter-timeseries.mjs [count=5000]
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { runJson, tempPipeline } from './lib/genesis-run.mjs';

const count = Number(process.argv[2] ?? 5000);
const rows = [];
for (const [label, domains, realism] of [
  ['all 4 domains, realism off', '{ electricity: 1, energy: 1, sensors: 1, financial: 1 }', 'false'],
  ['electricity only, realism 0.6', '{ electricity: 1 }', '0.6'],
]) {
  const { dir, file } = tempPipeline('genesis-bench-filter-ts-', `name: b
seed: 42
steps:
  generate:
    uses: generate/timeseries
    with: { count: ${count}, domains: ${domains}, length: 720 }
  filter:
    uses: filter/timeseries
    needs: [generate]
    with: { realism: ${realism} }
  validate:
    uses: validate/timeseries
    needs: [generate]
`);
  const steps = runJson(file, ['--concurrency', '1']);
  const report = JSON.parse(readFileSync(join(dir, 'out/b/filter/filter.json'), 'utf8'));
  const f = steps.filter.durationMs;
  const v = steps.validate.durationMs;
  const removed = Object.entries(report.rules).map(([k, x]) => `${k} ${x.enabled ? x.removed : 'off'}`).join(', ');
  rows.push(`| ${count.toLocaleString('en-US')} series × 720 points, ${label} | ${Math.round(f).toLocaleString('en-US')} ms (${((f * 1000) / count).toFixed(0)} µs/series) | ${Math.round(v).toLocaleString('en-US')} ms | ${(f / v).toFixed(2)} | ${report.kept} kept; ${removed} |`);
  rmSync(dir, { recursive: true, force: true });
}
console.log('| data | filter/timeseries | validate/timeseries | filter / validate | removed |');
console.log('| --- | --- | --- | --- | --- |');
for (const r of rows) console.log(r);
