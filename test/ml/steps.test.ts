// The train/intent-classifier and train/forecaster steps run through a test StepContext.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import intentStep from '../../steps/train-intent-classifier/index.js';
import forecastStep from '../../steps/train-forecaster/index.js';
import type { IntentClassifierParams } from '../../steps/train-intent-classifier/params.js';
import type { ForecasterParams } from '../../steps/train-forecaster/run.js';
import type { Conversation } from '../../util/records.js';
import { inputFrom, testContext } from '../helpers/step-context.js';
import { deserializeTextClassifier } from '../../ml/model-file.js';
import { InputError } from '../../util/errors.js';

const intentDefaults: IntentClassifierParams = {
  text_column: 'text', label_column: 'intent', text_from: 'customer_turns', label: 'intent', test_fraction: 0.25,
  C: 10, max_iter: 60, tol: 0.0005, class_weight: null, word_ngrams: [1, 2], char_ngrams: [2, 5], min_df: 1,
};
const PHRASES: Record<string, string[]> = {
  card_arrival: ['my card has not arrived', 'where is my new card', 'card delivery is late', 'still waiting for my card'],
  refund: ['I want a refund', 'give me my money back', 'refund not received', 'please refund the charge'],
  exchange_rate: ['what exchange rate do you use', 'euro to dollar rate', 'is the exchange rate fair', 'rate for currency exchange'],
};

function conversations(): Conversation[] {
  return Object.entries(PHRASES).flatMap(([intent, phrases]) =>
    phrases.flatMap((ph, i) => [0, 1].map((v) => ({
      conversation_id: `${intent}-${i}-${v}`, intent, category: 'cards', sentiment: 'neutral' as const, complexity: 'simple' as const,
      emotion_arc: 'flat', language: 'en' as const, turn_count: 2, resolution_status: 'resolved',
      turns: [{ speaker: 'customer' as const, text: v ? `hello, ${ph}` : ph }, { speaker: 'agent' as const, text: 'let me check that for you' }],
    }))));
}

describe('train/intent-classifier', () => {
  it('trains on upstream conversations.jsonl and writes model, metrics and report', async () => {
    const up = mkdtempSync(join(tmpdir(), 'genesis-up-'));
    writeFileSync(join(up, 'conversations.jsonl'), conversations().map((c) => JSON.stringify(c)).join('\n') + '\n');
    const ctx = testContext(intentDefaults, { inputs: [inputFrom(up)] });
    const result = await intentStep.run(ctx);
    expect(readdirSync(ctx.outDir).sort()).toEqual(['metrics.json', 'model.json', 'report.md']);
    expect(result?.summary).toMatch(/^accuracy \d\.\d{3} on 6 held-out$/);
    const metrics = JSON.parse(readFileSync(join(ctx.outDir, 'metrics.json'), 'utf8'));
    expect(metrics.held_out.n).toBe(6);
    expect(metrics.held_out.confusion.labels).toEqual(['card_arrival', 'exchange_rate', 'refund']);
    expect(deserializeTextClassifier(readFileSync(join(ctx.outDir, 'model.json'), 'utf8')).labels).toHaveLength(3);
  });

  it('reads a CSV with a category column and evaluates on an external file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'genesis-csv-'));
    const rows = Object.entries(PHRASES).flatMap(([l, ps]) => ps.map((p) => `"${p}",${l}`));
    writeFileSync(join(dir, 'train.csv'), ['text,category', ...rows, ...rows.map((r) => r.replace('"', '"so '))].join('\n'));
    writeFileSync(join(dir, 'real.csv'), ['text,category', '"my card never came",card_arrival', '"money back please",refund'].join('\n'));
    const ctx = testContext({ ...intentDefaults, label_column: 'category', input: join(dir, 'train.csv'), evaluate_on: join(dir, 'real.csv') });
    const result = await intentStep.run(ctx);
    expect(result?.summary).toMatch(/held-out; \d\.\d{3} on 2 external$/);
    expect(JSON.parse(readFileSync(join(ctx.outDir, 'metrics.json'), 'utf8')).external.n).toBe(2);
  });

  it('writes byte-identical outputs for the same inputs', async () => {
    const up = mkdtempSync(join(tmpdir(), 'genesis-up-'));
    writeFileSync(join(up, 'conversations.jsonl'), conversations().map((c) => JSON.stringify(c)).join('\n'));
    const a = testContext(intentDefaults, { inputs: [inputFrom(up)] });
    const b = testContext(intentDefaults, { inputs: [inputFrom(up)] });
    await intentStep.run(a);
    await intentStep.run(b);
    for (const f of ['model.json', 'metrics.json', 'report.md']) expect(readFileSync(join(a.outDir, f))).toEqual(readFileSync(join(b.outDir, f)));
  });

  it.each([
    ['no input at all', {}, /needs `with.input` or an upstream step/],
    ['a missing column', { input: 'x.csv', label_column: 'label' }, /has no "label" column/],
  ])('fails with an InputError for %s', async (_n, extra, message) => {
    const dir = mkdtempSync(join(tmpdir(), 'genesis-bad-'));
    writeFileSync(join(dir, 'x.csv'), 'text,category\nhello,a\n');
    const p = { ...intentDefaults, ...extra } as IntentClassifierParams;
    if (p.input) p.input = join(dir, p.input);
    const err = await intentStep.run(testContext(p)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toMatch(message);
  });
});

