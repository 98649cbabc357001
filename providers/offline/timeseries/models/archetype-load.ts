// Electricity load from real-client archetypes: a summarised daily shape, with spread, persistence and weekend level drawn from the archetype's ranges.
import type { Rng } from '../../../../util/rng.js';
import { loadData } from '../../../../util/paths.js';
import type { Clock } from '../clock.js';
import { ar1, draw, drawLog, normalCdf } from '../noise.js';

interface FiveNumbers {
  min: number;
  p10: number;
  median: number;
  p90: number;
  max: number;
}

/** One group of real clients in data/electricity-profile.json (summary statistics only). */
interface Archetype {
  name: string;
  daily_shape: number[];
  ranges: Record<'cv' | 'acf1' | 'acf24' | 'weekend_ratio', FiveNumbers>;
  /** Spearman correlation of cv, acf1, acf24, weekend ratio across the group's clients. */
  rank_correlation?: number[][];
}

let byName: Map<string, Archetype> | undefined;

function archetype(name: string): Archetype {
  byName ??= new Map(loadData<{ archetypes?: Archetype[] }>('electricity-profile.json').archetypes?.map((a) => [a.name, a]) ?? []);
  const a = byName.get(name);
  // A catalogue naming a group the profile lacks is a packaging bug, not user input.
  if (!a) throw new Error(`bug: electricity archetype "${name}" is not in data/electricity-profile.json (have ${[...byName.keys()].join(', ')})`);
  return a;
}

/** Inverse CDF through the five-number summary (piecewise linear between min, p10, median, p90, max). */
function quantile(r: FiveNumbers, u: number): number {
  if (u < 0.1) return r.min + ((r.p10 - r.min) * u) / 0.1;
  if (u < 0.5) return r.p10 + ((r.median - r.p10) * (u - 0.1)) / 0.4;
  if (u < 0.9) return r.median + ((r.p90 - r.median) * (u - 0.5)) / 0.4;
  return r.p90 + ((r.max - r.p90) * (u - 0.9)) / 0.1;
}

const FAST_PHI = 0.3;
const MIN_VAR = 0.0002;

type Stat = keyof Archetype['ranges'];

/** A client of one archetype (picked by weight), or for `blend` a weighted mixture of all — an aggregate of many clients. */
function pickClient(rng: Rng, weights: Record<string, number>, blend: boolean): { shape: number[]; stat: (k: Stat, u: number) => number; corr: number[][] | undefined } {
  const names = Object.keys(weights);
  let ws = names.map((n) => weights[n] as number);
  if (blend) {
    // Each feeder's customer mix differs a little from the average one.
    ws = ws.map((w) => w * (0.6 + 0.8 * rng.next()));
  } else {
    let u = rng.next() * ws.reduce((s, w) => s + w, 0);
    const k = Math.max(0, ws.findIndex((w) => (u -= w) < 0));
    ws = ws.map((_, i) => (i === k ? 1 : 0));
  }
  const total = ws.reduce((s, w) => s + w, 0);
  const parts = names.map((n, i) => ({ a: archetype(n), w: (ws[i] as number) / total })).filter((p) => p.w > 0);
  const shape = new Array<number>(24).fill(0);
  for (const p of parts) p.a.daily_shape.forEach((v, h) => (shape[h] = (shape[h] as number) + p.w * v));
  // The dominant group's correlations stand for a blend's.
  const main = parts.reduce((b, p) => (p.w > b.w ? p : b), parts[0] as (typeof parts)[number]);
  return { shape, stat: (k, u) => parts.reduce((s, p) => s + p.w * quantile(p.a.ranges[k], u), 0), corr: main.a.rank_correlation };
}

const STATS: readonly Stat[] = ['cv', 'acf1', 'acf24', 'weekend_ratio'];

/**
 * Four uniforms with the group's rank correlations (Gaussian copula: Spearman ρ → Pearson 2·sin(πρ/6), Cholesky).
 * A matrix that is not positive definite falls back to independent draws.
 */
