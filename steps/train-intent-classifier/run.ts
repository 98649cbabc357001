// The heavy half of train/intent-classifier, imported only when the step runs.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { StepFailure } from '../../util/errors.js';
import type { StepContext, StepResult } from '../contract.js';
import { trainTextClassifier, predict, evaluate, stratifiedSplit, type Evaluation } from '../../ml/text-classifier.js';
import { serializeTextClassifier } from '../../ml/model-file.js';
import { examplesFromFile, examplesFromInputs } from './examples.js';
import type { IntentClassifierParams } from './params.js';

export async function runIntentClassifier(ctx: StepContext<IntentClassifierParams>): Promise<StepResult> {
  const p = ctx.params;
  const data = p.input ? await examplesFromFile(p.input, p.text_column, p.label_column) : await examplesFromInputs(ctx.inputs, p);
  const classes = new Set(data.labels).size;
  if (classes < 2) throw new StepFailure(`need at least 2 distinct labels to train, found ${classes} in ${data.texts.length} rows`);
  const seed = p.seed ?? ctx.seed;
  const split = stratifiedSplit(data.labels, p.test_fraction, seed);
  const pick = (rows: number[], from: string[]) => rows.map((i) => from[i] as string);
  ctx.log.info(`training on ${split.train.length} rows, ${classes} labels; holding out ${split.test.length}`);
  // Training yields to the event loop between loss evaluations: Ctrl-C aborts ctx.signal and the fit rejects with its reason.
  const model = await trainTextClassifier(
    pick(split.train, data.texts),
    pick(split.train, data.labels),
    {
      C: p.C,
      max_iter: p.max_iter,
      tol: p.tol,
      class_weight: p.class_weight,
      seed,
      tfidf: { word_ngrams: p.word_ngrams, char_ngrams: p.char_ngrams, min_df: p.min_df },
    },
    {
      signal: ctx.signal,
      onFeatures: (done, total) => ctx.progress(done, total, 'texts read for features (two passes)'),
      onIteration: (i, max) => ctx.progress(i, max, 'L-BFGS iterations'),
    },
  );
  ctx.signal.throwIfAborted();
  const heldOut = evaluate(pick(split.test, data.labels), predict(model, pick(split.test, data.texts)));
  let external: Evaluation | undefined;
  if (p.evaluate_on) {
    const ext = await examplesFromFile(p.evaluate_on, p.text_column, p.label_column);
    external = evaluate(ext.labels, predict(model, ext.texts));
  }
  writeFileSync(join(ctx.outDir, 'model.json'), serializeTextClassifier(model));
  const metrics = { held_out: rounded(heldOut), ...(external ? { external: rounded(external) } : {}), training: model.training };
  writeFileSync(join(ctx.outDir, 'metrics.json'), JSON.stringify(metrics, null, 2) + '\n');
  writeFileSync(join(ctx.outDir, 'report.md'), report(heldOut, external, model.training, split.train.length));
  const ext = external ? `; ${fmt(external.accuracy)} on ${external.n.toLocaleString('en-US')} external` : '';
  return {
    summary: `accuracy ${fmt(heldOut.accuracy)} on ${heldOut.n.toLocaleString('en-US')} held-out${ext}`,
    metrics: {
      accuracy: heldOut.accuracy,
      macro_f1: heldOut.macro_f1,
      ...(external ? { external_accuracy: external.accuracy, external_macro_f1: external.macro_f1 } : {}),
    },
  };
}

const fmt = (x: number) => x.toFixed(3);

// Six decimals keep metrics.json stable to read and diff; the counts stay exact.
function rounded(e: Evaluation): Evaluation {
  const r = (x: number) => Math.round(x * 1e6) / 1e6;
  const per_class = Object.fromEntries(
    Object.entries(e.per_class).map(([k, m]) => [k, { precision: r(m.precision), recall: r(m.recall), f1: r(m.f1), support: m.support }]),
  );
  return { ...e, accuracy: r(e.accuracy), macro_f1: r(e.macro_f1), per_class };
}

function report(held: Evaluation, external: Evaluation | undefined, training: Record<string, unknown>, trainRows: number): string {
  const worst = Object.entries(held.per_class)
    .filter(([, m]) => m.support > 0)
    .sort((a, b) => a[1].f1 - b[1].f1 || (a[0] < b[0] ? -1 : 1))
    .slice(0, 10);
  const lines = [
    '# Intent classifier',
    '',
    `Trained on ${trainRows} rows (${String(training.features)} n-gram features, ${String(training.iterations)} L-BFGS iterations).`,
    '',
    '| split | rows | accuracy | macro F1 |',
    '| --- | --- | --- | --- |',
    `| held-out | ${held.n} | ${fmt(held.accuracy)} | ${fmt(held.macro_f1)} |`,
    ...(external ? [`| external | ${external.n} | ${fmt(external.accuracy)} | ${fmt(external.macro_f1)} |`] : []),
    '',
    '## Weakest labels (held-out F1)',
    '',
    '| label | precision | recall | F1 | support |',
    '| --- | --- | --- | --- | --- |',
    ...worst.map(([l, m]) => `| ${l} | ${fmt(m.precision)} | ${fmt(m.recall)} | ${fmt(m.f1)} | ${m.support} |`),
    '',
  ];
  return lines.join('\n');
}
