// LLM time series end to end through `genesis run`: real SDK → fake Bedrock on 127.0.0.1 answering series prompts
// with an LLM's slips; parse + checks + retries, resume keeps paid items, cost, dry-run, clean, validate's comparison.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startFakeBedrock } from '../fakes/fake-bedrock.js';
import { fakeBedrockPerTest } from '../fakes/fake-bedrock-per-test.js';
import type { SeriesMisbehaviour } from '../fakes/fake-series-content.js';
import { runCli, spawnCli, writePipeline } from '../helpers/cli.js';
import { useAwsEnv } from '../bedrock/aws-env.js';
import { boundsFor } from '../../metrics/series-checks.js';
import { bedrockPipelineHead } from '../helpers/bedrock-yaml.js';

useAwsEnv({ AWS_ACCESS_KEY_ID: 'FAKEKEYIDFORGENESISTESTS', AWS_SECRET_ACCESS_KEY: 'fake-secret', AWS_SESSION_TOKEN: undefined, AWS_REGION: 'us-east-1', AWS_PROFILE: undefined });

const fake = fakeBedrockPerTest({ rpm: 6000, tpm: 50_000_000, seed: 11 });

/** No slips at all: every answer valid, so a table row can switch on exactly one. */
const NONE: SeriesMisbehaviour = { short: 0, long: 0, nulls: 0, nan: 0, bounds: 0, repeat: 0, truncate: 0 };

interface P {
  count: number;
  length?: number;
  budget?: number;
  types?: string[];
  extra?: string;
  validate?: string;
}
// One request at a time: the fake's seeded slips then land on the same series on every run.
const pipeline = (endpoint: string, p: P) => `${bedrockPipelineHead('llmts', endpoint, ['limits: { rpm: 6000, tpm: 50000000, concurrency: 1, min_concurrency: 1 }', `budget: { usd: ${p.budget ?? 100} }`, 'patience_s: 30'])}steps:
  generate:
    uses: generate/timeseries
    with: { count: ${p.count}, length: ${p.length ?? 168}, provider: claude, batch_size: 3${p.types ? `, types: [${p.types.join(', ')}]` : ''} }
  validate: { uses: validate/timeseries, needs: [generate]${p.validate ? `, with: ${p.validate}` : ''} }
${p.extra ?? ''}`;

