// Intent classifier: TF-IDF features + softmax regression; train, predict, evaluate, (de)serialise as JSON.
import { DocumentFrequencies, TfidfVectorizer, defaultTfidfOptions, type TfidfModel, type TfidfOptions } from './tfidf.js';
import { trainSoftmax, probabilities, argmaxRows, decision, type SoftmaxModel } from './softmax.js';
import { CsrBuilder, selectRows, type Csr } from './sparse.js';
import { stratifiedSplit } from './split.js';

export { evaluate, type Evaluation, type ClassMetrics } from './classification-metrics.js';
export { stratifiedSplit, type Split } from './split.js';

export interface TextClassifierOptions {
  tfidf: Partial<TfidfOptions>;
  C: number;
  max_iter: number;
  /** Relative objective decrease per iteration below which training stops (0 runs to max_iter or convergence). */
  tol: number;
  class_weight: 'balanced' | null;
  /** Share of the training rows held out to stop training when their accuracy stops improving; 0 turns it off. */
  validation_fraction: number;
  /** Check validation accuracy every this many L-BFGS iterations. */
  validation_every: number;
  /** Stop after this many checks without improvement. */
  patience: number;
  seed: number;
}

export const defaultTextClassifierOptions: TextClassifierOptions = {
  tfidf: {},
  C: 10,
  max_iter: 100,
  tol: 5e-4,
  class_weight: null,
  validation_fraction: 0,
  validation_every: 5,
  patience: 2,
  seed: 42,
};

export interface TextClassifier {
  labels: string[];
  tfidf: TfidfModel;
  /** Weights are float32 in memory too, so a saved and reloaded model predicts exactly the same. */
  softmax: SoftmaxModel & { weights: Float32Array };
  /** How it was trained (options, iterations, stop reason), kept in the model file for provenance. */
  training: Record<string, unknown>;
}

export interface LabelProbability {
  label: string;
  p: number;
}

/** How a caller watches and stops a training run. */
export interface TrainControl {
  /** Aborting it rejects the training promise with the signal's reason, within one loss evaluation. */
  signal?: AbortSignal;
  /** Told after each L-BFGS iteration. */
  onIteration?: (iteration: number, maxIter: number) => void;
  /** Told as the features are built (two passes over the texts: vocabulary, then vectors). */
  onFeatures?: (done: number, total: number) => void;
}

/** Texts per chunk of the feature phase: small enough that Ctrl-C and progress are seen within a fraction of a second. */
const FEATURE_CHUNK = 2000;

/** The tf-idf vocabulary and matrix, built in chunks with a turn of the event loop between them. */
async function featurize(texts: readonly string[], options: TfidfOptions, control: TrainControl): Promise<{ tfidf: TfidfModel; X: Csr }> {
  const step = async (done: number) => {
    control.onFeatures?.(done, 2 * texts.length);
    await new Promise<void>((resolve) => setImmediate(resolve));
    control.signal?.throwIfAborted();
  };
  const counter = new DocumentFrequencies(options);
  for (let i = 0; i < texts.length; i += FEATURE_CHUNK) {
    counter.add(texts.slice(i, i + FEATURE_CHUNK));
    await step(Math.min(i + FEATURE_CHUNK, texts.length));
  }
  const tfidf = counter.finish();
  const vectorizer = new TfidfVectorizer(tfidf);
  const b = new CsrBuilder(vectorizer.size);
  for (let i = 0; i < texts.length; i += FEATURE_CHUNK) {
    vectorizer.transformInto(b, texts.slice(i, i + FEATURE_CHUNK));
    await step(texts.length + Math.min(i + FEATURE_CHUNK, texts.length));
  }
  return { tfidf, X: b.build() };
}