function correlatedUniforms(rng: Rng, corr: number[][] | undefined): number[] {
  const z = STATS.map(() => rng.normal());
  const n = STATS.length;
  if (!corr || corr.length !== n) return z.map(normalCdf);
  const r = corr.map((row) => row.map((v) => 2 * Math.sin((Math.PI * v) / 6)));
  const l: number[][] = r.map(() => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = (r[i] as number[])[j] as number;
      for (let k = 0; k < j; k++) sum -= ((l[i] as number[])[k] as number) * ((l[j] as number[])[k] as number);
      if (i === j) {
        if (sum <= 1e-9) return z.map(normalCdf);
        (l[i] as number[])[i] = Math.sqrt(sum);
      } else (l[i] as number[])[j] = sum / ((l[j] as number[])[j] as number);
    }
  }
  return l.map((row) => normalCdf(row.reduce((s, v, k) => s + v * (z[k] as number), 0)));
}

/** Value of an hourly-mean shape at fractional hour t (shape[h] is the mean over [h, h+1)). */
function at(shape: readonly number[], t: number): number {
  const x = (((t - 0.5) % 24) + 24) % 24;
  const i = Math.floor(x);
  const f = x - i;
  return (shape[i] as number) * (1 - f) + (shape[(i + 1) % 24] as number) * f;
}

interface Week {
  cv2: number;
  acf1: number;
  acf24: number;
}

/** Spread and lag-1 and lag-24 autocorrelation of the noise-free week (168 hourly points, circular). */
function weekStats(week: Float64Array): Week {
  let m = 0;
  for (const v of week) m += v / week.length;
  let ss = 0;
  let c1 = 0;
  let c24 = 0;
  for (let i = 0; i < week.length; i++) {
    const d = (week[i] as number) - m;
    ss += d * d;
    c1 += d * ((week[(i + 1) % week.length] as number) - m);
    c24 += d * ((week[(i + 24) % week.length] as number) - m);
  }
  return { cv2: ss / week.length / (m * m), acf1: ss === 0 ? 1 : c1 / ss, acf24: ss === 0 ? 1 : c24 / ss };
}

