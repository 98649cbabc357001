// LLM time series against the default fake Bedrock: validity (kept at first ask, after retries), requests and cost,
// and realism next to the offline generator's series for the same specs (validate/timeseries's own comparison).
// Usage: npx tsc -p tsconfig.json && node scripts/build-validators.mjs &&
//        node bench/timeseries-llm.mjs [--count 200] [--length 336] [--batch 2] [--seed 1] [--reference path/to/hourly.csv]
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values: a } = parseArgs({ options: { count: { type: 'string', default: '200' }, length: { type: 'string', default: '336' }, batch: { type: 'string', default: '2' }, seed: { type: 'string', default: '1' }, reference: { type: 'string' } } });
const [count, length, batch, seed] = [a.count, a.length, a.batch, a.seed].map(Number);
const root = new URL('..', import.meta.url).pathname;
const { startFakeBedrock } = await import(new URL('../dist/test/fakes/fake-bedrock.js', import.meta.url).href);

const fake = await startFakeBedrock({ seed });
const dir = mkdtempSync(join(tmpdir(), 'genesis-llm-series-'));
const reference = a.reference ? resolve(a.reference) : undefined;
writeFileSync(
  join(dir, 'p.yaml'),
  `name: bench
seed: 7
providers:
  claude: { type: bedrock, region: us-east-1, model: us.anthropic.claude-sonnet-4-5-20250929-v1:0, endpoint: ${fake.url}, limits: { rpm: 6000, tpm: 50000000 }, budget: { usd: 1000 } }
steps:
  generate: { uses: generate/timeseries, with: { count: ${count}, length: ${length}, batch_size: ${batch}, provider: claude } }
  validate: { uses: validate/timeseries, needs: [generate]${reference ? `, with: { reference: ${JSON.stringify(reference)} }` : ''} }
`,
);
const env = { ...process.env, AWS_ACCESS_KEY_ID: 'fake', AWS_SECRET_ACCESS_KEY: 'fake', NODE_NO_WARNINGS: '1' };
const started = performance.now();
const stdout = await new Promise((res, rej) => execFile(process.execPath, [join(root, 'bin/genesis.js'), 'run', join(dir, 'p.yaml'), '--json'], { env, maxBuffer: 1 << 26 }, (e, out, err) => (e && e.code !== 0 && !out ? rej(new Error(err)) : res(out))));
const seconds = (performance.now() - started) / 1000;
const report = JSON.parse(stdout);
const stats = fake.stats();
const asks = Object.values(fake.itemRequests());
await fake.close();
const gen = report.steps.find((s) => s.id === 'generate');
const items = gen.metrics?.items ?? {};
const q = JSON.parse(readFileSync(join(dir, 'out/bench/validate/quality.json'), 'utf8'));
rmSync(dir, { recursive: true, force: true });

const pct = (x) => `${(100 * x).toFixed(1)} %`;
const f3 = (x) => (x === null || x === undefined ? 'n/a' : x.toFixed(3));
const slips = Object.entries(stats).filter(([k]) => k.startsWith('series_')).map(([k, v]) => `${k.slice(7)} ${v}`).join(', ');
console.log(`fake seed ${seed}: ${count} series × ${length} points, batch_size ${batch}, ${seconds.toFixed(1)} s`);
console.log(`  kept at first ask: ${asks.filter((n) => n === 1).length}/${count} (${pct(asks.filter((n) => n === 1).length / count)}); written ${items.written}/${count}, failed ${items.failed}; asks per series: mean ${(asks.reduce((x, y) => x + y, 0) / count).toFixed(2)}, max ${Math.max(...asks)}`);
console.log(`  paid replies ${stats.paid_replies} (ideal ${Math.ceil(count / batch)}); cost $${report.cost.usd.toFixed(2)} ($${(report.cost.usd / count).toFixed(4)} per series); validate consistency ${f3(q.scores.consistency)}`);
console.log(`  fake slips: ${slips}`);
const g = q.generators;
if (g?.realism) console.log(`  load realism vs ${reference ? 'the reference CSV' : 'the shipped profile'}: fake-LLM ${f3(g.realism.dataset.score)} (discriminative ${f3(g.realism.dataset.discriminative)}) · offline on the same specs ${f3(g.realism.offline.score)} (discriminative ${f3(g.realism.offline.discriminative)})`);
// Ceiling for the similarity: the offline generator against itself (its own series vs twins from another stream).
const mod = (p) => import(new URL(`../dist/${p}`, import.meta.url).href);
const [{ planSeries, seriesRng }, { normalizeTimeseriesParams }, { generateSeries, parseFrequency }, { compareGenerators }, { createRng }] = await Promise.all(
  ['steps/generate-timeseries/plan.js', 'steps/generate-timeseries/params.js', 'providers/offline/timeseries/index.js', 'metrics/generator-comparison.js', 'util/rng.js'].map(mod),
);
const params = normalizeTimeseriesParams({ count, length, frequency: '1H', start: '2024-01-01T00:00:00Z', domains: { electricity: 0.5, energy: 0.2, sensors: 0.2, financial: 0.1 }, provider: 'default', batch_size: batch });
const as = (spec, values) => ({ series_type: spec.series_type, values, start: spec.start, frequencyHours: parseFrequency(spec.frequency).hours });
const ceiling = compareGenerators(
  Array.from({ length: count }, (_, i) => {
    const spec = planSeries(params, 7, i);
    return { dataset: as(spec, generateSeries(spec, seriesRng(7, spec)).target), offline: as(spec, generateSeries(spec, createRng(seed, 'bench-twin', i)).target) };
  }),
);
const medianOf = (xs) => (xs.length ? [...xs].sort((x, y) => x - y)[Math.floor((xs.length - 1) / 2)] : null);
if (g) {
  console.log('  per type (median acf24 fake-LLM / offline; similarity fake-LLM vs offline | offline vs offline):');
  for (const [t, c] of Object.entries(g.by_type)) console.log(`    ${t.padEnd(24)} n=${String(c.series).padStart(3)}  acf24 ${f3(c.dataset.acf24)} / ${f3(c.offline.acf24)}  similarity ${f3(c.score)} | ${f3(ceiling[t]?.score)}`);
  const scores = (o) => Object.values(o).map((c) => c.score).filter((x) => x !== null);
  console.log(`  median similarity over types: fake-LLM vs offline ${f3(medianOf(scores(g.by_type)))} | offline vs offline ${f3(medianOf(scores(ceiling)))}`);
}
