// L-BFGS minimiser (two-loop recursion, backtracking Armijo line search) over one flat Float64Array, abortable.

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
  /** Checked after every objective evaluation; when aborted the search rejects with the signal's reason. */
  signal?: AbortSignal;
}

export interface LbfgsResult {
  x: Float64Array;
  f: number;
  iterations: number;
  evaluations: number;
  reason: 'gtol' | 'ftol' | 'maxIter' | 'callback' | 'lineSearch';
}

const defaults: LbfgsOptions = { maxIter: 100, m: 7, gtol: 1e-5, ftol: 1e-9, window: 5 };

/**
 * Minimises fg from x0. Each evaluation is followed by a turn of the event loop, so a Ctrl-C handler (or any timer)
 * runs during a long fit and an aborted signal stops it within one evaluation.
 */
export async function minimizeLbfgs(fg: Objective, x0: Float64Array, opts: Partial<LbfgsOptions> = {}): Promise<LbfgsResult> {
  const o = { ...defaults, ...opts };
  const { signal } = o;
  signal?.throwIfAborted();
  const evaluate = async (at: Float64Array, grad: Float64Array): Promise<number> => {
    const value = fg(at, grad);
    await new Promise<void>((resolve) => setImmediate(resolve));
    signal?.throwIfAborted();
    return value;
  };
  const n = x0.length;
  // x/xNew and g/gNew swap roles after each accepted step instead of being copied.
  let x = Float64Array.from(x0);
  let g = new Float64Array(n);
  let xNew = new Float64Array(n);
  let gNew = new Float64Array(n);
  const d = new Float64Array(n);
  const S: Float64Array[] = [];
  const Y: Float64Array[] = [];
  const rho: number[] = [];
  const alpha = new Float64Array(o.m);
  let f = await evaluate(x, g);
  let gMax = maxAbs(g);
  // s·y and y·y of the newest pair, for the initial Hessian scale.
  let syLast = 1;
  let yyLast = 1;
  const history = [f];
  let evaluations = 1;
  let reason: LbfgsResult['reason'] = 'maxIter';
  let iter = 0;
  for (; iter < o.maxIter; iter++) {
    if (gMax < o.gtol) {
      reason = 'gtol';
      break;
    }
    // Two-loop recursion, d = -H g. The vectors are tens of MB, so each update of d is fused with the next dot
    // product (one pass instead of two); every sum still runs in index order, so the numbers are unchanged.
    const len = S.length;
    let acc = len > 0 ? copyDot(d, g, S[len - 1] as Float64Array) : (d.set(g), 0);
    for (let k = len - 1; k >= 0; k--) {
      const a = (rho[k] as number) * acc;
      alpha[k] = a;
      acc = k > 0 ? axpyDot(-a, Y[k] as Float64Array, d, S[k - 1] as Float64Array) : (axpy(-a, Y[k] as Float64Array, d), 0);
    }
    const gamma = len > 0 ? syLast / yyLast : 1;
    let slope: number;
    if (len === 0) {
      slope = scaleDot(d, -gamma, g);
    } else {
      let b = (rho[0] as number) * scaleDot(d, gamma, Y[0] as Float64Array);
      for (let k = 0; k < len - 1; k++) b = (rho[k + 1] as number) * axpyDot((alpha[k] as number) - b, S[k] as Float64Array, d, Y[k + 1] as Float64Array);
      slope = axpyNegateDot((alpha[len - 1] as number) - b, S[len - 1] as Float64Array, d, g);
    }
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
      fNew = await evaluate(xNew, gNew);
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
    let sv: Float64Array;
    let yv: Float64Array;
    if (S.length === o.m) {
      sv = S.shift() as Float64Array;
      yv = Y.shift() as Float64Array;
      rho.shift();
    } else {
      sv = new Float64Array(n);
      yv = new Float64Array(n);
    }
    let sy = 0;
    let yy = 0;
    gMax = 0;
    for (let i = 0; i < n; i++) {
      const si = (xNew[i] as number) - (x[i] as number);
      const gi = gNew[i] as number;
      const yi = gi - (g[i] as number);
      sv[i] = si;
      yv[i] = yi;
      sy += si * yi;
      yy += yi * yi;
      gMax = Math.max(gMax, Math.abs(gi));
    }
    if (sy > 1e-12) {
      S.push(sv);
      Y.push(yv);
      rho.push(1 / sy);
      syLast = sy;
      yyLast = yy;
    }
    [x, xNew] = [xNew, x];
    [g, gNew] = [gNew, g];
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

/** d = src, returning w·d. */
function copyDot(d: Float64Array, src: Float64Array, w: Float64Array): number {
  let s = 0;
  for (let i = 0; i < d.length; i++) {
    const v = src[i] as number;
    d[i] = v;
    s += (w[i] as number) * v;
  }
  return s;
}

/** y += a x, returning w·y. */
function axpyDot(a: number, x: Float64Array, y: Float64Array, w: Float64Array): number {
  let s = 0;
  for (let i = 0; i < y.length; i++) {
    const v = (y[i] as number) + a * (x[i] as number);
    y[i] = v;
    s += (w[i] as number) * v;
  }
  return s;
}

/** y = -(y + a x), returning w·y. */
function axpyNegateDot(a: number, x: Float64Array, y: Float64Array, w: Float64Array): number {
  let s = 0;
  for (let i = 0; i < y.length; i++) {
    const v = -((y[i] as number) + a * (x[i] as number));
    y[i] = v;
    s += (w[i] as number) * v;
  }
  return s;
}

/** x *= a, returning w·x. */
function scaleDot(x: Float64Array, a: number, w: Float64Array): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) {
    const v = (x[i] as number) * a;
    x[i] = v;
    s += (w[i] as number) * v;
  }
  return s;
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
