// The register step's parts on their own: content hashing and counting, sorting inputs, spend from the runner's tables.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { StepInput } from '../../steps/contract.js';
import { hashAndCount } from '../../steps/register-dataset/content.js';
import { sortInputs } from '../../steps/register-dataset/inputs.js';
import { producerSpend } from '../../steps/register-dataset/provenance.js';
import { openDb } from '../../store/db.js';
import { tempDir } from '../helpers/cli.js';

describe('hashAndCount', () => {
  it.each([
    ['lines with a final newline', '{"a":1}\n{"a":2}\n', 2],
    ['no final newline', '{"a":1}\n{"a":2}', 2],
    ['blank and whitespace lines', '\n{"a":1}\n  \n\r\n{"a":2}\n\n', 2],
    ['empty file', '', 0],
  ])('%s', (_label, text, records) => {
    const path = join(tempDir(), 'd.jsonl');
    writeFileSync(path, text);
    expect(hashAndCount(path)).toEqual({ hash: createHash('sha256').update(text).digest('hex'), records });
  });

  it('counts across read chunks', () => {
    const path = join(tempDir(), 'big.jsonl');
    const line = JSON.stringify({ text: 'x'.repeat(1000) }) + '\n';
    writeFileSync(path, line.repeat(3000)); // ~3 MB: several 1 MiB chunks, lines straddling their edges
    expect(hashAndCount(path).records).toBe(3000);
  });
});

const input = (stepId: string, files: string[], needs: StepInput[] = []): StepInput => ({ stepId, uses: 'command', dir: `/x/${stepId}`, files, outputHash: `h-${stepId}`, needs });

describe('sortInputs', () => {
  it('finds the dataset, reports, training metrics and models by file name', () => {
    const s = sortInputs(
      [
        input('val', ['quality.json', 'quality.md']),
        input('gen', ['conversations.jsonl', 'generation.json']),
        input('bias', ['bias.json']),
        input('train', ['metrics.json', 'model.json', 'report.md']),
        input('fc', ['forecaster.json', 'metrics.json']),
        input('notes', ['readme.txt']),
      ],
      undefined,
    );
    expect([s.dataset.input.stepId, s.dataset.file, s.dataset.recordType]).toEqual(['gen', 'conversations.jsonl', 'conversation']);
    expect(s.reports.map((r) => `${r.input.stepId}:${r.kind}`)).toEqual(['val:quality', 'bias:bias', 'train:training', 'fc:training']);
    expect(s.models.map((m) => `${m.input.stepId}:${m.modelFile}:${m.metricsFile}`)).toEqual(['train:model.json:metrics.json', 'fc:forecaster.json:metrics.json']);
  });

  it('finds a command step’s dataset under _outputs/, preferring the shallowest', () => {
    const s = sortInputs([input('cmd', ['_outputs/data/deep/series.jsonl', '_outputs/series.jsonl'])], undefined);
    expect([s.dataset.file, s.dataset.recordType]).toEqual(['_outputs/series.jsonl', 'series']);
  });
});

describe('producerSpend', () => {
  it('sums every attempt that led to the output, interrupted ones included, and nothing else', () => {
    const dir = join(tempDir(), '.genesis');
    mkdirSync(dir);
    const db = openDb(dir);
    try {
      db.prepare("INSERT INTO runs (id, pipeline_file, pipeline_name, pipeline_hash, started_at, status) VALUES ('r', 'p', 'n', 'h', 't', 'x')").run();
      const stepRun = db.prepare("INSERT INTO step_runs (run_id, step_id, uses, status, fingerprint_hash, output_hash, metrics) VALUES (?, ?, 'generate/conversations', ?, ?, ?, ?)");
      const cost = (inputTokens: number, usd: number, batchRecords = 0) =>
        JSON.stringify({ items: {}, cost: { inputTokens, outputTokens: inputTokens / 2, usd, requests: 1, ...(batchRecords ? { batchRecords } : {}) } });
      db.prepare("INSERT INTO runs (id, pipeline_file, pipeline_name, pipeline_hash, started_at, status) VALUES ('r2', 'p', 'n', 'h', 't', 'x'), ('r3', 'p', 'n', 'h', 't', 'x'), ('r4', 'p', 'n', 'h', 't', 'x')").run();
      stepRun.run('r', 'gen', 'interrupted', 'fp1', null, cost(100, 0.5, 3));
      stepRun.run('r2', 'gen', 'ran', 'fp1', 'out1', cost(40, 0.25));
      stepRun.run('r3', 'gen', 'cached', 'fp1', 'out1', null);
      stepRun.run('r4', 'gen', 'ran', 'fp2', 'out2', cost(1000, 9));
      expect(producerSpend(db, 'gen', 'out1')).toEqual({ inputTokens: 140, outputTokens: 70, requests: 2, batchRecords: 3, usd: 0.75 });
      expect(producerSpend(db, 'gen', 'nothing')).toEqual({ inputTokens: 0, outputTokens: 0, requests: 0, batchRecords: 0, usd: 0 });
    } finally {
      db.close();
    }
  });
});
