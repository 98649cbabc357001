// `genesis export` and the export/huggingface step as users see them: the Hub layout, stratified seeded splits,
// Parquet read back by two independent readers, JSONL, and usage errors.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';
import { allocate } from '../../steps/export-huggingface/split.js';
import { cardHeader, conversationsPipeline, filesUnder, jsonl, readHyparquet, readParquetWasm, registered, seriesPipeline, withoutNulls } from './fixtures.js';

let file: string;
let state: string;
let records: Array<Record<string, unknown>>;

const exportTo = async (...args: string[]) => {
  const to = join(tempDir(), 'hf');
  const r = await runCli(['export', 'support', '--to', to, '--state-dir', state, ...args]);
  return { ...r, to };
};

beforeAll(async () => {
  ({ file, state } = await registered(
    conversationsPipeline(`  export:
    uses: export/huggingface
    needs: [register]
    with: { splits: { train: 0.8, test: 0.2 } }
`),
  ));
  records = jsonl(join(file, '..', 'out/exp/generate/conversations.jsonl'));
});

describe('genesis export (conversations)', () => {
  it('writes data/<split>-00000-of-00001.parquet per split, per-language copies and README.md', async () => {
    const r = await exportTo();
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^exported support@1 to \S+: train \d+, test \d+ \(parquet; README\.md, data\/train-00000-of-00001\.parquet/);
    expect(filesUnder(r.to)).toEqual([
      'README.md',
      'data/en/test-00000-of-00001.parquet', 'data/en/train-00000-of-00001.parquet',
      'data/es/test-00000-of-00001.parquet', 'data/es/train-00000-of-00001.parquet',
      'data/test-00000-of-00001.parquet', 'data/train-00000-of-00001.parquet',
    ]);
  });

  it('round trip: both readers get every record back, turns as a list of structs, no JSON strings', async () => {
    const { to } = await exportTo();
    const back = [...(await readHyparquet(join(to, 'data/train-00000-of-00001.parquet'))), ...(await readHyparquet(join(to, 'data/test-00000-of-00001.parquet')))];
    const wasm = await readParquetWasm(join(to, 'data/train-00000-of-00001.parquet'));
    const wasmTest = await readParquetWasm(join(to, 'data/test-00000-of-00001.parquet'));
    expect(back).toHaveLength(records.length);
    expect(wasm.rows.length + wasmTest.rows.length).toBe(records.length);
    expect(wasm.types.turns).toBe('List<Struct<{speaker:Utf8, text:Utf8}>>');
    expect(wasm.types.turn_count).toBe('Int32');
    const byId = (rows: Array<Record<string, unknown>>) => new Map(rows.map((x) => [x.conversation_id as string, withoutNulls(x)]));
    const h = byId(back);
    const w = byId([...wasm.rows, ...wasmTest.rows]);
    for (const rec of records) {
      expect(h.get(rec.conversation_id as string)).toEqual(rec);
      expect(w.get(rec.conversation_id as string)).toEqual(rec);
    }
    expect(Array.isArray(back[0]!.turns) && typeof (back[0]!.turns as unknown[])[0]).toBe('object');
  });

  it('splits are stratified by intent: every intent in every split, counts by largest remainder', async () => {
    const { to } = await exportTo();
    const train = await readHyparquet(join(to, 'data/train-00000-of-00001.parquet'));
    const test = await readHyparquet(join(to, 'data/test-00000-of-00001.parquet'));
    const count = (rows: Array<Record<string, unknown>>) => rows.reduce((m, x) => m.set(x.intent as string, (m.get(x.intent as string) ?? 0) + 1), new Map<string, number>());
    const all = count(records);
    const [tr, te] = [count(train), count(test)];
    expect(all.size).toBe(77);
    for (const [intent, n] of all) {
      const want = allocate(n, [{ name: 'train', fraction: 0.9 }, { name: 'test', fraction: 0.1 }]);
      expect([tr.get(intent) ?? 0, te.get(intent) ?? 0], intent).toEqual(want);
      if (n >= 2) expect(te.get(intent), `${intent} (${n} records) is in the test split`).toBeGreaterThan(0);
    }
    // Within a split, records keep the dataset's order.
    const order = new Map(records.map((x, i) => [x.conversation_id, i]));
    const idx = train.map((x) => order.get(x.conversation_id)!);
    expect(idx).toEqual([...idx].sort((a, b) => a - b));
  });

  it('is deterministic: same dataset and seed → same bytes; another --seed → other members, same counts', async () => {
    const a = await exportTo();
    const b = await exportTo();
    const c = await exportTo('--seed', '8');
    const bytes = (dir: string, f: string) => readFileSync(join(dir, f));
    for (const f of filesUnder(a.to)) expect(bytes(b.to, f).equals(bytes(a.to, f)), f).toBe(true);
    const ids = async (dir: string) => (await readHyparquet(join(dir, 'data/test-00000-of-00001.parquet'))).map((x) => x.conversation_id);
    expect(await ids(c.to)).toHaveLength((await ids(a.to)).length);
    expect(await ids(c.to)).not.toEqual(await ids(a.to));
  });

  it('--split with three splits; an intent with fewer records than splits is named in the card', async () => {
    const r = await exportTo('--split', 'train=0.8,validation=0.1,test=0.1');
    expect(r.code, r.stderr).toBe(0);
    expect(filesUnder(r.to).filter((f) => !f.includes('/e'))).toEqual(['README.md', 'data/test-00000-of-00001.parquet', 'data/train-00000-of-00001.parquet', 'data/validation-00000-of-00001.parquet']);
    const sizes = await Promise.all(['train', 'validation', 'test'].map(async (s) => (await readHyparquet(join(r.to, `data/${s}-00000-of-00001.parquet`))).length));
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(records.length);
    const header = cardHeader(r.to);
    expect(header.configs[0].data_files.map((f: { split: string }) => f.split)).toEqual(['train', 'validation', 'test']);
  });

  it('--format jsonl writes the records unchanged, split the same way as Parquet', async () => {
    const j = await exportTo('--format', 'jsonl');
    const p = await exportTo();
    expect(j.code, j.stderr).toBe(0);
    expect(filesUnder(j.to)).toContain('data/train-00000-of-00001.jsonl');
    const train = jsonl(join(j.to, 'data/train-00000-of-00001.jsonl'));
    const test = jsonl(join(j.to, 'data/test-00000-of-00001.jsonl'));
    expect([...train, ...test].sort((a, b) => String(a.conversation_id).localeCompare(String(b.conversation_id)))).toEqual(
      [...records].sort((a, b) => String(a.conversation_id).localeCompare(String(b.conversation_id))),
    );
    expect(train.map((x) => x.conversation_id)).toEqual((await readHyparquet(join(p.to, 'data/train-00000-of-00001.parquet'))).map((x) => x.conversation_id));
    expect(cardHeader(j.to).configs[0].data_files[0].path).toBe('data/train-00000-of-00001.jsonl');
  });

  it('the export/huggingface step writes the same data files as the command with the same splits', async () => {
    const cli = await exportTo('--split', 'train=0.8,test=0.2');
    const step = join(file, '..', 'out/exp/export');
    expect(filesUnder(step).filter((f) => f !== '.genesis-output')).toEqual(filesUnder(cli.to));
    for (const f of filesUnder(step).filter((x) => x.endsWith('.parquet'))) expect(readFileSync(join(step, f)).equals(readFileSync(join(cli.to, f))), f).toBe(true);
    const again = await runCli(['run', file, '--json']);
    const report = JSON.parse(again.stdout) as { steps: Array<{ id: string; status: string }> };
    expect(report.steps.find((s) => s.id === 'export')?.status).toBe('cached');
  });

  it('--json prints the dataset, splits and files on stdout, nothing else there', async () => {
    const r = await exportTo('--json');
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout) as { dataset: string; format: string; splits: Array<{ name: string; count: number }>; files: string[] };
    expect(j.dataset).toBe('support@1');
    expect(j.format).toBe('parquet');
    expect(j.splits.map((x) => x.name)).toEqual(['train', 'test']);
    expect(j.splits.reduce((a, x) => a + x.count, 0)).toBe(records.length);
    expect([...j.files].sort()).toEqual(filesUnder(r.to));
  });

  it('the step without a register/dataset need is a clear error', async () => {
    const { writePipeline } = await import('../helpers/cli.js');
    const p = writePipeline(`name: nr
steps:
  generate: { uses: generate/conversations, with: { count: 5 } }
  export: { uses: export/huggingface, needs: [generate] }
`);
    const r = await runCli(['run', p]);
    // Found when the step runs (what its needs hold is known then), so it fails the step like other steps' inputs.
    expect(r.code).toBe(1);
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.stderr).toMatch(/export: export\/huggingface exports a registered dataset: list the register\/dataset step in `needs`/);
  });

  it('the step refuses split fractions that do not add up to 1, located', async () => {
    const { writePipeline } = await import('../helpers/cli.js');
    const p = writePipeline(`name: nr
steps:
  register: { uses: debug/echo, with: { message: x } }
  export:
    uses: export/huggingface
    needs: [register]
    with: { splits: { train: 0.5, test: 0.2 } }
`);
    const r = await runCli(['validate', p]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/pipeline\.yaml:7:\d+: error: .*the split fractions add up to 0\.7, not 1/);
  });

  it('replaces an earlier export in --to, and refuses a folder holding other files', async () => {
    const { to } = await exportTo('--format', 'jsonl');
    const again = await runCli(['export', 'support', '--to', to, '--state-dir', state]);
    expect(again.code, again.stderr).toBe(0);
    expect(filesUnder(to).some((f) => f.endsWith('.jsonl'))).toBe(false);
    const other = tempDir();
    writeFileSync(join(other, 'notes.txt'), 'mine');
    const r = await runCli(['export', 'support', '--to', other, '--state-dir', state]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/holds files an export did not write \(notes\.txt\)/);
    expect(readFileSync(join(other, 'notes.txt'), 'utf8')).toBe('mine');
  });

  it.each([
    [['export'], /missing dataset name\nusage: genesis export/],
    [['export', 'support'], /missing --to DIR/],
    [['export', 'support', '--to', 'x', '--format', 'csv'], /--format must be parquet or jsonl, not "csv"/],
    [['export', 'support', '--to', 'x', '--split', 'train=0.9,test=0.2'], /--split: the fractions add up to 1\.1, not 1/],
    [['export', 'support', '--to', 'x', '--split', 'train:0.9'], /--split: "train:0.9" is not name=fraction/],
    [['export', 'support', '--to', 'x', '--split', 'train=0.5,train=0.5'], /split "train" is given twice/],
    [['export', 'support', '--to', 'x', '--split', '9x=1'], /split name "9x" must be letters/],
    [['export', 'support', '--to', 'x', '--seed', '1.5'], /--seed must be an integer ≥ 0, not "1.5"/],
    [['export', 'support', '--to', 'x', '--bogus'], /Unknown option '--bogus'/],
    [['export', 'suport', '--to', 'x'], /no dataset "suport" is registered in \S+ \(did you mean "support"\?\)/],
    [['export', 'support@4', '--to', 'x'], /dataset "support" has no version 4 \(latest is 1\)/],
    [['export', 'support@x', '--to', 'x'], /version after @ must be a number/],
  ])('%j exits 2 with a clear message and writes nothing', async (args, message) => {
    const cwd = tempDir();
    const r = await runCli([...args.map((a) => (a === 'x' ? join(cwd, 'x') : a)), '--state-dir', state]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(existsSync(join(cwd, 'x'))).toBe(false);
  });

  it('a dataset whose records no longer fit the schema is a located error', async () => {
    const { registered: reg } = await import('./fixtures.js');
    const bad = await reg(`name: bad
steps:
  gen: { uses: command, run: "printf '%s\\\\n' '{\\"conversation_id\\":\\"c0\\"}' > \\"$GENESIS_OUT/conversations.jsonl\\"" }
  register: { uses: register/dataset, needs: [gen], with: { name: broken } }
`);
    const to = join(tempDir(), 'hf');
    const r = await runCli(['export', 'broken', '--to', to, '--state-dir', bad.state]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/^broken@1:1: error: cannot export this conversation: field `intent` must be a string, got nothing/m);
    expect(existsSync(to)).toBe(false);
  });
});

