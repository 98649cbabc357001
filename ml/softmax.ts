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
  /** Aborting it makes training reject with the signal's reason within one loss evaluation. */
  signal?: AbortSignal;
  /** Told after each L-BFGS iteration (for progress reports). */
  onIteration?: (iteration: number, maxIter: number) => void;
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
export async function trainSoftmax(X: Csr, y: Int32Array, classes: number, opts: Partial<SoftmaxOptions> = {}): Promise<SoftmaxFit> {
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
  let result;
  try {
    result = await minimizeLbfgs((t, g) => objective.evaluate(t, g), theta0, {
      maxIter: o.maxIter,
      m: o.memory,
      gtol: 1e-6,
      ftol: o.tol,
      ...(o.signal ? { signal: o.signal } : {}),
      onIteration: (iter, t) => {
        o.onIteration?.(iter, o.maxIter);
        if (!val || iter % val.every !== 0) return false;
        const acc = accuracyOf(split(t, D, K), val.X, val.y);
        if (acc > bestAcc) {
          bestAcc = acc;
          best = Float64Array.from(t);
          sinceBest = 0;
          return false;
        }
        return ++sinceBest >= val.patience;
      },
    });
  } finally {
    // The helper worker must not outlive an aborted fit.
    objective.close();
  }
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

/**
 * Raw class scores (logits), row-major [rows x classes]. Eight classes at a time are summed in locals over the
 * row's entries, in entry order per class, so the scores are the same doubles as a plain loop gives, about twice as fast.
 */
export function decision(model: SoftmaxModel, X: Csr): Float64Array {
  const K = model.classes;
  if (X.cols > model.features) throw new RangeError(`rows have ${X.cols} features, the model ${model.features}`);
  const out = new Float64Array(X.rows * K);
  const { weights, bias } = model;
  const { indptr, indices, values } = X;
  const K8 = K - (K % 8);
  for (let i = 0; i < X.rows; i++) {
    const p0 = indptr[i] as number;
    const p1 = indptr[i + 1] as number;
    const o = i * K;
    let k = 0;
    for (; k < K8; k += 8) {
      let a0 = bias[k] as number, a1 = bias[k + 1] as number, a2 = bias[k + 2] as number, a3 = bias[k + 3] as number;
      let a4 = bias[k + 4] as number, a5 = bias[k + 5] as number, a6 = bias[k + 6] as number, a7 = bias[k + 7] as number;
      for (let p = p0; p < p1; p++) {
        const v = values[p] as number;
        const b = (indices[p] as number) * K + k;
        a0 += v * (weights[b] as number);
        a1 += v * (weights[b + 1] as number);
        a2 += v * (weights[b + 2] as number);
        a3 += v * (weights[b + 3] as number);
        a4 += v * (weights[b + 4] as number);
        a5 += v * (weights[b + 5] as number);
        a6 += v * (weights[b + 6] as number);
        a7 += v * (weights[b + 7] as number);
      }
      out[o + k] = a0;
      out[o + k + 1] = a1;
      out[o + k + 2] = a2;
      out[o + k + 3] = a3;
      out[o + k + 4] = a4;
      out[o + k + 5] = a5;
      out[o + k + 6] = a6;
      out[o + k + 7] = a7;
    }
    for (; k < K; k++) {
      let a = bias[k] as number;
      for (let p = p0; p < p1; p++) a += (values[p] as number) * (weights[(indices[p] as number) * K + k] as number);
      out[o + k] = a;
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
