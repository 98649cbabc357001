// filter/timeseries through `genesis run` in temp dirs: planted bad, duplicate and unrealistic series are removed and
// counted, the rest kept in order, and validate/timeseries and train/forecaster run unchanged on the output.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir, writePipeline } from '../helpers/cli.js';
import { createRng } from '../../util/rng.js';

type S = Record<string, unknown> & { series_id: string; target: Array<number | null> };
const lines = (p: string) => readFileSync(p, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as S);

/** 48 generated series (electricity, hourly, 30 days), made once per test by a pipeline of its own. */
async function generated(): Promise<{ dir: string; series: S[] }> {
  const dir = tempDir('genesis-filter-ts-');
  const file = writePipeline('name: g\nseed: 9\nsteps:\n  generate:\n    uses: generate/timeseries\n    with: { count: 48, domains: { electricity: 1 }, length: 720 }\n', dir, 'generate.yaml');
  expect((await runCli(['run', file])).code).toBe(0);
  copyFileSync(join(dir, 'out/g/generate/generation.json'), join(dir, 'generation.json'));
  return { dir, series: lines(join(dir, 'out/g/generate/series.jsonl')) };
}

const rule = (id: string, of: S, change: (s: S) => void): S => {
  const s = structuredClone(of);
  s.series_id = id;
  change(s);
  return s;
};

// Each rule's planted series, inserted among the generated ones.
const plants: Array<{ rule: string; with: string; plant: (base: S[]) => S[] }> = [
  {
    rule: 'record_checks',
    with: '',
    plant: (b) => [
      rule('bad_nan', b[0]!, (s) => (s.target[100] = null)),
      rule('bad_negative', b[1]!, (s) => (s.target[5] = -40)),
      rule('bad_length', b[2]!, (s) => (s.length = 10)),
    ],
  },
  { rule: 'exact_duplicates', with: '', plant: (b) => [rule('copy_of_3', b[3]!, () => {}), rule('copy_of_4', b[4]!, () => {})] },
  {
    rule: 'near_duplicates',
    with: '',
    // Rescaled, shifted and slightly noisy: the same shape.
    plant: (b) => {
      const rng = createRng(5, 'noise');
      return [rule('near_5', b[5]!, (s) => (s.target = s.target.map((v) => Math.round(((v as number) * 1.1 + 3 + rng.normal(0, 0.001)) * 1000) / 1000)))];
    },
  },
  {
    rule: 'realism',
    with: 'realism: 0.6',
    // White noise with a plausible level: positive and finite, but no daily or weekly rhythm.
    plant: (b) => {
      const rng = createRng(6, 'white');
      return [rule('white_noise', b[6]!, (s) => (s.target = s.target.map(() => Math.round((1 + rng.next()) * 1000) / 1000)))];
    },
  },
];

async function runFilter(dir: string, all: S[], w: string) {
  writeFileSync(join(dir, 'series.jsonl'), all.map((s) => JSON.stringify(s) + '\n').join(''));
  const file = writePipeline(
    `name: f\nseed: 3\nsteps:\n  filter:\n    uses: filter/timeseries\n    with: { input: series.jsonl${w ? `, ${w}` : ''} }\n  validate:\n    uses: validate/timeseries\n    needs: [filter]\n  forecast:\n    uses: train/forecaster\n    needs: [filter]\n`,
    dir,
  );
  return runCli(['run', file]);
}

