// The softmax loss/gradient over a block of rows: a self-contained function, also shipped as source to a worker.

/**
 * Adds the weighted cross-entropy gradient of rows [start, end) into grad (weights then bias, no regulariser)
 * and returns their weighted loss. It must reference nothing outside itself: a worker runs its source text.
 */
export function softmaxRowsKernel(
  indptr: Int32Array,
  indices: Int32Array,
  values: Float64Array,
  y: Int32Array,
  sw: Float64Array,
  K: number,
  theta: Float64Array,
  grad: Float64Array,
  start: number,
  end: number,
  swScale: number,
): number {
  const biasOff = theta.length - K;
  const s = new Float64Array(K);
  let loss = 0;
  for (let i = start; i < end; i++) {
    for (let k = 0; k < K; k++) s[k] = theta[biasOff + k] as number;
    const p0 = indptr[i] as number;
    const p1 = indptr[i + 1] as number;
    for (let p = p0; p < p1; p++) {
      const v = values[p] as number;
      const base = (indices[p] as number) * K;
      for (let k = 0; k < K; k++) s[k] = (s[k] as number) + v * (theta[base + k] as number);
    }
    let max = -Infinity;
    for (let k = 0; k < K; k++) if ((s[k] as number) > max) max = s[k] as number;
    const yi = y[i] as number;
    const scoreY = s[yi] as number;
    let z = 0;
    for (let k = 0; k < K; k++) {
      const e = Math.exp((s[k] as number) - max);
      s[k] = e;
      z += e;
    }
    const wi = (sw[i] as number) * swScale;
    loss += wi * (Math.log(z) + max - scoreY);
    // s becomes the weighted residual (p - onehot).
    for (let k = 0; k < K; k++) s[k] = ((s[k] as number) / z) * wi;
    s[yi] = (s[yi] as number) - wi;
    for (let k = 0; k < K; k++) grad[biasOff + k] = (grad[biasOff + k] as number) + (s[k] as number);
    for (let p = p0; p < p1; p++) {
      const v = values[p] as number;
      const base = (indices[p] as number) * K;
      for (let k = 0; k < K; k++) grad[base + k] = (grad[base + k] as number) + v * (s[k] as number);
    }
  }
  return loss;
}
