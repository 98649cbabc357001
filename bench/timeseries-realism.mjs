// Bench: offline series generation speed (10,000 × 720) and electricity realism against the real-data profile.
// Usage: npm run build && node bench/timeseries-realism.mjs [--count 10000] [--per-type 200]
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({ options: { count: { type: 'string', default: '10000' }, 'per-type': { type: 'string', default: '200' } } });
const dist = (p) => import(resolve(root, 'dist', p));
const { generateSeries, seriesTypeNames } = await dist('providers/offline/timeseries/index.js');
const { createRng } = await dist('util/rng.js');
const stats = await dist('metrics/series-stats.js');
const profile = JSON.parse(readFileSync(resolve(root, 'data/electricity-profile.json'), 'utf8'));

const START = '2024-01-01T00:00:00Z';
const spec = (i, type, length = 720, frequency = '1H') => ({ index: i, series_id: `b-${i}`, domain: '', series_type: type, frequency, start: START, length });

// --- speed: the mix of all 16 types, one rng per item as the step does -------------------------------
const types = seriesTypeNames();
const count = Number(args.count);
for (let i = 0; i < 200; i++) generateSeries(spec(i, types[i % types.length]), createRng(1, 'warm', i)); // JIT warm-up
const times = [];
let bytes = 0;
for (let run = 0; run < 3; run++) {
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < count; i++) {
    const s = generateSeries(spec(i, types[i % types.length]), createRng(42, 'series', i));
    if (run === 0) bytes += JSON.stringify(s).length + 1;
  }
  times.push(Number(process.hrtime.bigint() - t0) / 1e9);
}
times.sort((a, b) => a - b);
// Peer in the same run: the floor any generator pays — one seeded normal draw per point, rounded into an array.
const floor = [];
for (let run = 0; run < 3; run++) {
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < count; i++) {
    const rng = createRng(42, 'floor', i);
    const out = new Array(720);
    for (let k = 0; k < 720; k++) out[k] = Math.round(rng.normal() * 100) / 100;
  }
  floor.push(Number(process.hrtime.bigint() - t0) / 1e9);
}
floor.sort((a, b) => a - b);
console.log(`peer: one seeded normal draw per point, rounded: median ${floor[1].toFixed(2)} s; generator/peer = ${(times[1] / floor[1]).toFixed(1)}x`);
console.log(`speed: ${count} series x 720 points, all 16 types: median ${times[1].toFixed(2)} s (runs ${times.map((t) => t.toFixed(2)).join(', ')}), ` +
  `${((count * 720) / times[1] / 1e6).toFixed(2)} M points/s, JSONL ${(bytes / 1e6).toFixed(1)} MB`);

// --- realism: electricity types vs the real series' ranges ------------------------------------------
const perType = Number(args['per-type']);
const metrics = ['cv', 'acf1', 'acf24', 'acf168', 'weekend_ratio', 'peak_hour_tv'];
const fmt = (x) => (Math.abs(x) >= 100 ? x.toFixed(0) : x.toFixed(3));
const rows = [];
const peakRows = [];
for (const type of ['residential_consumption', 'commercial_consumption', 'industrial_load', 'grid_demand']) {
  const sums = Object.fromEntries(metrics.map((m) => [m, []]));
  const pooled = new Array(24).fill(0);
  for (let i = 0; i < perType; i++) {
    const s = generateSeries(spec(i, type), createRng(7, type, i));
    const sum = stats.summarize(s.target, s.start, 1);
    sums.cv.push(sum.cv);
    sums.acf1.push(sum.acf1);
    sums.acf24.push(sum.acf24);
    sums.acf168.push(sum.acf168);
    sums.weekend_ratio.push(sum.weekendRatio);
    sums.peak_hour_tv.push(stats.totalVariation(sum.peakHours, profile.peak_hour_histogram));
    sum.peakHours.forEach((v, h) => (pooled[h] += v / perType));
  }
  for (const m of metrics) {
    const g = stats.range(sums[m]);
    const real = profile.ranges[m];
    const inMinMax = sums[m].filter((v) => v >= real.min && v <= real.max).length / perType;
    const inP = sums[m].filter((v) => v >= real.p10 && v <= real.p90).length / perType;
    rows.push(`| ${type} | ${m} | ${fmt(g.p10)} / ${fmt(g.median)} / ${fmt(g.p90)} | ${fmt(real.min)} … ${fmt(real.p10)} / ${fmt(real.median)} / ${fmt(real.p90)} … ${fmt(real.max)} | ${(100 * inMinMax).toFixed(0)} % | ${(100 * inP).toFixed(0)} % |`);
  }
  const top = pooled.map((v, h) => [h, v]).sort((a, b) => b[1] - a[1]).slice(0, 3).map(([h, v]) => `${h}h ${(100 * v).toFixed(0)}%`).join(', ');
  peakRows.push(`| ${type} | ${top} | ${stats.totalVariation(pooled, profile.peak_hour_histogram).toFixed(3)} |`);
}
const realTop = profile.peak_hour_histogram.map((v, h) => [h, v]).sort((a, b) => b[1] - a[1]).slice(0, 3).map(([h, v]) => `${h}h ${(100 * v).toFixed(0)}%`).join(', ');
console.log(`\nrealism: ${perType} generated series per type, 720 h from ${START}, vs ${profile.source.series} real series x ${profile.source.hours} h`);
console.log('| type | stat | generated p10 / median / p90 | real min … p10 / median / p90 … max | in real [min,max] | in real [p10,p90] |');
console.log('| --- | --- | --- | --- | --- | --- |');
console.log(rows.join('\n'));
console.log(`\npeak hour of the day (share of days), pooled per type; real pooled: ${realTop}`);
console.log('| type | top peak hours | TV distance to real pooled |');
console.log('| --- | --- | --- |');
console.log(peakRows.join('\n'));
