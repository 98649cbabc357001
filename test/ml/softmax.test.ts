// Softmax regression: analytic gradient vs finite differences, separable data learned, worker/no-worker identical.
import { describe, expect, it } from 'vitest';
import { CsrBuilder, type Csr } from '../../ml/sparse.js';
import { softmaxLoss, trainSoftmax, decision, argmaxRows, sampleWeights } from '../../ml/softmax.js';
import { createRng } from '../../util/rng.js';

function randomCsr(rows: number, cols: number, seed: number): Csr {
  const rng = createRng(seed, 'csr');
  const b = new CsrBuilder(cols);
  for (let r = 0; r < rows; r++) {
    const idx = [...new Set(Array.from({ length: 3 }, () => rng.int(0, cols - 1)))].sort((a, c) => a - c);
    b.push(idx, idx.map(() => rng.normal()));
  }
  return b.build();
}

describe('softmax regression', () => {
  it.each([null, 'balanced'] as const)('gradient matches finite differences (class_weight %s)', (cw) => {
    const X = randomCsr(12, 5, 1);
    const K = 3;
    const y = Int32Array.from({ length: 12 }, (_, i) => [0, 0, 0, 1, 2][i % 5] as number);
    const sw = sampleWeights(y, K, cw);
    const rng = createRng(2, 'theta');
    const theta = Float64Array.from({ length: X.cols * K + K }, () => rng.normal(0, 0.5));
    const g = new Float64Array(theta.length);
    softmaxLoss(X, y, sw, K, 0.7, theta, g);
    const tmp = new Float64Array(theta.length);
    for (let j = 0; j < theta.length; j++) {
      const h = 1e-6;
      const tp = Float64Array.from(theta);
      tp[j] = (tp[j] as number) + h;
      const tm = Float64Array.from(theta);
      tm[j] = (tm[j] as number) - h;
      const numeric = (softmaxLoss(X, y, sw, K, 0.7, tp, tmp) - softmaxLoss(X, y, sw, K, 0.7, tm, tmp)) / (2 * h);
      expect(g[j]).toBeCloseTo(numeric, 6);
    }
  });

  it('learns linearly separable data perfectly', async () => {
    // Class k is marked by feature k (plus noise features).
    const b = new CsrBuilder(6);
    const y: number[] = [];
    const rng = createRng(3, 'sep');
    for (let i = 0; i < 60; i++) {
      const k = i % 3;
      const noise = 3 + rng.int(0, 2);
      b.push([k, noise], [1, rng.next()]);
      y.push(k);
    }
    const X = b.build();
    const fit = await trainSoftmax(X, Int32Array.from(y), 3, { C: 100, threads: false });
    expect(Array.from(argmaxRows(decision(fit.model, X), 3))).toEqual(y);
  });

  it('gives bit-identical weights with and without the worker thread', async () => {
    const X = randomCsr(200, 30, 4);
    const y = Int32Array.from({ length: 200 }, (_, i) => i % 4);
    const a = await trainSoftmax(X, y, 4, { threads: true, maxIter: 15 });
    const b = await trainSoftmax(X, y, 4, { threads: false, maxIter: 15 });
    expect(Buffer.from(a.model.weights.buffer).equals(Buffer.from(b.model.weights.buffer))).toBe(true);
  });
});
