// The report's data gathering and CLI: built from what the run stored, sampled not embedded, failures first, bad input located.
import Database from 'better-sqlite3';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReport, buildSections } from '../../report/index.js';
import { SAMPLE_SIZE } from '../../report/gather/conversations.js';
import { runCli, tempDir, writePipeline } from '../helpers/cli.js';
import { conversationsRun, failedGateRun, seriesRun } from './fixtures.js';

const jsonl = (p: string) => readFileSync(p, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);

describe('a conversations pipeline', () => {
  let file = '';
  beforeAll(async () => {
    file = await conversationsRun();
  }, 180_000);

  it('has a section per step that stored something, with figures from the stored files', async () => {
    const r = await buildSections({ pipelineFile: file });
    expect(r.sections.map((s) => s.id)).toEqual(['run', 'conv-generate', 'quality-validate', 'bias-bias', 'clf-train', 'registry']);
    const stored = jsonl(join(dirname(file), 'out/conv/generate/conversations.jsonl'));
    const conv = r.sections.find((s) => s.id === 'conv-generate')!;
    const intents = conv.charts.find((c) => c.id === 'conv-generate-intents')!;
    const bars = intents.marks[0]!.data as Array<{ key: string; observed: number }>;
    expect(bars.reduce((a, b) => a + b.observed, 0)).toBe(stored.length);
    const cancel = stored.filter((c) => c.intent === 'cancel_transfer').length;
    expect(bars.find((b) => b.key === 'cancel_transfer')?.observed ?? 0).toBe(cancel);
  });

  it('samples whole conversations from the stored file, the same ones every time', async () => {
    const a = await buildSections({ pipelineFile: file });
    const b = await buildSections({ pipelineFile: file });
    const sample = a.data.samples['conv-generate']!;
    const stored = new Map(jsonl(join(dirname(file), 'out/conv/generate/conversations.jsonl')).map((c) => [c.conversation_id, c]));
    expect(sample.length).toBe(Math.min(SAMPLE_SIZE, stored.size));
    for (const c of sample) expect(c.turns.map(([, t]) => t)).toEqual((stored.get(c.id)!.turns as Array<{ text: string }>).map((t) => t.text));
    expect(b.data.samples['conv-generate']!.map((c) => c.id)).toEqual(sample.map((c) => c.id));
  });

  it('shows each registered version with the quality recorded for it', async () => {
    const r = await buildSections({ pipelineFile: file });
    const reg = r.sections.find((s) => s.id === 'registry')!;
    expect(reg.html).toContain('conv-data@1');
    expect(reg.html).toContain('conv-data@2');
    const points = reg.charts[0]!.marks[0]!.data as Array<{ x: string; series: string }>;
    expect(points.filter((p) => p.series === 'overall').map((p) => p.x)).toEqual(['v1', 'v2']);
  });

  it('reads nothing from out/: a report still builds after out/ is removed', async () => {
    const before = await buildReport({ pipelineFile: file });
    rmSync(join(dirname(file), 'out'), { recursive: true, force: true });
    const after = await buildReport({ pipelineFile: file });
    expect(after.sections.map((s) => s.id)).toEqual(before.sections.map((s) => s.id));
    expect(after.data).toEqual(before.data);
  });

  it('genesis report writes out/<name>/report.html, or -o FILE, one file with no outside reference', async () => {
    const r = await runCli(['report', file]);
    expect(r.code, r.stderr).toBe(0);
    const out = join(dirname(file), 'out/conv/report.html');
    expect(r.stdout).toMatch(/^wrote .*report\.html \(\d+ KB, 6 sections\)$/m);
    const html = readFileSync(out, 'utf8');
    expect(html).not.toMatch(/(src|href)=["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/<link\b|@import|url\(\s*['"]?https?:/i);
    const other = join(tempDir(), 'r.html');
    expect((await runCli(['report', file, '-o', other])).code).toBe(0);
    expect(existsSync(other)).toBe(true);
  });

  it('a state database an older genesis wrote (version 3) is read through a migrated copy, and left as it was', async () => {
    const dbFile = join(dirname(file), '.genesis/state.db');
    const old = new Database(dbFile);
    old.exec('ALTER TABLE items DROP COLUMN batch_records; ALTER TABLE datasets DROP COLUMN batch_records;');
    old.pragma('user_version = 3');
    old.close();
    const r = await runCli(['report', file, '-o', join(tempDir(), 'old.html')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/6 sections/);
    const after = new Database(dbFile, { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(3);
    after.close();
  });
});

describe('failures first', () => {
  it('a gate that failed in the latest run puts its section on top, read from the failed report, and the CLI says so', async () => {
    const file = await failedGateRun();
    const r = await buildSections({ pipelineFile: file });
    expect(r.sections[0]!.id).toBe('run');
    expect(r.sections.find((s) => s.id === 'quality-validate')?.alert).toBe(true);
    expect(r.sections.find((s) => s.id === 'run')?.alert).toBe(true);
    expect(r.sections.find((s) => s.id === 'quality-validate')!.html).toMatch(/FAILED<\/span><\/td><td><code>overall<\/code>/);
    const cli = await runCli(['report', file]);
    expect(cli.code).toBe(0);
    expect(cli.stdout).toMatch(/needs attention: The run, Quality \(validate\)/);
    const html = readFileSync(join(dirname(file), 'out/strict/report.html'), 'utf8');
    // Sections needing attention come first in the page.
    expect(html.indexOf('id="run"')).toBeLessThan(html.indexOf('id="conv-generate"'));
    expect(html.indexOf('id="quality-validate"')).toBeLessThan(html.indexOf('id="conv-generate"'));
  }, 120_000);
});

describe('series and a forecaster', () => {
  it('has small multiples per type, profiles, ACF and the forecaster against seasonal naive', async () => {
    const file = await seriesRun();
    const r = await buildSections({ pipelineFile: file });
    expect(r.sections.map((s) => s.id)).toEqual(['run', 'ts-generate', 'quality-validate', 'fc-forecast']);
    const ts = r.sections.find((s) => s.id === 'ts-generate')!;
    const types = new Set(jsonl(join(dirname(file), 'out/series/generate/series.jsonl')).map((s) => s.series_type));
    expect(ts.charts.filter((c) => c.small)).toHaveLength(types.size);
    expect(ts.charts.map((c) => c.id)).toContain('ts-generate-acf');
    const fc = r.sections.find((s) => s.id === 'fc-forecast')!;
    const metrics = JSON.parse(readFileSync(join(dirname(file), 'out/series/forecast/metrics.json'), 'utf8'));
    expect(fc.charts[0]!.marks[1]!.data).toHaveLength(metrics.per_series.length);
    const example = fc.charts.find((c) => c.id === 'fc-forecast-example')!;
    expect(new Set((example.marks[0]!.data as Array<{ series: string }>).map((d) => d.series))).toEqual(new Set(['actual', 'seasonal naive', 'ridge']));
  }, 120_000);
});

describe('genesis report input', () => {
  it('exits 2 with a located error for a bad pipeline file', async () => {
    const file = writePipeline('name: bad\nsteps:\n  generate: { uses: generate/nope }\n');
    const r = await runCli(['report', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/pipeline\.yaml:3:\d+: error: /);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('says clearly when the pipeline never ran, and writes nothing', async () => {
    const file = writePipeline('name: fresh\nsteps:\n  generate: { uses: generate/conversations, with: { count: 5 } }\n');
    const r = await runCli(['report', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/pipeline "fresh" has never run here, so there is nothing to report; run `genesis run .*pipeline\.yaml` first/);
    expect(existsSync(join(dirname(file), 'out'))).toBe(false);
    expect(existsSync(join(dirname(file), '.genesis'))).toBe(false);
  });

  it.each([[['report']], [['report', 'a.yaml', '--bogus']]])('usage errors exit 2: %j', async (args) => {
    const r = await runCli(args);
    expect(r.code).toBe(2);
  });
});