export function archetypeLoadModel(clock: Clock, p: Record<string, unknown>, rng: Rng): Float64Array {
  const level = drawLog(rng, p.level, 1);
  const client = pickClient(rng, p.archetypes as Record<string, number>, p.blend === true);
  const q = (p.quantiles ?? {}) as Record<string, unknown>;
  // Where in the archetype's distribution this client sits; a type may take only part of it (e.g. closed weekends).
  const us = correlatedUniforms(rng, client.corr);
  const u = (k: Stat) => {
    const [lo, hi] = Array.isArray(q[k]) ? (q[k] as [number, number]) : [0, 1];
    return lo + (hi - lo) * (us[STATS.indexOf(k)] as number);
  };
  const cv = client.stat('cv', u('cv')) * draw(rng, p.cvScale, 1);
  const acf1 = Math.min(0.99, client.stat('acf1', u('acf1')));
  // The real statistics come from 1,000-hour series, whose lag-24 estimate reads about 2.4 % low.
  const acf24 = Math.min(0.98, client.stat('acf24', u('acf24')) / 0.976);
  const weekendRatio = client.stat('weekend_ratio', u('weekend_ratio'));
  const shift = draw(rng, p.hourShift);
  const daySd = draw(rng, p.daySd, 0.03);
  const dayPhi = draw(rng, p.dayPhi, 0.8);
  const annualAmp = draw(rng, p.annualAmp);
  const trendPerMonth = draw(rng, p.trendPerMonth);

  // Noise-free week for a shape gain g: weekdays at 1, weekends at the drawn ratio.
  const week = new Float64Array(168);
  const day = new Float64Array(24);
  // Weekends change the load above the base (opening hours, occupancy); the night base load stays, as standby
  // and refrigeration do not close. k scales the part above base so the weekend mean is `weekendRatio`.
  let base = 0;
  let k = 1;
  let floorScale = 1;
  const hourShape = new Float64Array(24);
  for (let h = 0; h < 24; h++) hourShape[h] = at(client.shape, h + 0.5 - shift);
  const fill = (g: number): Week => {
    let m = 0;
    base = Infinity;
    for (let h = 0; h < 24; h++) {
      const s = Math.max(0.03, 1 + g * ((hourShape[h] as number) - 1));
      day[h] = s;
      m += s / 24;
      if (s < base) base = s;
    }
    k = m - base > 1e-9 ? Math.max(0, (weekendRatio * m - base) / (m - base)) : 1;
    floorScale = k === 0 ? (weekendRatio * m) / base : 1;
    for (let i = 0; i < 168; i++) {
      const s = day[i % 24] as number;
      week[i] = i >= 120 ? (base + k * (s - base)) * floorScale : s;
    }
    return weekStats(week);
  };
  // Split the target spread between the daily pattern and two noises — a fast one (appliances switching,
  // hourly persistence FAST_PHI) and a slow one (occupancy, weather; persistence slowPhi) — so that the lag-1
  // and lag-24 autocorrelations land near the drawn ones. Variance bookkeeping on the log scale, small noise.
  const total = cv * cv;
  const dayVar = daySd * daySd;
  const slowPhi = draw(rng, p.slowPhi, 0.9);
  const a1 = [1 - FAST_PHI, 1 - slowPhi];
  const a24 = [1 - Math.pow(FAST_PHI, 24), 1 - Math.pow(slowPhi, 24)];
  let fastVar = 0.001;
  let slowVar = 0.001;
  let g = 1;
  let ws = fill(g);
  for (let it = 0; it < 4; it++) {
    // What the week itself does not decorrelate at lags 1 and 24 (weekday/weekend seams count), the noises must.
    const s1 = ((1 - acf1) * total - ws.cv2 * (1 - ws.acf1)) / (1 + ws.cv2) - (dayVar * (1 - dayPhi)) / 24;
    const s24 = ((1 - acf24) * total - ws.cv2 * (1 - ws.acf24)) / (1 + ws.cv2) - dayVar * (1 - dayPhi);
    // Solve a1·[fast, slow] = s1 and a24·[fast, slow] = s24.
    const det = (a1[0] as number) * (a24[1] as number) - (a1[1] as number) * (a24[0] as number);
    fastVar = Math.max(MIN_VAR, (s1 * (a24[1] as number) - (a1[1] as number) * s24) / det);
    slowVar = Math.max(MIN_VAR, (s24 - (a24[0] as number) * fastVar) / (a24[1] as number));
    const noiseVar = dayVar + fastVar + slowVar;
    const periodic = Math.max(0.002, (total - noiseVar) / (1 + noiseVar));
    // Bisection on the gain: the spread of the week grows monotonically with it.
    let lo = 0;
    let hi = 4;
    for (let b = 0; b < 14; b++) {
      g = (lo + hi) / 2;
      if (fill(g).cv2 < periodic) lo = g;
      else hi = g;
    }
    ws = fill(g);
  }

  const dayFactor = ar1(rng, clock.days, dayPhi, daySd, 1);
  const fast = ar1(rng, clock.n, FAST_PHI, Math.sqrt(fastVar), clock.stepHours);
  const slow = ar1(rng, clock.n, slowPhi, Math.sqrt(slowVar), clock.stepHours);
  const out = new Float64Array(clock.n);
  const sub = clock.stepHours >= 24 ? 24 : 1;
  // Hourly series on the hour (the common case) read the final weekday/weekend shapes from 24-entry tables.
  const onTheHour = clock.stepHours === 1 && clock.n > 0 && Number.isInteger(clock.hour[0]);
  const weekdayTab = new Float64Array(24);
  const weekendTab = new Float64Array(24);
  for (let h = 0; h < 24; h++) {
    weekdayTab[h] = Math.max(0.03, 1 + g * ((hourShape[h] as number) - 1));
    weekendTab[h] = (base + k * ((weekdayTab[h] as number) - base)) * floorScale;
  }
  for (let i = 0; i < clock.n; i++) {
    const weekend = (clock.weekday[i] as number) >= 5;
    // A daily point is the day's mean; a sub-daily point is read at its interval's midpoint.
    let s = 0;
    if (onTheHour) s = ((weekend ? weekendTab : weekdayTab)[clock.hour[i] as number] as number) * sub;
    else {
      for (let j = 0; j < sub; j++) {
        const t = sub === 1 ? (clock.hour[i] as number) + clock.stepHours / 2 : j + 0.5;
        const d = Math.max(0.03, 1 + g * (at(client.shape, t - shift) - 1));
        s += weekend ? (base + k * (d - base)) * floorScale : d;
      }
    }
    s /= sub;
    const annual = 1 + annualAmp * Math.cos((2 * Math.PI * ((clock.dayOfYear[i] as number) - 15)) / 365.25);
    const trend = 1 + (trendPerMonth * i * clock.stepHours) / 730;
    const v = level * s * annual * trend * Math.exp((dayFactor[clock.day[i] as number] as number) + (fast[i] as number) + (slow[i] as number));
    out[i] = Math.max(0, v);
  }
  return out;
}
