// The softmax objective split into two fixed row blocks, the second computed on a worker thread when one starts.
import { Worker } from 'node:worker_threads';
import type { Csr } from './sparse.js';
import { softmaxColumnsKernel, blockByFeature } from './softmax-kernel.js';

/**
 * Blocks are fixed (split by nnz) and summed in a fixed order, so results are bit-identical whether the second
 * block ran on the worker or, as a fallback, on the calling thread.
 */
export class SoftmaxObjective {
  private readonly cols: number;
  /** Each row block by feature (the kernel's layout); the second one's buffers are shared with the worker. */
  private readonly blocks: [Block, Block];
  /** Scores scratch of the first block (the worker keeps its own). */
  private readonly scores: Float64Array;
  private readonly y: Int32Array;
  private readonly sw: Float64Array;
  private readonly theta: Float64Array;
  private readonly grads: [Float64Array, Float64Array];
  private readonly bounds: [number, number, number];
  private readonly swScale: number;
  private readonly lambda: number;
  private readonly ctrl = new Int32Array(new SharedArrayBuffer(16));
  private readonly result = new Float64Array(new SharedArrayBuffer(8));
  private scores1: Float64Array | undefined;
  private worker: Worker | undefined;
  private gen = 0;

  constructor(X: Csr, y: Int32Array, sw: Float64Array, private readonly K: number, C: number, threads: boolean) {
    const n = X.cols * K + K;
    this.cols = X.cols;
    this.y = shared(y);
    this.sw = shared(sw);
    this.theta = new Float64Array(new SharedArrayBuffer(n * 8));
    this.grads = [new Float64Array(n), new Float64Array(new SharedArrayBuffer(n * 8))];
    let swSum = 0;
    for (const w of sw) swSum += w;
    this.swScale = 1 / swSum;
    this.lambda = 1 / (C * swSum);
    const half = (X.indptr[X.rows] as number) / 2;
    let mid = 0;
    while (mid < X.rows && (X.indptr[mid] as number) < half) mid++;
    this.bounds = [0, mid, X.rows];
    const first = blockByFeature(X.indptr, X.indices, X.values, X.cols, 0, mid);
    const second = blockByFeature(X.indptr, X.indices, X.values, X.cols, mid, X.rows);
    this.blocks = [first, { colptr: shared(second.colptr), rowIdx: shared(second.rowIdx), vals: shared(second.vals) }];
    this.scores = new Float64Array(mid * K);
    if (threads && X.rows > 1) this.startWorker();
  }

  /** f(theta) with its gradient written into grad (the L-BFGS Objective signature). */
  evaluate(theta: Float64Array, grad: Float64Array): number {
    this.theta.set(theta);
    const [g0, g1] = this.grads;
    const ticket = ++this.gen;
    const useWorker = this.worker !== undefined;
    if (useWorker) {
      Atomics.store(this.ctrl, 0, ticket);
      Atomics.notify(this.ctrl, 0);
    }
    const [a, b, c] = this.bounds;
    const [b0, b1] = this.blocks;
    let loss = softmaxColumnsKernel(b0.colptr, b0.rowIdx, b0.vals, this.y, this.sw, this.K, this.theta, g0, this.scores, a, b, this.swScale);
    if (useWorker && this.awaitWorker(ticket)) {
      loss += this.result[0] as number;
    } else {
      // Fallback on this thread: scratch sized for the second block, made once.
      this.scores1 ??= new Float64Array((c - b) * this.K);
      loss += softmaxColumnsKernel(b1.colptr, b1.rowIdx, b1.vals, this.y, this.sw, this.K, this.theta, g1, this.scores1, b, c, this.swScale);
    }
    const nw = this.cols * this.K;
    let sq = 0;
    for (let j = 0; j < grad.length; j++) {
      const t = theta[j] as number;
      let gj = (g0[j] as number) + (g1[j] as number);
      if (j < nw) {
        sq += t * t;
        gj += this.lambda * t;
      }
      grad[j] = gj;
    }
    return loss + 0.5 * this.lambda * sq;
  }

  close(): void {
    if (!this.worker) return;
    Atomics.store(this.ctrl, 0, -1);
    Atomics.notify(this.ctrl, 0);
    void this.worker.terminate();
    this.worker = undefined;
  }

  private startWorker(): void {
    const source = `
      const { workerData } = require('node:worker_threads');
      const kernel = (${softmaxColumnsKernel.toString()});
      const d = workerData;
      const scores = new Float64Array((d.end - d.start) * d.K);
      Atomics.store(d.ctrl, 2, 1);
      let seen = 0;
      for (;;) {
        Atomics.wait(d.ctrl, 0, seen);
        const ticket = Atomics.load(d.ctrl, 0);
        if (ticket < 0) break;
        if (ticket === seen) continue;
        seen = ticket;
        d.result[0] = kernel(d.colptr, d.rowIdx, d.vals, d.y, d.sw, d.K, d.theta, d.grad, scores, d.start, d.end, d.swScale);
        Atomics.store(d.ctrl, 1, ticket);
        Atomics.notify(d.ctrl, 1);
      }`;
    try {
      this.worker = new Worker(source, {
        eval: true,
        workerData: {
          ctrl: this.ctrl,
          result: this.result,
          colptr: this.blocks[1].colptr,
          rowIdx: this.blocks[1].rowIdx,
          vals: this.blocks[1].vals,
          y: this.y,
          sw: this.sw,
          K: this.K,
          theta: this.theta,
          grad: this.grads[1],
          start: this.bounds[1],
          end: this.bounds[2],
          swScale: this.swScale,
        },
      });
      this.worker.unref();
      this.worker.on('error', () => (this.worker = undefined));
    } catch {
      this.worker = undefined;
    }
  }

  /** Blocks until the worker finished this ticket; false (and the worker dropped) if it never came up. */
  private awaitWorker(ticket: number): boolean {
    let waited = 0;
    for (;;) {
      const done = Atomics.load(this.ctrl, 1);
      if (done === ticket) return true;
      Atomics.wait(this.ctrl, 1, done, 1000);
      waited++;
      // A worker that has not started within 30 s (its error event cannot reach a blocked thread) is given up on.
      if (waited > 30 && Atomics.load(this.ctrl, 2) === 0) {
        this.close();
        return false;
      }
    }
  }
}

interface Block {
  colptr: Int32Array;
  rowIdx: Int32Array;
  vals: Float64Array;
}

function shared<T extends Int32Array | Float64Array>(a: T): T {
  const Ctor = a.constructor as { new (b: SharedArrayBuffer): T };
  const out = new Ctor(new SharedArrayBuffer(a.byteLength));
  out.set(a);
  return out;
}
