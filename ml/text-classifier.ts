// Intent classifier: TF-IDF features + softmax regression; train, predict, evaluate, (de)serialise as JSON.
import { fitTfidf, TfidfVectorizer, defaultTfidfOptions, type TfidfModel, type TfidfOptions } from './tfidf.js';
import { trainSoftmax, probabilities, argmaxRows, type SoftmaxModel } from './softmax.js';
import { selectRows } from './sparse.js';
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

/** Trains on texts with their labels; deterministic for the same inputs and options. */
export function trainTextClassifier(texts: readonly string[], labels: readonly string[], opts: Partial<TextClassifierOptions> = {}): TextClassifier {
  if (texts.length !== labels.length) throw new RangeError(`${texts.length} texts but ${labels.length} labels`);
  const o: TextClassifierOptions = { ...defaultTextClassifierOptions, ...opts };
  const classes = [...new Set(labels)].sort();
  if (classes.length < 2) throw new RangeError(`need at least 2 distinct labels, got ${classes.length}`);
  const classIndex = new Map(classes.map((c, i) => [c, i]));
  const tfidf = fitTfidf(texts, { ...defaultTfidfOptions, ...o.tfidf });
  const X = new TfidfVectorizer(tfidf).transform(texts);
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
  const fit = trainSoftmax(fitX, fitY, classes.length, {
    C: o.C,
    maxIter: o.max_iter,
    tol: o.tol,
    classWeight: o.class_weight,
    ...(validation ? { validation } : {}),
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

/** Every label with its probability, most likely first, per text. */
export function predictProba(model: TextClassifier, texts: readonly string[]): LabelProbability[][] {
  const K = model.labels.length;
  const P = probabilities(model.softmax, vectorizer(model).transform(texts));
  return texts.map((_, i) =>
    model.labels.map((label, k) => ({ label, p: P[i * K + k] as number })).sort((a, b) => b.p - a.p || (a.label < b.label ? -1 : 1)),
  );
}

/** The most likely label per text. */
export function predict(model: TextClassifier, texts: readonly string[]): string[] {
  const best = argmaxRows(probabilities(model.softmax, vectorizer(model).transform(texts)), model.labels.length);
  return Array.from(best, (k) => model.labels[k] as string);
}
