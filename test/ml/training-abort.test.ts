// Training honours an AbortSignal: aborted from an event-loop callback mid-fit, it rejects with the reason and stops early.
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { trainTextClassifier } from '../../ml/text-classifier.js';
import intentStep from '../../steps/train-intent-classifier/index.js';
import forecastStep from '../../steps/train-forecaster/index.js';
import type { IntentClassifierParams } from '../../steps/train-intent-classifier/params.js';
import { testContext } from '../helpers/step-context.js';
import { createRng } from '../../util/rng.js';

const MAX_ITER = 500;

// Noisy texts over overlapping vocabularies: with tol 0 the fit would run hundreds of iterations.
function corpus(): { texts: string[]; labels: string[] } {
  const rng = createRng(9, 'abort-corpus');
  const vocab = Array.from({ length: 60 }, (_, i) => `w${i.toString(36)}x${(i * 7) % 13}`);
  const texts: string[] = [];
  const labels: string[] = [];
  for (let i = 0; i < 240; i++) {
    const label = i % 6;
    const words = Array.from({ length: 8 }, () => vocab[(label * 8 + rng.int(0, 20)) % vocab.length] as string);
    texts.push(words.join(' '));
    labels.push(`intent_${label}`);
  }
  return { texts, labels };
}

describe('training abort', () => {
  const { texts, labels } = corpus();

  it('rejects with the abort reason when a callback aborts during the fit, before max_iter', async () => {
    const ac = new AbortController();
    const reason = new Error('interrupted by Ctrl-C');
    let iterations = 0;
    const training = trainTextClassifier(texts, labels, { max_iter: MAX_ITER, tol: 0 }, {
      signal: ac.signal,
      onIteration: (i) => {
        iterations = i;
        // Aborting from a later event-loop turn, as a SIGINT handler does, proves the fit yields to the loop.
        if (i === 2) setImmediate(() => ac.abort(reason));
      },
    });
    await expect(training).rejects.toBe(reason);
    expect(iterations).toBeGreaterThanOrEqual(2);
    expect(iterations).toBeLessThan(MAX_ITER);
  });

  it('runs past that point when nothing aborts (the corpus really needs many iterations)', async () => {
    let iterations = 0;
    await trainTextClassifier(texts, labels, { max_iter: 20, tol: 0 }, { onIteration: (i) => (iterations = i) });
    expect(iterations).toBe(20);
  });

  it('rejects at once with an already aborted signal', async () => {
    const reason = new Error('already stopped');
    let iterations = 0;
    await expect(trainTextClassifier(texts, labels, {}, { signal: AbortSignal.abort(reason), onIteration: (i) => (iterations = i) })).rejects.toBe(reason);
    expect(iterations).toBe(0);
  });

  it('makes train/intent-classifier reject with the reason and write no model', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'genesis-abort-'));
    writeFileSync(join(dir, 'train.csv'), ['text,intent', ...texts.map((t, i) => `${t},${labels[i] as string}`)].join('\n') + '\n');
    const params: IntentClassifierParams = {
      input: join(dir, 'train.csv'), text_column: 'text', label_column: 'intent', text_from: 'customer_turns', label: 'intent',
      test_fraction: 0.2, C: 10, max_iter: MAX_ITER, tol: 0, class_weight: null, word_ngrams: [1, 2], char_ngrams: [2, 5], min_df: 1,
    };
    const ac = new AbortController();
    const reason = new Error('interrupted');
    let done = 0;
    const ctx = testContext(params, {
      signal: ac.signal,
      progress: (d) => {
        done = d;
        if (d === 3) setImmediate(() => ac.abort(reason));
      },
    });
    await expect(intentStep.run(ctx)).rejects.toBe(reason);
    expect(done).toBeLessThan(MAX_ITER);
    expect(existsSync(join(ctx.outDir, 'model.json'))).toBe(false);
  });

  it('makes train/forecaster reject with the reason before it refits and writes its model', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'genesis-abort-fc-'));
    const lines = ['timestamp,a'];
    for (let t = 0; t < 24 * 14; t++) lines.push(`${t},${100 + 30 * Math.sin((2 * Math.PI * t) / 24) + (t % 7)}`);
    writeFileSync(join(dir, 'hourly.csv'), lines.join('\n') + '\n');
    const reason = new Error('interrupted');
    const ctx = testContext({ input: join(dir, 'hourly.csv'), horizon: 24, model: 'ridge' as const, season: 24, lags: 48, weekly_lag: 168, alpha: 1 }, { signal: AbortSignal.abort(reason) });
    await expect(forecastStep.run(ctx)).rejects.toBe(reason);
    expect(existsSync(join(ctx.outDir, 'forecaster.json'))).toBe(false);
  });
});