/** Trains on texts with their labels; deterministic for the same inputs and options. */
export async function trainTextClassifier(
  texts: readonly string[],
  labels: readonly string[],
  opts: Partial<TextClassifierOptions> = {},
  control: TrainControl = {},
): Promise<TextClassifier> {
  if (texts.length !== labels.length) throw new RangeError(`${texts.length} texts but ${labels.length} labels`);
  const o: TextClassifierOptions = { ...defaultTextClassifierOptions, ...opts };
  const { signal } = control;
  signal?.throwIfAborted();
  const classes = [...new Set(labels)].sort();
  if (classes.length < 2) throw new RangeError(`need at least 2 distinct labels, got ${classes.length}`);
  const classIndex = new Map(classes.map((c, i) => [c, i]));
  const { tfidf, X } = await featurize(texts, { ...defaultTfidfOptions, ...o.tfidf }, control);
  const y = Int32Array.from(labels, (l) => classIndex.get(l) as number);
  let fitX = X;
  let fitY = y;
  let validation;
  if (o.validation_fraction > 0) {
    const s = stratifiedSplit(labels, o.validation_fraction, o.seed);
    fitX = selectRows(X, s.train);
    fitY = Int32Array.from(s.train, (i) => y[i] as number);
    validation = { X: selectRows(X, s.test), y: Int32Array.from(s.test, (i) => y[i] as number), every: o.validation_every, patience: o.patience };
  }
  const fit = await trainSoftmax(fitX, fitY, classes.length, {
    C: o.C,
    maxIter: o.max_iter,
    tol: o.tol,
    classWeight: o.class_weight,
    ...(validation ? { validation } : {}),
    ...(signal ? { signal } : {}),
    ...(control.onIteration ? { onIteration: control.onIteration } : {}),
  });
  return {
    labels: classes,
    tfidf,
    softmax: { ...fit.model, weights: Float32Array.from(fit.model.weights), bias: Float64Array.from(fit.model.bias) },
    training: {
      options: { ...o, tfidf: tfidf.options },
      rows: texts.length,
      features: tfidf.terms.length,
      iterations: fit.iterations,
      evaluations: fit.evaluations,
      stop_reason: fit.stopReason,
      ...(fit.validationAccuracy !== undefined ? { validation_accuracy: fit.validationAccuracy } : {}),
    },
  };
}

const vectorizers = new WeakMap<TfidfModel, TfidfVectorizer>();

function vectorizer(model: TextClassifier): TfidfVectorizer {
  let v = vectorizers.get(model.tfidf);
  if (!v) vectorizers.set(model.tfidf, (v = new TfidfVectorizer(model.tfidf)));
  return v;
}

/** Every label with its probability (or only the `top` most likely), most likely first, per text. */
export function predictProba(model: TextClassifier, texts: readonly string[], top = Infinity): LabelProbability[][] {
  const K = model.labels.length;
  const P = probabilities(model.softmax, vectorizer(model).transform(texts));
  const n = Math.min(K, Math.max(0, Math.floor(top)));
  const order = new Int32Array(K);
  const cmp = (a: number, b: number, o: number) => (P[o + b] as number) - (P[o + a] as number) || ((model.labels[a] as string) < (model.labels[b] as string) ? -1 : 1);
  return texts.map((_, i) => {
    const o = i * K;
    // Building and sorting 77 objects per text is most of the cost when only a few are shown: rank indices instead.
    for (let k = 0; k < K; k++) order[k] = k;
    const ranked = n >= K ? order.sort((a, b) => cmp(a, b, o)) : n === 0 ? order : topIndices(order, n, (a, b) => cmp(a, b, o));
    return Array.from(ranked.subarray(0, n), (k) => ({ label: model.labels[k] as string, p: P[o + k] as number }));
  });
}

/** The n best of order (by cmp, best first), by insertion into a sorted prefix: n is small. */
function topIndices(order: Int32Array, n: number, cmp: (a: number, b: number) => number): Int32Array {
  let size = 0;
  for (let k = 0; k < order.length; k++) {
    const c = order[k] as number;
    if (size === n && cmp(c, order[n - 1] as number) >= 0) continue;
    let at = Math.min(size, n - 1);
    while (at > 0 && cmp(c, order[at - 1] as number) < 0) {
      order[at] = order[at - 1] as number;
      at--;
    }
    order[at] = c;
    if (size < n) size++;
  }
  return order;
}

/** The most likely label per text; the argmax of the scores needs no softmax. */
export function predict(model: TextClassifier, texts: readonly string[]): string[] {
  const best = argmaxRows(decision(model.softmax, vectorizer(model).transform(texts)), model.labels.length);
  return Array.from(best, (k) => model.labels[k] as string);
}
