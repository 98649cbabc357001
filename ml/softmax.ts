// Multinomial logistic regression on sparse rows: L2-regularised softmax loss minimised by L-BFGS.
import type { Csr } from './sparse.js';
import { minimizeLbfgs } from './lbfgs.js';
import { SoftmaxObjective } from './parallel-loss.js';

export interface SoftmaxOptions {
  /** Inverse regularisation strength, as scikit-learn's C. */
  C: number;
  maxIter: number;
  /** Stop when the objective's relative decrease per iteration (over the last 5) falls below this. */
  tol: number;
  /** L-BFGS correction pairs. */
  memory: number;
  /** "balanced" weighs each class by n / (K * count), as scikit-learn does. */
  classWeight: 'balanced' | null;
  /** Compute half of each gradient on a worker thread (results are identical either way). */
  threads: boolean;
  /** Validation rows for early stopping: training stops when their accuracy stops improving. */
  validation?: { X: Csr; y: Int32Array; every: number; patience: number };
}

export const defaultSoftmaxOptions: SoftmaxOptions = { C: 10, maxIter: 100, tol: 5e-4, memory: 7, classWeight: null, threads: true };

export interface SoftmaxModel {
  classes: number;
  features: number;
  /** Row-major [features x classes]: a feature's class weights are contiguous, so a sparse row touches few cache lines. */
  weights: Float64Array | Float32Array;
  bias: Float64Array;
}

export interface SoftmaxFit {
  model: SoftmaxModel;
  iterations: number;
  evaluations: number;
  stopReason: string;
  /** Best validation accuracy seen, when early stopping was on. */
  validationAccuracy?: number;
}

/** Per-sample weights for the chosen class weighting (all ones when none). */
export function sampleWeights(y: Int32Array, classes: number, classWeight: 'balanced' | null): Float64Array {
  const w = new Float64Array(y.length).fill(1);
  if (classWeight !== 'balanced') return w;
  const counts = new Float64Array(classes);
  for (const c of y) counts[c] = (counts[c] as number) + 1;
  for (let i = 0; i < y.length; i++) w[i] = y.length / (classes * (counts[y[i] as number] as number));
  return w;
}

/**
 * The objective as scikit-learn defines it, divided by C * sum(w) so its scale is data-size free:
 * mean weighted cross-entropy + ||W||^2 / (2 C sum(w)); intercepts are not penalised.
 * theta = [weights (features*classes), bias (classes)]; the gradient is written into grad.
 */
export function softmaxLoss(X: Csr, y: Int32Array, sw: Float64Array, classes: number, C: number, theta: Float64Array, grad: Float64Array): number {
  const objective = new SoftmaxObjective(X, y, sw, classes, C, false);
  return objective.evaluate(theta, grad);
}

/** Fits the model; deterministic (starts from zero, no sampling). */
export function trainSoftmax(X: Csr, y: Int32Array, classes: number, opts: Partial<SoftmaxOptions> = {}): SoftmaxFit {
  const o: SoftmaxOptions = { ...defaultSoftmaxOptions, ...opts };
  const K = classes;
  const D = X.cols;
  const sw = sampleWeights(y, K, o.classWeight);
  const theta0 = new Float64Array(D * K + K);
  const val = o.validation;
  let best: Float64Array | undefined;
  let bestAcc = -1;
  let sinceBest = 0;
  const objective = new SoftmaxObjective(X, y, sw, K, o.C, o.threads);
  const result = minimizeLbfgs((t, g) => objective.evaluate(t, g), theta0, {
    maxIter: o.maxIter,
    m: o.memory,
    gtol: 1e-6,
    ftol: o.tol,
    onIteration: val
      ? (iter, t) => {
          if (iter % val.every !== 0) return false;
          const acc = accuracyOf(split(t, D, K), val.X, val.y);
          if (acc > bestAcc) {
            bestAcc = acc;
            best = Float64Array.from(t);
            sinceBest = 0;
            return false;
          }
          return ++sinceBest >= val.patience;
        }
      : undefined,
  });
  objective.close();
  const theta = best ?? result.x;
  return {
    model: split(theta, D, K),
    iterations: result.iterations,
    evaluations: result.evaluations,
    stopReason: result.reason,
    ...(val ? { validationAccuracy: bestAcc } : {}),
  };
}

function split(theta: Float64Array, D: number, K: number): SoftmaxModel {
  return { classes: K, features: D, weights: theta.subarray(0, D * K), bias: theta.subarray(D * K) };
}

/** Raw class scores (logits), row-major [rows x classes]. */
export function decision(model: SoftmaxModel, X: Csr): Float64Array {
  const K = model.classes;
  const out = new Float64Array(X.rows * K);
  const { weights, bias } = model;
  for (let i = 0; i < X.rows; i++) {
    const o = i * K;
    for (let k = 0; k < K; k++) out[o + k] = bias[k] as number;
    const end = X.indptr[i + 1] as number;
    for (let p = X.indptr[i] as number; p < end; p++) {
      const j = X.indices[p] as number;
      if (j >= model.features) continue;
      const v = X.values[p] as number;
      const base = j * K;
      for (let k = 0; k < K; k++) out[o + k] = (out[o + k] as number) + v * (weights[base + k] as number);
    }
  }
  return out;
}

/** Class probabilities, row-major [rows x classes]. */
export function probabilities(model: SoftmaxModel, X: Csr): Float64Array {
  const K = model.classes;
  const s = decision(model, X);
  for (let i = 0; i < X.rows; i++) {
    const o = i * K;
    let max = -Infinity;
    for (let k = 0; k < K; k++) max = Math.max(max, s[o + k] as number);
    let z = 0;
    for (let k = 0; k < K; k++) {
      const e = Math.exp((s[o + k] as number) - max);
      s[o + k] = e;
      z += e;
    }
    for (let k = 0; k < K; k++) s[o + k] = (s[o + k] as number) / z;
  }
  return s;
}

/** Most likely class per row (lowest index wins ties). */
export function argmaxRows(scores: Float64Array, classes: number): Int32Array {
  const rows = scores.length / classes;
  const out = new Int32Array(rows);
  for (let i = 0; i < rows; i++) {
    let best = 0;
    for (let k = 1; k < classes; k++) if ((scores[i * classes + k] as number) > (scores[i * classes + best] as number)) best = k;
    out[i] = best;
  }
  return out;
}

function accuracyOf(model: SoftmaxModel, X: Csr, y: Int32Array): number {
  const pred = argmaxRows(decision(model, X), model.classes);
  let ok = 0;
  for (let i = 0; i < y.length; i++) if (pred[i] === y[i]) ok++;
  return y.length ? ok / y.length : 0;
}