describe('train/forecaster', () => {
  const params: ForecasterParams = { horizon: 24, model: 'ridge', season: 24, lags: 48, weekly_lag: 168, alpha: 1 };
  const wave = (t: number, s: number) => Math.round(100 + 20 * s + 30 * Math.sin((2 * Math.PI * t) / 24) + 0.05 * t + ((t * 7919 + s) % 13));

  it('scores ridge and seasonal naive on a wide CSV and writes forecaster.json', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'genesis-fc-'));
    const lines = ['timestamp,a,b'];
    for (let t = 0; t < 24 * 21; t++) lines.push(`${new Date(Date.UTC(2024, 0, 1) + t * 3_600_000).toISOString()},${wave(t, 0)},${wave(t, 1)}`);
    writeFileSync(join(dir, 'hourly.csv'), lines.join('\n') + '\n');
    const ctx = testContext({ ...params, input: join(dir, 'hourly.csv') });
    const result = await forecastStep.run(ctx);
    expect(result?.summary).toMatch(/^MASE \d+\.\d{3} \(seasonal naive \d+\.\d{3}\) on 2 series, last 24 points$/);
    const metrics = JSON.parse(readFileSync(join(ctx.outDir, 'metrics.json'), 'utf8'));
    expect(metrics.per_series.map((s: { id: string }) => s.id)).toEqual(['a', 'b']);
    expect(metrics.mean.ridge_mase).toBeLessThan(metrics.mean.seasonal_naive_mase);
    expect(JSON.parse(readFileSync(join(ctx.outDir, 'forecaster.json'), 'utf8')).format).toBe('genesis/forecaster');
  });

  it('reads upstream series.jsonl', async () => {
    const up = mkdtempSync(join(tmpdir(), 'genesis-series-'));
    const series = [0, 1, 2].map((s) => ({ series_id: `s${s}`, domain: 'energy', series_type: 'load', frequency: 'H', start: '2024-01-01T00:00:00Z', length: 600, target: Array.from({ length: 600 }, (_, t) => wave(t, s)), unit: 'kWh', seasonality_types: ['daily'], trend_type: 'linear' }));
    writeFileSync(join(up, 'series.jsonl'), series.map((s) => JSON.stringify(s)).join('\n') + '\n');
    const ctx = testContext(params, { inputs: [inputFrom(up)] });
    const result = await forecastStep.run(ctx);
    expect(result?.summary).toMatch(/on 3 series/);
  });
});
