// register/dataset through `genesis run`: versions by content, idempotent reruns, reports, models and failures.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, writePipeline } from '../helpers/cli.js';
import { json, newPipeline, pipelineYaml, registration, runOk, stateDir } from './fixtures.js';

interface ListRow {
  name: string;
  version: number;
  contentHash: string;
  recordCount: number;
}

const list = (file: string) => json<ListRow[]>(['datasets', '--state-dir', stateDir(file)]);

describe('register/dataset', () => {
  it('registers the dataset once: a rerun and a forced rerun keep version 1 and add no row', async () => {
    const file = newPipeline();
    expect((await runOk(file)).register).toBe('ran');
    const bytes = readFileSync(join(dirname(file), 'out/reg/gen/conversations.jsonl'));
    const first = registration(file);
    expect(first).toMatchObject({ name: 'support', version: 1, record_count: 3, record_type: 'conversation', content_hash: createHash('sha256').update(bytes).digest('hex') });

    expect((await runOk(file)).register).toBe('cached');
    expect((await runOk(file, '--force', 'register')).register).toBe('ran');
    expect(registration(file)).toEqual(first);
    const rows = await list(file);
    expect(rows.map((r) => `${r.name}@${r.version}`)).toEqual(['support@1']);
  });

  it('changed content is the next version; content seen before is its old version again', async () => {
    const file = newPipeline();
    await runOk(file);
    writeFileSync(file, pipelineYaml({ records: ['{"conversation_id":"x"}'] }));
    await runOk(file);
    expect(registration(file)).toMatchObject({ version: 2, record_count: 1 });
    writeFileSync(file, pipelineYaml());
    await runOk(file, '--force', 'register');
    expect(registration(file)).toMatchObject({ version: 1, record_count: 3 });
    const rows = await list(file);
    expect(rows.map((r) => [r.version, r.recordCount])).toEqual([
      [2, 1],
      [1, 3],
    ]);
  });

  it('records the quality and bias reports, the training metrics and the model with the dataset', async () => {
    const file = newPipeline();
    await runOk(file);
    const show = await json<{
      producerStep: string;
      producerFingerprint: { uses: string; seed: number };
      seed: number;
      metrics: Array<{ kind: string; stepId: string; metrics: Record<string, unknown> }>;
      trainingRuns: Array<{ stepId: string; modelHash: string; params: unknown; metrics: unknown }>;
    }>(['datasets', 'show', 'support', '--state-dir', stateDir(file)]);
    expect(show.producerStep).toBe('gen');
    expect(show.producerFingerprint).toMatchObject({ uses: 'command', seed: 11 });
    expect(show.metrics.map((m) => [m.kind, m.stepId]).sort()).toEqual([
      ['bias', 'bias'],
      ['quality', 'quality'],
      ['training', 'train'],
    ]);
    expect(show.metrics.find((m) => m.kind === 'quality')!.metrics).toMatchObject({ overall: 0.875 });
    const model = readFileSync(join(dirname(file), 'out/reg/train/model.json'));
    expect(show.trainingRuns).toEqual([
      expect.objectContaining({ stepId: 'train', modelHash: createHash('sha256').update(model).digest('hex'), params: { C: 4 }, metrics: { accuracy: 0.5, macro_f1: 0.25 } }),
    ]);
  });

  it('does not record a report that was not computed from the dataset', async () => {
    const file = writePipeline(
      pipelineYaml({
        register: '{ name: support }',
        extra: `  stray:
    uses: command
    run: echo '{"overall":0.1}' > "$GENESIS_OUT/quality.json"
`,
      }).replace('needs: [gen, quality, bias, train]', 'needs: [gen, stray]'),
    );
    const r = await runCli(['run', file]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr + r.stdout).toMatch(/stray: not computed from gen's output/);
    const show = await json<{ metrics: unknown[] }>(['datasets', 'show', 'support', '--state-dir', stateDir(file)]);
    expect(show.metrics).toEqual([]);
  });

  it.each([
    ['no dataset among needs or upstream', 'needs: [lonely]', '{ name: support }', /no dataset among this step's needs or upstream of them.*lonely \(notes\.txt\)/],
    ['two datasets upstream', 'needs: [quality, quality2]', '{ name: support }', /the needs lead to several datasets: gen \(via quality\); gen2 \(via quality2\); say which with with\.dataset/],
    ['two datasets and no with.dataset', 'needs: [gen, gen2]', '{ name: support }', /several needs hold a dataset \(gen, gen2\).*with\.dataset/],
    ['with.dataset not in needs', 'needs: [gen]', '{ name: support, dataset: gne }', /with\.dataset names "gne", which is neither in this step's needs nor upstream of them.*did you mean "gen"/],
    ['with.dataset without a dataset', 'needs: [gen, quality]', '{ name: support, dataset: quality }', /step "quality" wrote no conversations\.jsonl or series\.jsonl/],
  ])('fails the step with a clear message: %s', async (_label, needs, withBlock, message) => {
    const yaml = pipelineYaml({
      register: withBlock,
      extra: `  gen2:
    uses: command
    run: echo '{}' > "$GENESIS_OUT/series.jsonl"
  quality2:
    uses: command
    needs: [gen2]
    run: echo '{"overall":1}' > "$GENESIS_OUT/quality.json"
  lonely:
    uses: command
    run: echo hi > "$GENESIS_OUT/notes.txt"
`,
    }).replace('needs: [gen, quality, bias, train]', needs);
    const r = await runCli(['run', writePipeline(yaml), '--json']);
    expect(r.code).toBe(1);
    const step = (JSON.parse(r.stdout) as { steps: Array<{ id: string; status: string; error?: string }> }).steps.find((s) => s.id === 'register')!;
    expect(step.status).toBe('failed');
    expect(step.error).toMatch(message);
  });

  it('finds the dataset through the lineage of its needs: `needs: [quality, bias, train]` registers gen’s output with the reports and model', async () => {
    const file = newPipeline({ register: '{ name: support }' });
    writeFileSync(file, readFileSync(file, 'utf8').replace('needs: [gen, quality, bias, train]', 'needs: [quality, bias, train]'));
    expect((await runOk(file)).register).toBe('ran');
    const bytes = readFileSync(join(dirname(file), 'out/reg/gen/conversations.jsonl'));
    expect(registration(file)).toMatchObject({ name: 'support', version: 1, record_count: 3, content_hash: createHash('sha256').update(bytes).digest('hex') });
    const show = await json<{ producerStep: string; metrics: Array<{ kind: string }>; trainingRuns: unknown[] }>(['datasets', 'show', 'support', '--state-dir', stateDir(file)]);
    expect(show.producerStep).toBe('gen');
    expect(show.metrics.map((m) => m.kind).sort()).toEqual(['bias', 'quality', 'training']);
    expect(show.trainingRuns).toHaveLength(1);
  });

  it('a dataset found upstream enters the fingerprint: new records behind unchanged reports register a new version', async () => {
    const withLineage = (records?: string[]) => pipelineYaml({ records, register: '{ name: support }' }).replace('needs: [gen, quality, bias, train]', 'needs: [quality, bias, train]');
    const file = writePipeline(withLineage());
    await runOk(file);
    writeFileSync(file, withLineage(['{"conversation_id":"new"}']));
    // quality, bias and train rerun with unchanged outputs (they ignore the records): only the lineage says register is stale.
    expect(await runOk(file)).toMatchObject({ gen: 'ran', quality: 'ran', register: 'ran' });
    expect(registration(file)).toMatchObject({ version: 2, record_count: 1 });
  });

  const check2 = `  check2:
    uses: command
    needs: [gen2]
    run: echo ok > "$GENESIS_OUT/ok.txt"
`;
  it.each([
    ['one of several needs holding a dataset', 'needs: [gen, gen2]', ''],
    ['a step upstream of the needs', 'needs: [quality, check2]', check2],
  ])('with.dataset picks %s', async (_label, needs, more) => {
    const yaml = pipelineYaml({
      register: '{ name: curves, dataset: gen2 }',
      extra: `  gen2:
    uses: command
    run: printf '{"series_id":"s0"}\\n{"series_id":"s1"}\\n' > "$GENESIS_OUT/series.jsonl"
${more}`,
    }).replace('needs: [gen, quality, bias, train]', needs);
    const file = writePipeline(yaml);
    await runOk(file);
    expect(registration(file)).toMatchObject({ name: 'curves', version: 1, record_type: 'series', record_count: 2 });
  });

  it('rejects a name the registry cannot address, before anything runs', async () => {
    const r = await runCli(['run', newPipeline({ register: '{ name: "my data@2" }' })]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/steps\.register\.with\.name` must match/);
  });
});

describe('register/dataset after generate/conversations', () => {
  it('records the provider, the generator and the seed of a real offline generation', async () => {
    const file = writePipeline(`name: reg
seed: 5
steps:
  gen: { uses: generate/conversations, with: { count: 6 } }
  register: { uses: register/dataset, needs: [gen], with: { name: offline-demo, schema_version: "2" } }
`);
    await runOk(file);
    const show = await json<{ provider: string; model: string; seed: number; recordCount: number; schemaVersion: string; producerFingerprint: { provider: unknown; version: string } }>([
      'datasets',
      'show',
      'offline-demo@latest',
      '--state-dir',
      stateDir(file),
    ]);
    expect(show).toMatchObject({ provider: 'offline', seed: 5, recordCount: 6, schemaVersion: '2', producerFingerprint: { provider: { type: 'offline' } } });
    // Which code made it is the producer fingerprint's derived version; outputs name no code hash (early cutoff).
    expect(show.model).toBe('offline');
    expect(show.producerFingerprint.version).toMatch(/^[0-9a-f]{16}$/);
  });
});
