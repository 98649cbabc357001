// The softmax loss/gradient over a block of rows: a self-contained function, also shipped as source to a worker.

/**
 * Adds nothing and overwrites grad (weights then bias, no regulariser) with the weighted cross-entropy gradient of
 * rows [start, end), and returns their weighted loss. It must reference nothing outside itself: a worker runs its source.
 *
 * The block comes by feature (CSC: colptr over features, local row numbers ascending within each feature), so the
 * tens-of-MB weight and gradient matrices are each walked once, in order, while the scattered accesses land in the
 * block's small scores matrix. Every score and gradient element still receives its additions in the same order as a
 * row-by-row loop (ascending feature within a row, ascending row within a feature), so results are bit-identical.
 */
export function softmaxColumnsKernel(
  colptr: Int32Array,
  rowIdx: Int32Array,
  vals: Float64Array,
  y: Int32Array,
  sw: Float64Array,
  K: number,
  theta: Float64Array,
  grad: Float64Array,
  scores: Float64Array,
  start: number,
  end: number,
  swScale: number,
): number {
  const D = colptr.length - 1;
  const biasOff = D * K;
  const n = end - start;
  for (let r = 0; r < n; r++) for (let k = 0; k < K; k++) scores[r * K + k] = theta[biasOff + k] as number;
  for (let j = 0; j < D; j++) {
    const q1 = colptr[j + 1] as number;
    const b = j * K;
    for (let q = colptr[j] as number; q < q1; q++) {
      const v = vals[q] as number;
      const o = (rowIdx[q] as number) * K;
      for (let k = 0; k < K; k++) scores[o + k] = (scores[o + k] as number) + v * (theta[b + k] as number);
    }
  }
  for (let k = 0; k < K; k++) grad[biasOff + k] = 0;
  let loss = 0;
  for (let r = 0; r < n; r++) {
    const o = r * K;
    let max = -Infinity;
    for (let k = 0; k < K; k++) if ((scores[o + k] as number) > max) max = scores[o + k] as number;
    const yi = y[start + r] as number;
    const scoreY = scores[o + yi] as number;
    let z = 0;
    for (let k = 0; k < K; k++) {
      const e = Math.exp((scores[o + k] as number) - max);
      scores[o + k] = e;
      z += e;
    }
    const wi = (sw[start + r] as number) * swScale;
    loss += wi * (Math.log(z) + max - scoreY);
    // The row's scores become its weighted residual (p - onehot).
    for (let k = 0; k < K; k++) scores[o + k] = ((scores[o + k] as number) / z) * wi;
    scores[o + yi] = (scores[o + yi] as number) - wi;
    for (let k = 0; k < K; k++) grad[biasOff + k] = (grad[biasOff + k] as number) + (scores[o + k] as number);
  }
  const K8 = K - (K % 8);
  for (let j = 0; j < D; j++) {
    const q0 = colptr[j] as number;
    const q1 = colptr[j + 1] as number;
    const b = j * K;
    let k = 0;
    // Eight gradient elements summed in locals from +0, as the zeroed gradient of a row-by-row loop would be.
    for (; k < K8; k += 8) {
      let a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0, a6 = 0, a7 = 0;
      for (let q = q0; q < q1; q++) {
        const v = vals[q] as number;
        const o = (rowIdx[q] as number) * K + k;
        a0 += v * (scores[o] as number);
        a1 += v * (scores[o + 1] as number);
        a2 += v * (scores[o + 2] as number);
        a3 += v * (scores[o + 3] as number);
        a4 += v * (scores[o + 4] as number);
        a5 += v * (scores[o + 5] as number);
        a6 += v * (scores[o + 6] as number);
        a7 += v * (scores[o + 7] as number);
      }
      grad[b + k] = a0;
      grad[b + k + 1] = a1;
      grad[b + k + 2] = a2;
      grad[b + k + 3] = a3;
      grad[b + k + 4] = a4;
      grad[b + k + 5] = a5;
      grad[b + k + 6] = a6;
      grad[b + k + 7] = a7;
    }
    for (; k < K; k++) {
      let a = 0;
      for (let q = q0; q < q1; q++) a += (vals[q] as number) * (scores[(rowIdx[q] as number) * K + k] as number);
      grad[b + k] = a;
    }
  }
  return loss;
}

/** The rows [start, end) of a CSR matrix by feature (CSC), with row numbers local to the block. */
export function blockByFeature(
  indptr: Int32Array,
  indices: Int32Array,
  values: Float64Array,
  cols: number,
  start: number,
  end: number,
): { colptr: Int32Array; rowIdx: Int32Array; vals: Float64Array } {
  const p0 = indptr[start] as number;
  const p1 = indptr[end] as number;
  const colptr = new Int32Array(cols + 1);
  for (let p = p0; p < p1; p++) {
    const at = (indices[p] as number) + 1;
    colptr[at] = (colptr[at] as number) + 1;
  }
  for (let j = 0; j < cols; j++) colptr[j + 1] = (colptr[j + 1] as number) + (colptr[j] as number);
  const next = colptr.slice(0, cols);
  const rowIdx = new Int32Array(p1 - p0);
  const vals = new Float64Array(p1 - p0);
  // Rows in ascending order, so each feature's entries come out in ascending row order.
  for (let i = start; i < end; i++) {
    for (let p = indptr[i] as number; p < (indptr[i + 1] as number); p++) {
      const j = indices[p] as number;
      const at = next[j] as number;
      next[j] = at + 1;
      rowIdx[at] = i - start;
      vals[at] = values[p] as number;
    }
  }
  return { colptr, rowIdx, vals };
}
