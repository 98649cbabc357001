// L-BFGS minimiser (two-loop recursion, backtracking Armijo line search) over one flat Float64Array.

/** Writes the gradient at x into g and returns the objective at x. */
export type Objective = (x: Float64Array, g: Float64Array) => number;

export interface LbfgsOptions {
  maxIter: number;
  /** Correction pairs kept; memory is 2 * m * x.length doubles. */
  m: number;
  /** Stop when the max-abs gradient falls below this. */
  gtol: number;
  /** Stop when the relative decrease of f, averaged over the last `window` iterations, falls below this. */
  ftol: number;
  window: number;
  /** Called after each accepted step; returning true stops the search (early stopping). */
  onIteration?: (iter: number, x: Float64Array, f: number) => boolean;
}

export interface LbfgsResult {
  x: Float64Array;
  f: number;
  iterations: number;
  evaluations: number;
  reason: 'gtol' | 'ftol' | 'maxIter' | 'callback' | 'lineSearch';
}

const defaults: LbfgsOptions = { maxIter: 100, m: 7, gtol: 1e-5, ftol: 1e-9, window: 5 };

export function minimizeLbfgs(fg: Objective, x0: Float64Array, opts: Partial<LbfgsOptions> = {}): LbfgsResult {
  const o = { ...defaults, ...opts };
  const n = x0.length;
  const x = Float64Array.from(x0);
  const g = new Float64Array(n);
  const xNew = new Float64Array(n);
  const gNew = new Float64Array(n);
  const d = new Float64Array(n);
  const S: Float64Array[] = [];
  const Y: Float64Array[] = [];
  const rho: number[] = [];
  const alpha = new Float64Array(o.m);
  let f = fg(x, g);
  const history = [f];
  let evaluations = 1;
  let reason: LbfgsResult['reason'] = 'maxIter';
  let iter = 0;
  for (; iter < o.maxIter; iter++) {
    if (maxAbs(g) < o.gtol) {
      reason = 'gtol';
      break;
    }
    // Two-loop recursion: d = -H g.
    d.set(g);
    for (let k = S.length - 1; k >= 0; k--) {
      const a = (rho[k] as number) * dot(S[k] as Float64Array, d);
      alpha[k] = a;
      axpy(-a, Y[k] as Float64Array, d);
    }
    let gamma = 1;
    if (S.length > 0) {
      const yl = Y[S.length - 1] as Float64Array;
      gamma = dot(S[S.length - 1] as Float64Array, yl) / dot(yl, yl);
    }
    scale(d, gamma);
    for (let k = 0; k < S.length; k++) {
      const b = (rho[k] as number) * dot(Y[k] as Float64Array, d);
      axpy((alpha[k] as number) - b, S[k] as Float64Array, d);
    }
    scale(d, -1);
    let slope = dot(g, d);
    if (slope >= 0) {
      // Not a descent direction (numerical trouble): restart from steepest descent.
      S.length = Y.length = rho.length = 0;
      d.set(g);
      scale(d, -1);
      slope = -dot(g, g);
    }
    // The first step has no curvature information: scale it to a unit move.
    let step = S.length === 0 ? 1 / Math.max(Math.sqrt(-slope), 1e-12) : 1;
    let fNew = Infinity;
    let accepted = false;
    for (let tries = 0; tries < 30; tries++) {
      for (let i = 0; i < n; i++) xNew[i] = (x[i] as number) + step * (d[i] as number);
      fNew = fg(xNew, gNew);
      evaluations++;
      if (Number.isFinite(fNew) && fNew <= f + 1e-4 * step * slope) {
        accepted = true;
        break;
      }
      step *= 0.5;
    }
    if (!accepted) {
      reason = 'lineSearch';
      break;
    }
    // Recycle the oldest pair's buffers for the new correction pair.
    let s: Float64Array;
    let y: Float64Array;
    if (S.length === o.m) {
      s = S.shift() as Float64Array;
      y = Y.shift() as Float64Array;
      rho.shift();
    } else {
      s = new Float64Array(n);
      y = new Float64Array(n);
    }
    for (let i = 0; i < n; i++) {
      s[i] = (xNew[i] as number) - (x[i] as number);
      y[i] = (gNew[i] as number) - (g[i] as number);
    }
    const sy = dot(s, y);
    if (sy > 1e-12) {
      S.push(s);
      Y.push(y);
      rho.push(1 / sy);
    }
    x.set(xNew);
    g.set(gNew);
    f = fNew;
    if (o.onIteration?.(iter + 1, x, f)) {
      reason = 'callback';
      iter++;
      break;
    }
    history.push(f);
    // Averaging over a window keeps one short line-search step from ending the search early.
    const past = history.length > o.window ? (history[history.length - 1 - o.window] as number) : undefined;
    if (past !== undefined && (past - f) / o.window / Math.max(Math.abs(f), 1e-12) < o.ftol) {
      reason = 'ftol';
      iter++;
      break;
    }
  }
  return { x, f, iterations: iter, evaluations, reason };
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] as number) * (b[i] as number);
  return s;
}

function axpy(a: number, x: Float64Array, y: Float64Array): void {
  for (let i = 0; i < y.length; i++) y[i] = (y[i] as number) + a * (x[i] as number);
}

function scale(x: Float64Array, a: number): void {
  for (let i = 0; i < x.length; i++) x[i] = (x[i] as number) * a;
}

function maxAbs(x: Float64Array): number {
  let m = 0;
  for (let i = 0; i < x.length; i++) m = Math.max(m, Math.abs(x[i] as number));
  return m;
}