describe('genesis export (time series)', () => {
  it('writes series with target as a list of doubles and start as a timestamp, stratified by series type', async () => {
    const ts = await registered(seriesPipeline);
    const series = jsonl(join(ts.file, '..', 'out/ts/generate/series.jsonl'));
    const to = join(tempDir(), 'hf');
    const r = await runCli(['export', 'load-series', '--to', to, '--state-dir', ts.state, '--split', 'train=0.75,test=0.25']);
    expect(r.code, r.stderr).toBe(0);
    expect(filesUnder(to)).toEqual(['README.md', 'data/test-00000-of-00001.parquet', 'data/train-00000-of-00001.parquet']);
    const wasm = await readParquetWasm(join(to, 'data/train-00000-of-00001.parquet'));
    expect(wasm.types.target).toBe('List<Float64>');
    expect(wasm.types.start).toMatch(/^Timestamp<MILLISECOND/);
    const back = [...(await readHyparquet(join(to, 'data/train-00000-of-00001.parquet'))), ...(await readHyparquet(join(to, 'data/test-00000-of-00001.parquet')))];
    expect(back).toHaveLength(series.length);
    const byId = new Map(back.map((s) => [s.series_id, s]));
    for (const s of series) {
      const b = byId.get(s.series_id)!;
      expect(b.target).toEqual(s.target);
      expect((b.start as Date).getTime()).toBe(Date.parse(s.start as string));
      expect(b.seasonality_types).toEqual(s.seasonality_types);
    }
    const types = new Set(series.map((s) => s.series_type));
    const testTypes = new Set((await readHyparquet(join(to, 'data/test-00000-of-00001.parquet'))).map((s) => s.series_type));
    const counts = series.reduce((m, s) => m.set(s.series_type, (m.get(s.series_type) ?? 0) + 1), new Map());
    for (const t of types) if (counts.get(t) >= 2) expect(testTypes.has(t), String(t)).toBe(true);
    const h = cardHeader(to);
    expect(h.task_categories).toEqual(['time-series-forecasting']);
    expect(h.task_ids).toEqual(['univariate-time-series-forecasting']);
    expect(h.language).toBeUndefined();
  });
});
