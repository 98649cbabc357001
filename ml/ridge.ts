// Ridge regression with many targets via the normal equations (small dense feature counts only).

/** Accumulates X'X and X'Y row by row so the design matrix never has to be held in memory. */
export class RidgeAccumulator {
  readonly xtx: Float64Array;
  readonly xty: Float64Array;
  rows = 0;

  constructor(readonly features: number, readonly targets: number) {
    this.xtx = new Float64Array(features * features);
    this.xty = new Float64Array(features * targets);
  }

  add(x: ArrayLike<number>, y: ArrayLike<number>): void {
    const p = this.features;
    const q = this.targets;
    for (let i = 0; i < p; i++) {
      const xi = x[i] as number;
      if (xi === 0) continue;
      for (let j = i; j < p; j++) this.xtx[i * p + j] = (this.xtx[i * p + j] as number) + xi * (x[j] as number);
      for (let t = 0; t < q; t++) this.xty[i * q + t] = (this.xty[i * q + t] as number) + xi * (y[t] as number);
    }
    this.rows++;
  }

  /** Coefficients [features x targets] minimising ||XB - Y||^2 + alpha ||B||^2 (feature `unpenalized` excluded). */
  solve(alpha: number, unpenalized = -1): Float64Array {
    const p = this.features;
    const A = new Float64Array(p * p);
    for (let i = 0; i < p; i++) {
      for (let j = i; j < p; j++) {
        const v = this.xtx[i * p + j] as number;
        A[i * p + j] = v;
        A[j * p + i] = v;
      }
      if (i !== unpenalized) A[i * p + i] = (A[i * p + i] as number) + alpha;
      // A tiny jitter keeps an all-zero feature column from making A singular.
      A[i * p + i] = (A[i * p + i] as number) + 1e-9;
    }
    return choleskySolve(A, Float64Array.from(this.xty), p, this.targets);
  }
}

/** Solves A B = R for symmetric positive-definite A (p x p) and R (p x q); R is overwritten and returned. */
export function choleskySolve(A: Float64Array, R: Float64Array, p: number, q: number): Float64Array {
  const L = new Float64Array(p * p);
  for (let i = 0; i < p; i++) {
    for (let j = 0; j <= i; j++) {
      let s = A[i * p + j] as number;
      for (let k = 0; k < j; k++) s -= (L[i * p + k] as number) * (L[j * p + k] as number);
      if (i === j) {
        if (!(s > 0)) throw new RangeError('matrix is not positive definite');
        L[i * p + i] = Math.sqrt(s);
      } else L[i * p + j] = s / (L[j * p + j] as number);
    }
  }
  for (let t = 0; t < q; t++) {
    for (let i = 0; i < p; i++) {
      let s = R[i * q + t] as number;
      for (let k = 0; k < i; k++) s -= (L[i * p + k] as number) * (R[k * q + t] as number);
      R[i * q + t] = s / (L[i * p + i] as number);
    }
    for (let i = p - 1; i >= 0; i--) {
      let s = R[i * q + t] as number;
      for (let k = i + 1; k < p; k++) s -= (L[k * p + i] as number) * (R[k * q + t] as number);
      R[i * q + t] = s / (L[i * p + i] as number);
    }
  }
  return R;
}