describe('filter/timeseries', () => {
  it.each(plants)('$rule: removes the planted series and counts them; validate/timeseries and train/forecaster run on the rest', async ({ rule: name, with: w, plant }) => {
    const { dir, series } = await generated();
    const planted = plant(series);
    const all = [...series.slice(0, 10), ...planted, ...series.slice(10)];
    const r = await runFilter(dir, all, w);
    expect(r.stderr).not.toMatch(/warning|error/);
    expect(r.code).toBe(0);
    const out = join(dir, 'out/f/filter');
    const keptIds = lines(join(out, 'series.jsonl')).map((s) => s.series_id);
    expect(keptIds).toEqual(series.map((s) => s.series_id));
    const report = JSON.parse(readFileSync(join(out, 'filter.json'), 'utf8')) as { input: number; kept: number; rules: Record<string, { enabled: boolean; removed: number; examples: string[] }> };
    expect(report).toMatchObject({ input: all.length, kept: series.length });
    expect(report.rules[name]).toMatchObject({ enabled: true, removed: planted.length });
    expect(report.rules[name]!.examples.map((e) => e.split(':')[0])).toEqual(planted.map((p) => p.series_id));
    for (const [other, rep] of Object.entries(report.rules)) if (other !== name) expect(rep.removed).toBe(0);
    expect(readFileSync(join(out, 'filter.md'), 'utf8')).toMatch(new RegExp(`\\| ${name} \\| ${planted.length} \\|`));
    // The output is the same format as the generator's: the same records byte for byte, and generation.json beside them.
    expect(readFileSync(join(out, 'series.jsonl'), 'utf8')).toBe(readFileSync(join(dir, 'out/g/generate/series.jsonl'), 'utf8'));
    expect(readFileSync(join(out, 'generation.json'), 'utf8')).toBe(readFileSync(join(dir, 'generation.json'), 'utf8'));
    const quality = JSON.parse(readFileSync(join(dir, 'out/f/validate/quality.json'), 'utf8')) as { series: number; scores: { consistency: number } };
    expect(quality).toMatchObject({ series: series.length, scores: { consistency: 1 } });
    expect(r.stderr).toMatch(/\[forecast\] ran/);
  }, 120_000);

  it('realism against a `reference:` CSV uses that data: against white noise, the noise passes and the loads do not', async () => {
    const { dir, series } = await generated();
    const rng = createRng(8, 'reference');
    const rows = ['timestamp,' + Array.from({ length: 10 }, (_, c) => `mt_${c}`).join(',')];
    for (let h = 0; h < 720; h++) rows.push(`${new Date(Date.UTC(2024, 0, 1, h)).toISOString()},${Array.from({ length: 10 }, () => (1 + rng.next()).toFixed(3)).join(',')}`);
    writeFileSync(join(dir, 'noise.csv'), rows.join('\n') + '\n');
    const noise = plants.find((p) => p.rule === 'realism')!.plant(series);
    const r = await runFilter(dir, [...series, ...noise], 'realism: 0.6, reference: noise.csv');
    expect(r.code).toBe(0);
    const kept = lines(join(dir, 'out/f/filter/series.jsonl')).map((s) => s.series_id);
    expect(kept).toContain('white_noise');
    const report = JSON.parse(readFileSync(join(dir, 'out/f/filter/filter.json'), 'utf8')) as { realism: { reference: string; scored: number }; rules: Record<string, { removed: number }> };
    expect(report.realism).toMatchObject({ reference: 'csv', scored: series.length + 1 });
    expect(report.rules.realism!.removed).toBeGreaterThan(series.length / 2);
  }, 120_000);

  it('with every rule off, the planted series are all kept', async () => {
    const { dir, series } = await generated();
    const planted = plants.flatMap((p) => p.plant(series));
    const r = await runFilter(dir, [...series, ...planted], 'record_checks: [], exact_duplicates: false, near_duplicates: false');
    expect(r.code).toBe(0);
    const kept = lines(join(dir, 'out/f/filter/series.jsonl')).map((s) => s.series_id);
    expect(kept).toEqual([...series, ...planted].map((s) => s.series_id));
    const report = JSON.parse(readFileSync(join(dir, 'out/f/filter/filter.json'), 'utf8')) as { rules: Record<string, { enabled: boolean }> };
    expect(Object.values(report.rules).map((x) => x.enabled)).toEqual([false, false, false, false]);
    // What the filter would have removed is now seen downstream.
    const quality = JSON.parse(readFileSync(join(dir, 'out/f/validate/quality.json'), 'utf8')) as { scores: { consistency: number } };
    expect(quality.scores.consistency).toBeLessThan(1);
  }, 120_000);
});
