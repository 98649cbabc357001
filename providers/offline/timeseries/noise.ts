// Random building blocks for the series models: parameter draws, AR(1) paths, heavy tails, Weibull marginals.
import type { Rng } from '../../../util/rng.js';
import type { Param } from './catalogue.js';

/** A per-series value: uniform in a [min, max] range, or the fixed number. */
export function draw(rng: Rng, p: unknown, fallback = 0): number {
  if (typeof p === 'number') return p;
  if (Array.isArray(p) && p.length === 2) {
    const [lo, hi] = p as unknown as [number, number];
    return lo + (hi - lo) * rng.next();
  }
  return fallback;
}

/** Like draw, but log-uniform: for levels spanning orders of magnitude. */
export function drawLog(rng: Rng, p: Param | unknown, fallback = 1): number {
  if (Array.isArray(p) && p.length === 2) {
    const [lo, hi] = p as unknown as [number, number];
    if (lo > 0 && hi > 0) return Math.exp(Math.log(lo) + (Math.log(hi) - Math.log(lo)) * rng.next());
  }
  return draw(rng, p, fallback);
}

/**
 * Stationary AR(1) path with marginal standard deviation `sd`; `phiPerHour` is the hourly persistence,
 * rescaled to the step so the process means the same thing at 15min and 1D.
 */
export function ar1(rng: Rng, n: number, phiPerHour: number, sd: number, stepHours: number): Float64Array {
  const out = new Float64Array(n);
  const phi = Math.pow(Math.max(0, Math.min(phiPerHour, 0.999999)), stepHours);
  const innov = sd * Math.sqrt(1 - phi * phi);
  let x = rng.normal(0, sd);
  for (let i = 0; i < n; i++) {
    out[i] = x;
    x = phi * x + innov * rng.normal();
  }
  return out;
}

/** Student-t draw scaled to unit variance (df > 2): heavy tails for returns. */
export function studentT(rng: Rng, df: number): number {
  // Chi-square with a non-integer df via a Gamma(df/2, 2) Marsaglia–Tsang draw.
  const chi2 = 2 * gamma(rng, df / 2);
  return (rng.normal() / Math.sqrt(chi2 / df)) * Math.sqrt((df - 2) / df);
}

function gamma(rng: Rng, shape: number): number {
  if (shape < 1) return gamma(rng, shape + 1) * Math.pow(rng.next() || Number.MIN_VALUE, 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const z = rng.normal();
    const v = Math.pow(1 + c * z, 3);
    if (v <= 0) continue;
    const u = rng.next();
    if (Math.log(u || Number.MIN_VALUE) < 0.5 * z * z + d - d * v + d * Math.log(v)) return d * v;
  }
}

/** Standard normal CDF (Abramowitz–Stegun 7.1.26, |error| < 1.5e-7): maps a Gaussian path to uniforms. */
export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
  return z >= 0 ? 0.5 * (1 + y) : 0.5 * (1 - y);
}

/** Circular distance in hours between two hours of day. */
export function hourDistance(a: number, b: number): number {
  const d = Math.abs(a - b) % 24;
  return d > 12 ? 24 - d : d;
}

/** Smooth 0→1→0 window over [from, to) hours of day with logistic edges `edge` hours wide. */
export function dayWindow(hour: number, from: number, to: number, edge: number): number {
  const up = 1 / (1 + Math.exp(-(hourDistanceSigned(hour, from)) / edge));
  const down = 1 / (1 + Math.exp(hourDistanceSigned(hour, to) / edge));
  return up * down;
}

function hourDistanceSigned(hour: number, ref: number): number {
  let d = (hour - ref) % 24;
  if (d > 12) d -= 24;
  if (d < -12) d += 24;
  return d;
}
