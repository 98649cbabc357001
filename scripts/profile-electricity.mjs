// Summarises the real electricity reference series into data/electricity-profile.json (stats only, no raw data).
// Usage: npm run build && node scripts/profile-electricity.mjs [path/to/hourly.csv] [out.json]
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const csvPath = resolve(process.argv[2] ?? resolve(root, '../shared/datasets/electricity/hourly.csv'));
const outPath = resolve(process.argv[3] ?? resolve(root, 'data/electricity-profile.json'));

// The statistics live in TypeScript; reuse the compiled module so the profile and the checks agree.
let stats;
try {
  stats = await import(resolve(root, 'dist/metrics/series-stats.js'));
} catch {
  console.error('dist/metrics/series-stats.js not found: run `npm run build` first.');
  process.exit(2);
}

const rows = parse(readFileSync(csvPath, 'utf8'), { columns: false, skip_empty_lines: true });
const header = rows[0];
const body = rows.slice(1);
const start = body[0][0];
const names = header.slice(1);
const series = names.map((_, j) => body.map((r) => (r[j + 1] === '' ? Number.NaN : Number(r[j + 1]))));

const sig = (x) => (Number.isFinite(x) ? Number(x.toPrecision(4)) : null);
const roundRange = (r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, sig(v)]));
const average = (vectors) => vectors[0].map((_, i) => vectors.reduce((s, v) => s + v[i], 0) / vectors.length);

const summaries = series.map((x) => stats.summarize(x, start, 1));
const pooledPeak = average(summaries.map((s) => s.peakHours));
const field = (k) => summaries.map((s) => s[k]);

const profile = {
  description:
    'Summary statistics of the real hourly electricity reference series (UCI ElectricityLoadDiagrams20112014, ' +
    'LSTNet hourly version, CC BY 4.0). Ranges are across series; shapes are per-series normalised then averaged. ' +
    'Hours and weekdays are UTC (= local time in the window). Regenerate with scripts/profile-electricity.mjs.',
  source: { series: series.length, hours: body.length, start, end: body[body.length - 1][0], frequency: '1H' },
  ranges: {
    mean: roundRange(stats.range(field('mean'))),
    cv: roundRange(stats.range(field('cv'))),
    acf1: roundRange(stats.range(field('acf1'))),
    acf24: roundRange(stats.range(field('acf24'))),
    acf168: roundRange(stats.range(field('acf168'))),
    weekend_ratio: roundRange(stats.range(field('weekendRatio'))),
    // How far each series' peak-hour histogram is from the pooled one: a generated series should be no
    // further from the pooled histogram than real series are.
    peak_hour_tv: roundRange(stats.range(summaries.map((s) => stats.totalVariation(s.peakHours, pooledPeak)))),
  },
  peak_hour_histogram: pooledPeak.map(sig),
  daily_shape: average(field('dailyProfile')).map(sig),
  weekly_shape: average(field('weeklyProfile')).map(sig),
};

writeFileSync(outPath, `${JSON.stringify(profile, null, 2)}\n`);
console.log(`wrote ${outPath} from ${series.length} series x ${body.length} hours`);
