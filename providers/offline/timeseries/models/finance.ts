// Markets: geometric prices with GARCH(1,1) volatility clustering and Student-t tails; session-shaped volume.
import type { Rng } from '../../../../util/rng.js';
import type { Clock } from '../clock.js';
import { ar1, draw, drawLog, studentT } from '../noise.js';

type Session = 'equity' | 'forex' | 'always';

// NYSE regular hours in UTC (winter); forex closes from Friday 22:00 to Sunday 22:00 UTC.
const EQUITY_OPEN = 14.5;
const EQUITY_CLOSE = 21;
const ACTIVE_HOURS_PER_YEAR: Record<Session, number> = { equity: 252 * 6.5, forex: 52 * 120, always: 8760 };

/** Hours of trading inside the step that starts at point i. */
function activeHours(clock: Clock, i: number, session: Session): number {
  const wd = clock.weekday[i] as number;
  const step = clock.stepHours;
  if (session === 'always') return step;
  if (step >= 24) {
    if (session === 'equity') return wd < 5 ? 6.5 * (step / 24) : 0;
    return wd < 5 ? step : 0;
  }
  const mid = (clock.hour[i] as number) + step / 2;
  if (session === 'equity') return wd < 5 && mid >= EQUITY_OPEN && mid < EQUITY_CLOSE ? step : 0;
  const closed = (wd === 4 && mid >= 22) || wd === 5 || (wd === 6 && mid < 22);
  return closed ? 0 : step;
}

/** Per-series decimals: at least ~4 significant digits of the starting price, so sub-dollar coins keep their moves. */
export function priceDecimals(start: number, minDecimals: number): number {
  return Math.min(8, Math.max(minDecimals, 3 - Math.floor(Math.log10(start))));
}

export interface PriceOutput {
  values: Float64Array;
  decimals: number;
}

export function priceModel(clock: Clock, p: Record<string, unknown>, rng: Rng, minDecimals: number): PriceOutput {
  const start = drawLog(rng, p.start, 100);
  const vol = draw(rng, p.annualVol, 0.3);
  const drift = draw(rng, p.annualDrift);
  const alpha = draw(rng, p.garchAlpha, 0.08);
  const beta = draw(rng, p.garchBeta, 0.88);
  const df = draw(rng, p.tailDf, 4);
  const session = (typeof p.session === 'string' ? p.session : 'always') as Session;
  const perYear = ACTIVE_HOURS_PER_YEAR[session] ?? 8760;
  const out = new Float64Array(clock.n);
  // g is the conditional variance relative to the long-run level: mean 1, clustered by alpha and beta.
  let g = 1;
  let z = 0;
  let logPrice = Math.log(start);
  for (let i = 0; i < clock.n; i++) {
    out[i] = Math.exp(logPrice);
    const active = activeHours(clock, i, session);
    if (active === 0) continue;
    const variance = (vol * vol * active) / perYear;
    g = 1 - alpha - beta + alpha * z * z + beta * g;
    z = studentT(rng, df);
    logPrice += (drift * active) / perYear - (variance * g) / 2 + Math.sqrt(variance * g) * z;
  }
  const decimals = priceDecimals(start, minDecimals);
  const tick = 10 ** -decimals;
  for (let i = 0; i < clock.n; i++) out[i] = Math.max(tick, out[i] as number);
  return { values: out, decimals };
}

/** Share volume: zero outside the session, U-shaped within it (busy open and close), bursty and persistent. */
export function volumeModel(clock: Clock, p: Record<string, unknown>, rng: Rng): Float64Array {
  const level = drawLog(rng, p.level, 100000);
  const uShape = draw(rng, p.uShape, 1);
  const logSd = draw(rng, p.logSd, 0.35);
  const noise = ar1(rng, clock.n, draw(rng, p.logPhi, 0.6), logSd, clock.stepHours);
  const burstProb = draw(rng, p.burstProb, 0.01);
  const burstGain = draw(rng, p.burstGain, 3);
  const dayBurst = new Float64Array(clock.days);
  for (let d = 0; d < clock.days; d++) dayBurst[d] = rng.chance(burstProb * 6.5) ? burstGain * (0.5 + rng.next()) : 1;
  const out = new Float64Array(clock.n);
  for (let i = 0; i < clock.n; i++) {
    const active = activeHours(clock, i, 'equity');
    if (active === 0) continue;
    let shape = 1;
    if (clock.stepHours < 24) {
      const pos = ((clock.hour[i] as number) + clock.stepHours / 2 - EQUITY_OPEN) / (EQUITY_CLOSE - EQUITY_OPEN);
      shape = 1 + uShape * (2 * pos - 1) ** 2;
    }
    // `level` is a day's volume; spread over the session's hours.
    out[i] = ((level * active) / 6.5) * shape * (dayBurst[clock.day[i] as number] as number) * Math.exp((noise[i] as number) - (logSd * logSd) / 2);
  }
  return out;
}
