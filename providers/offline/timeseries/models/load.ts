// Electricity load: a daily shape (peaks, business-hours plateaus) × weekday/weekend × annual × persistent noise.
import type { Rng } from '../../../../util/rng.js';
import { loadData } from '../../../../util/paths.js';
import type { Clock } from '../clock.js';
import { ar1, dayWindow, draw, drawLog, hourDistance } from '../noise.js';
import { archetypeLoadModel } from './archetype-load.js';

interface Bump {
  hour: number;
  width: number;
  amp: number;
}
interface Plateau {
  from: number;
  to: number;
  edge: number;
  amp: number;
}

interface ElectricityProfile {
  daily_shape: number[];
}

/** The real series' average daily shape, for grid demand (aggregates look like the average client). */
function realDailyShape(): number[] {
  return loadData<ElectricityProfile>('electricity-profile.json').daily_shape;
}

function interpolate(shape: readonly number[], hour: number): number {
  const i = Math.floor(hour) % 24;
  const f = hour - Math.floor(hour);
  return (shape[i] as number) * (1 - f) + (shape[(i + 1) % 24] as number) * f;
}

export function loadModel(clock: Clock, p: Record<string, unknown>, rng: Rng): Float64Array {
  // Types calibrated on summarised real clients; the hand-built bump model remains for catalogue entries without.
  if (p.archetypes) return archetypeLoadModel(clock, p, rng);
  const level = drawLog(rng, p.level, 1);
  const base = draw(rng, p.base);
  const bumps: Bump[] = ((p.bumps as unknown[]) ?? []).map((b) => {
    const r = b as Record<string, unknown>;
    return { hour: draw(rng, r.hour), width: draw(rng, r.width, 1), amp: draw(rng, r.amp) };
  });
  const plateaus: Plateau[] = ((p.plateaus as unknown[]) ?? []).map((b) => {
    const r = b as Record<string, unknown>;
    return { from: draw(rng, r.from), to: draw(rng, r.to), edge: draw(rng, r.edge, 0.5), amp: draw(rng, r.amp) };
  });
  const we = (p.weekend ?? {}) as Record<string, unknown>;
  const weekendScale = draw(rng, we.scale, 1);
  const weekendShift = draw(rng, we.shift);
  const weekendBumpScale = draw(rng, we.bumpScale, 1);
  const annualAmp = draw(rng, p.annualAmp);
  const noiseSd = draw(rng, p.noiseSd, 0.05);
  const noisePhi = draw(rng, p.noisePhi, 0.7);
  const daySd = draw(rng, p.daySd, 0.05);
  const dayPhi = draw(rng, p.dayPhi, 0.7);
  const trendPerMonth = draw(rng, p.trendPerMonth);
  const profile = p.profileShape === true ? realDailyShape() : undefined;
  const gain = draw(rng, p.shapeGain, 1);

  const shape = (hour: number, weekend: boolean): number => {
    if (profile) return Math.max(0.05, 1 + gain * (interpolate(profile, hour) - 1));
    let v = base;
    for (const b of bumps) {
      // Weekend mornings start later; evenings keep their time.
      const c = weekend && b.hour < 12 ? b.hour + weekendShift : b.hour;
      const d = hourDistance(hour, c);
      v += (weekend ? b.amp * weekendBumpScale : b.amp) * Math.exp((-d * d) / (2 * b.width * b.width));
    }
    for (const q of plateaus) v += (weekend ? q.amp * weekendBumpScale : q.amp) * dayWindow(hour, q.from, q.to, q.edge);
    return v;
  };
  // Normalise on the weekday shape so `level` is the weekday mean.
  let shapeMean = 0;
  for (let h = 0; h < 24; h++) shapeMean += shape(h + 0.5, false) / 24;

  // Day-level factor (weather, occupancy) persists across days; hourly noise persists a few hours.
  const dayFactor = ar1(rng, clock.days, dayPhi, daySd, 1);
  const noise = ar1(rng, clock.n, noisePhi, noiseSd, clock.stepHours);
  const out = new Float64Array(clock.n);
  const sub = clock.stepHours >= 24 ? 24 : 1;
  for (let i = 0; i < clock.n; i++) {
    const weekend = (clock.weekday[i] as number) >= 5;
    // A daily point is the day's mean; a sub-daily point is read at its interval's midpoint.
    let s = 0;
    for (let k = 0; k < sub; k++) s += shape(sub === 1 ? (clock.hour[i] as number) + clock.stepHours / 2 : k + 0.5, weekend);
    s /= sub * shapeMean;
    const annual = 1 + annualAmp * Math.cos((2 * Math.PI * ((clock.dayOfYear[i] as number) - 15)) / 365.25);
    const trend = 1 + (trendPerMonth * i * clock.stepHours) / 730;
    const v = level * s * (weekend ? weekendScale : 1) * annual * trend * Math.exp((dayFactor[clock.day[i] as number] as number) + (noise[i] as number));
    out[i] = Math.max(0, v);
  }
  return out;
}