interface Report {
  status: string;
  cost?: { usd: number; requests: number; inputTokens: number; outputTokens: number };
  steps: Array<{ id: string; status: string; error?: string; metrics?: { items?: { generated: number; reused: number; failed: number; written: number } } }>;
}
async function run(file: string, ...extra: string[]) {
  const r = await runCli(['run', file, '--json', ...extra]);
  return { code: r.code, report: JSON.parse(r.stdout) as Report, stderr: r.stderr };
}
const out = (file: string, step: string, name: string) => join(dirname(file), 'out/llmts', step, name);
const series = (file: string) =>
  readFileSync(out(file, 'generate', 'series.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown> & { series_id: string; series_type: string; length: number; target: unknown[] });

describe('generate/timeseries with a Bedrock provider', () => {
  it("keeps only exact-length, finite, in-bounds series from the fake's default slips, in the offline record format", async () => {
    const f = await fake();
    const file = writePipeline(pipeline(f.url, { count: 36, length: 240, extra: '  train: { uses: train/forecaster, needs: [generate] }\n' }));
    const { code, report, stderr } = await run(file);
    expect(code, stderr + JSON.stringify(report.steps)).toBe(0);
    const got = series(file);
    expect(got.map((s) => s.series_id)).toEqual(Array.from({ length: 36 }, (_, i) => `ts-${String(i).padStart(6, '0')}`));
    for (const s of got) {
      expect(s.target).toHaveLength(240);
      expect(s.length).toBe(240);
      const b = boundsFor(s.series_type, String(s.unit)) ?? {};
      for (const v of s.target) {
        expect(typeof v === 'number' && Number.isFinite(v)).toBe(true);
        if (b.min !== undefined) expect(v as number).toBeGreaterThanOrEqual(b.min);
        if (b.max !== undefined) expect(v as number).toBeLessThanOrEqual(b.max);
      }
      expect((s.meta as { provider: string }).provider).toBe('bedrock/us.anthropic.claude-sonnet-4-5-20250929-v1:0');
    }
    // The slips really happened, and the series they hit were asked again (and paid for: every reply counts).
    const stats = f.stats();
    const slips = ['series_short', 'series_long', 'series_null', 'series_nan', 'series_out_of_bounds', 'series_truncated'].reduce((a, k) => a + (stats[k] ?? 0), 0);
    expect(slips).toBeGreaterThan(0);
    expect(Object.values(f.itemRequests()).some((n) => n > 1)).toBe(true);
    expect(report.steps.find((s) => s.id === 'generate')!.metrics!.items).toEqual(expect.objectContaining({ generated: 36, failed: 0, written: 36 }));
    // Same fields as the offline generator's records, so validate/timeseries and train/forecaster run unchanged.
    const offline = writePipeline(`name: llmts\nseed: 5\nsteps:\n  generate: { uses: generate/timeseries, with: { count: 1, length: 240 } }\n`);
    expect((await runCli(['run', offline])).code).toBe(0);
    expect(Object.keys(got[0]!)).toEqual(Object.keys(series(offline)[0]!));
    const quality = JSON.parse(readFileSync(out(file, 'validate', 'quality.json'), 'utf8')) as { scores: { consistency: number } };
    expect(quality.scores.consistency).toBe(1);
    expect(report.steps.find((s) => s.id === 'train')!.status).toBe('ran');
    // Every paid reply is accounted, those that kept nothing included.
    expect(report.cost!.inputTokens).toBe(stats.input_tokens);
    expect(report.cost!.outputTokens).toBe(stats.output_tokens);
    expect(report.cost!.requests).toBe(stats.paid_replies);
    expect(report.cost!.usd).toBeGreaterThan(0);
  });

  // A cut reply can still hold its first series whole: one series per run makes every reply lose it.
  it.each<[string, Partial<SeriesMisbehaviour>, number, RegExp]>([
    ['too short', { short: 1 }, 3, /\d × 16[5-7] values, asked for 168/],
    ['too long', { long: 1 }, 3, /\d × 1(69|70|71) values, asked for 168/],
    ['null values', { nulls: 1 }, 3, /value\(s\) not finite numbers \(first at index \d+: null\)/],
    ['a bare NaN (not JSON)', { nan: 1 }, 3, /3 × missing from the model answer/],
    ['values outside the physical bounds', { bounds: 1 }, 3, /3 × 1 value\(s\) outside the physical bounds of residential_consumption \(≥ 0\)/],
    ['truncated replies', { truncate: 1 }, 1, /1 × missing from the model answer \(truncated or skipped\)/],
  ])('an answer with %s is asked again, then recorded as failed with the reason', async (_name, slip, count, reason) => {
    const f = await fake({ series: { ...NONE, ...slip } });
    const file = writePipeline(pipeline(f.url, { count, types: ['residential_consumption'] }));
    const { code, report } = await run(file);
    expect(code).toBe(1);
    const gen = report.steps.find((s) => s.id === 'generate')!;
    expect(gen.error).toMatch(/no item could be generated/);
    expect(gen.error).toMatch(reason);
    // Each series was asked three times (the batch, then again) before it was given up.
    expect(Object.values(f.itemRequests())).toEqual(new Array(count).fill(3));
  });

  it.each<[string, Parameters<typeof startFakeBedrock>[0]]>([
    ['prose and a code fence around the JSON', { prose: 1 }],
    ['renumbered ids', { ids: 'renumber' }],
    ['no ids at all', { ids: 'omit' }],
  ])('answers with %s are parsed and paired, nothing asked twice', async (_name, opts) => {
    const f = await fake({ ...opts, series: NONE });
    const file = writePipeline(pipeline(f.url, { count: 9, types: ['temperature', 'humidity', 'solar_generation'] }));
    const { code, stderr } = await run(file);
    expect(code, stderr).toBe(0);
    expect(series(file)).toHaveLength(9);
    expect(Object.values(f.itemRequests())).toEqual(new Array(9).fill(1));
  });

  it('a spent budget stops resumably (exit 75); the rerun asks only for the missing series', async () => {
    const f = await fake({ series: NONE });
    const file = writePipeline(pipeline(f.url, { count: 30, budget: 0.06 }));
    const first = await run(file);
    expect(first.code).toBe(75);
    expect(first.report.steps.find((s) => s.id === 'generate')!.error).toMatch(/budget/i);
    const before = { ...f.itemRequests() };
    expect(Object.keys(before).length).toBeGreaterThan(0);
    expect(Object.keys(before).length).toBeLessThan(30);

    writeFileSync(file, pipeline(f.url, { count: 30, budget: 100 }));
    const resumed = await run(file);
    expect(resumed.code).toBe(0);
    expect(series(file)).toHaveLength(30);
    const items = resumed.report.steps.find((s) => s.id === 'generate')!.metrics!.items!;
    expect(items.reused + items.generated).toBe(30);
    expect(items.reused).toBeGreaterThan(0);
    const after = f.itemRequests();
    // A series asked for before the stop and kept was never asked again.
    for (const [id, n] of Object.entries(before)) expect(after[id]).toBe(n);
  });

  it('SIGKILL mid-run, then rerun: the series checkpointed before the kill are reused, never asked again', async () => {
    const f = await fake({ series: NONE, latencyMs: 150 });
    const file = writePipeline(pipeline(f.url, { count: 18 }));
    const { child, done } = spawnCli(['run', file]);
    let err = '';
    child.stderr!.on('data', (d) => (err += d));
    let seen = 0;
    await new Promise<void>((resolve, reject) => {
      const limit = setTimeout(() => reject(new Error(`never saw progress:\n${err}`)), 60_000);
      const t = setInterval(() => {
        seen = Math.max(0, ...[...err.matchAll(/\[generate\] (\d+)\/18 generated/g)].map((x) => Number(x[1])));
        if (seen >= 3) (clearInterval(t), clearTimeout(limit), resolve());
      }, 5);
    });
    child.kill('SIGKILL');
    expect((await done).code).toBe(137);
    const before = { ...f.itemRequests() };

    const resumed = await run(file);
    expect(resumed.code).toBe(0);
    expect(series(file)).toHaveLength(18);
    const items = resumed.report.steps.find((s) => s.id === 'generate')!.metrics!.items!;
    // Reported done before the kill means durably checkpointed: at least those are reused.
    expect(items.reused).toBeGreaterThanOrEqual(seen);
    expect(items.reused + items.generated).toBe(18);
    const after = f.itemRequests();
    const askedAgain = Object.keys(after).filter((id) => (after[id] ?? 0) > (before[id] ?? 0));
    expect(askedAgain).toHaveLength(items.generated);
  });

  it("warns when a batch needs more output tokens than the model's reply limit", async () => {
    const f = await fake({ series: NONE });
    const file = writePipeline(pipeline(f.url, { count: 3, length: 6000 }));
    const r = await runCli(['run', file]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout + r.stderr).toMatch(/a batch of 3 series × 6000 points needs ~72180 output tokens, more than the model's 64000: .*lower batch_size/);
    const short = writePipeline(pipeline(f.url, { count: 3, length: 600 }));
    const ok = await runCli(['run', short]);
    expect(ok.stdout + ok.stderr).not.toMatch(/output tokens, more than/);
  });

  it('--dry-run estimates requests, tokens and cost without calling Bedrock; clean finds the LLM checkpoints', async () => {
    const f = await fake({ series: NONE });
    const file = writePipeline(pipeline(f.url, { count: 10 }));
    const dry = await runCli(['run', file, '--dry-run']);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toMatch(/10 series to generate: ~4 requests, ~[\d,]+ tokens, ~\$\d+\.\d\d/);
    expect(f.stats().requests ?? 0).toBe(0);

    expect((await run(file)).code).toBe(0);
    const clean = await runCli(['clean', file, '--drop-checkpoints', '--dry-run']);
    expect(clean.code, clean.stderr).toBe(0);
    expect(clean.stdout).toMatch(/generate \(generate\/timeseries\): 10 item checkpoint\(s\), paid for: 4 request\(s\), [\d,]+ tokens, \$\d/);
  });
});

describe('validate/timeseries on LLM series', () => {
  it('compares them type by type with the offline generator and, with a reference CSV, both with real data', async () => {
    // Valid answers only (so all 20 are compared), half of them the repeated-day series models tend to write.
    const f = await fake({ series: { ...NONE, repeat: 0.5 } });
    const dir = dirname(writePipeline('name: x\nsteps: {}\n'));
    // A "real" reference: 12 hourly clients over two weeks with an evening peak and quiet weekends.
    const hours = 336;
    const rows = ['timestamp,' + Array.from({ length: 12 }, (_, c) => `mt_${c}`).join(',')];
    for (let h = 0; h < hours; h++) {
      const t = new Date(Date.UTC(2024, 0, 1) + h * 3_600_000);
      const day = t.getUTCDay();
      const cells = Array.from({ length: 12 }, (_, c) => (10 + c + 6 * Math.exp(-(((t.getUTCHours() - 19) / 2.5) ** 2)) * (day === 0 || day === 6 ? 0.7 : 1) + ((h * 7 + c * 13) % 5) * 0.3).toFixed(2));
      rows.push(`${t.toISOString()},${cells.join(',')}`);
    }
    writeFileSync(join(dir, 'real.csv'), rows.join('\n') + '\n');
    const file = writePipeline(pipeline(f.url, { count: 20, length: 336, types: ['residential_consumption', 'temperature'], validate: '{ reference: real.csv }' }), dir);
    const { code, stderr } = await run(file);
    expect(code, stderr).toBe(0);
    type Cmp = { series: number; dataset: Record<string, number | null>; offline: Record<string, number | null>; similarity: Record<string, number | null>; score: number | null };
    const q = JSON.parse(readFileSync(out(file, 'validate', 'quality.json'), 'utf8')) as {
      generators: { generator: string; compared_with: string; compared_series: number; by_type: Record<string, Cmp>; realism: { dataset: { score: number }; offline: { score: number } } };
    };
    expect(q.generators.generator).toBe('bedrock/us.anthropic.claude-sonnet-4-5-20250929-v1:0');
    expect(q.generators.compared_series).toBe(20);
    expect(Object.keys(q.generators.by_type).sort()).toEqual(['residential_consumption', 'temperature']);
    const res = q.generators.by_type.residential_consumption!;
    expect(res.series).toBeGreaterThanOrEqual(5);
    for (const k of ['mean', 'cv', 'acf1', 'acf24', 'acf168']) {
      expect(typeof res.dataset[k]).toBe('number');
      expect(typeof res.offline[k]).toBe('number');
      expect(res.similarity[k]).toBeGreaterThanOrEqual(0);
      expect(res.similarity[k]).toBeLessThanOrEqual(1);
    }
    expect(q.generators.realism.dataset.score).toBeGreaterThan(0);
    expect(q.generators.realism.offline.score).toBeGreaterThan(0);
    const md = readFileSync(out(file, 'validate', 'quality.md'), 'utf8');
    expect(md).toMatch(/## bedrock\/us\.anthropic\.claude-sonnet-4-5-20250929-v1:0 vs the offline generator \(20 series, same specs\)/);
    expect(md).toMatch(/\| residential_consumption \| \d+ \| [\d.]+ \/ [\d.]+ \|/);
    expect(md).toMatch(/Electricity-load realism against the reference CSV \(real\.csv\): this dataset [\d.]+ .* · offline generator [\d.]+/);
  });

  it('says nothing of the kind for series the offline generator made', async () => {
    const file = writePipeline(`name: llmts\nseed: 5\nsteps:\n  generate: { uses: generate/timeseries, with: { count: 8, length: 168 } }\n  validate: { uses: validate/timeseries, needs: [generate] }\n`);
    expect((await runCli(['run', file])).code).toBe(0);
    const q = JSON.parse(readFileSync(out(file, 'validate', 'quality.json'), 'utf8')) as Record<string, unknown>;
    expect(q.generators).toBeUndefined();
    expect(readFileSync(out(file, 'validate', 'quality.md'), 'utf8')).not.toMatch(/vs the offline generator/);
    expect(existsSync(out(file, 'generate', 'series.jsonl'))).toBe(true);
  });
});

describe('pipelines/timeseries-llm.yaml', () => {
  it('runs as shipped against the fake (only its endpoint and quota changed)', async () => {
    const f = await fake();
    const shipped = readFileSync(join(__dirname, '../../pipelines/timeseries-llm.yaml'), 'utf8');
    expect(shipped).toContain('endpoint: http://127.0.0.1:8787');
    const yaml = shipped.replace('http://127.0.0.1:8787', f.url).replace('limits: { rpm: 50, tpm: 400000 }', 'limits: { rpm: 6000, tpm: 50000000 }');
    const file = writePipeline(yaml);
    const r = await runCli(['run', file, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.steps.map((s) => s.status)).toEqual(['ran', 'ran', 'ran']);
    const dir = join(dirname(file), 'out/timeseries-llm');
    expect(readFileSync(join(dir, 'generate/series.jsonl'), 'utf8').trim().split('\n')).toHaveLength(40);
    expect(readFileSync(join(dir, 'validate/quality.md'), 'utf8')).toMatch(/vs the offline generator \(40 series, same specs\)/);
  });
});
