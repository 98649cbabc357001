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
let realism;
try {
  realism = await import(resolve(root, 'dist/metrics/series-realism.js'));
} catch {
  console.error('dist/metrics/series-realism.js not found: run `npm run build` first.');
  process.exit(2);
}
// Mean over a series' 168-hour windows of each window's minimum over its mean (the base load the classifier sees).
const baseLoad = series.map((x) => {
  const w = realism.windowFeatures({ values: x, start });
  return w.reduce((s, f) => s + f[3], 0) / Math.max(1, w.length);
});
const pooledPeak = average(summaries.map((s) => s.peakHours));
const field = (k) => summaries.map((s) => s[k]);

const profile = {
  description:
    'Summary statistics of the real hourly electricity reference series (UCI ElectricityLoadDiagrams20112014, ' +
    'LSTNet hourly version, CC BY 4.0). Ranges are across series; shapes are per-series normalised then averaged. ' +
    'Hours and weekdays are UTC (= local time in the window). Archetypes are k-means groups (of at least 5 clients) of ' +
    'normalised daily shapes with per-group ranges and rank correlations. Regenerate with scripts/profile-electricity.mjs.',
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
  archetypes: archetypes(),
};

function rankCorrelation(columns) {
  const ranks = columns.map((xs) => {
    const order = xs.map((v, i) => [v, i]).sort((a, b) => a[0] - b[0]);
    const r = new Array(xs.length);
    order.forEach(([, i], k) => (r[i] = k));
    return r;
  });
  const corr = (a, b) => {
    const n = a.length;
    const ma = a.reduce((s, v) => s + v, 0) / n;
    const mb = b.reduce((s, v) => s + v, 0) / n;
    let c = 0;
    let va = 0;
    let vb = 0;
    for (let i = 0; i < n; i++) ((c += (a[i] - ma) * (b[i] - mb)), (va += (a[i] - ma) ** 2), (vb += (b[i] - mb) ** 2));
    return c / Math.sqrt(va * vb);
  };
  return ranks.map((a) => ranks.map((b) => Number(corr(a, b).toFixed(2))));
}

/**
 * Groups of clients with a similar normalised daily shape (k-means, deterministic farthest-point start).
 * Each group is summarised by its mean shape and the five-number ranges of its statistics; groups of fewer
 * than MIN_GROUP series are left out, so no shape or range describes one or two clients.
 */
function archetypes() {
  const K = 7;
  const MIN_GROUP = 5;
  const profiles = field('dailyProfile');
  const d2 = (a, b) => a.reduce((s, v, j) => s + (v - b[j]) ** 2, 0);
  const centres = [profiles[0]];
  while (centres.length < K) {
    let best = profiles[0];
    let far = -1;
    for (const p of profiles) {
      const d = Math.min(...centres.map((c) => d2(p, c)));
      if (d > far) ((far = d), (best = p));
    }
    centres.push(best);
  }
  let assign = [];
  for (let it = 0; it < 100; it++) {
    assign = profiles.map((p) => centres.reduce((b, c, k) => (d2(p, c) < d2(p, centres[b]) ? k : b), 0));
    for (let k = 0; k < K; k++) {
      const members = profiles.filter((_, i) => assign[i] === k);
      if (members.length > 0) centres[k] = average(members);
    }
  }
  const out = [];
  for (let k = 0; k < K; k++) {
    const idx = assign.flatMap((a, i) => (a === k ? [i] : []));
    if (idx.length < MIN_GROUP) continue;
    const shape = centres[k];
    const peak = shape.indexOf(Math.max(...shape));
    const midday = (shape[11] + shape[12] + shape[13]) / 3;
    const evening = (shape[19] + shape[20]) / 2;
    const kind = Math.max(...shape) / Math.min(...shape) < 1.5 ? 'flat' : peak < 6 ? 'night' : evening > midday * 1.25 ? 'evening' : 'daytime';
    const pick = (xs) => roundRange(stats.range(idx.map((i) => xs[i])));
    out.push({
      kind,
      series: idx.length,
      share: sig(idx.length / series.length),
      daily_shape: shape.map(sig),
      ranges: {
        cv: pick(field('cv')),
        acf1: pick(field('acf1')),
        acf24: pick(field('acf24')),
        acf168: pick(field('acf168')),
        weekend_ratio: pick(field('weekendRatio')),
        window_min_over_mean: pick(baseLoad),
      },
      // Spearman rank correlation of the group's cv, acf1, acf24 and weekend ratio: how the statistics move together.
      rank_correlation: rankCorrelation(['cv', 'acf1', 'acf24', 'weekendRatio'].map((f) => idx.map((i) => field(f)[i]))),
    });
  }
  // Largest group of a kind keeps the plain name; smaller ones are numbered (evening, evening_2, …).
  out.sort((a, b) => b.series - a.series);
  const seen = new Map();
  return out.map(({ kind, ...rest }) => {
    const n = (seen.get(kind) ?? 0) + 1;
    seen.set(kind, n);
    return { name: n === 1 ? kind : `${kind}_${n}`, ...rest };
  });
}

writeFileSync(outPath, `${JSON.stringify(profile, null, 2)}\n`);
console.log(`wrote ${outPath} from ${series.length} series x ${body.length} hours`);
