// Shared weather: an outdoor temperature path (annual + diurnal cycle + persistent anomaly) for sensors and heating.
import type { Rng } from '../../../../util/rng.js';
import type { Clock } from '../clock.js';
import { ar1, draw } from '../noise.js';

export interface TemperatureOptions {
  climateMean: number;
  climateAmp: number;
  diurnalAmp: number;
  peakHour: number;
  anomalySd: number;
  anomalyPhi: number;
}

export function drawTemperatureOptions(rng: Rng, p: Record<string, unknown>): TemperatureOptions {
  return {
    climateMean: draw(rng, p.climateMean, 10),
    climateAmp: draw(rng, p.climateAmp, 8),
    diurnalAmp: draw(rng, p.diurnalAmp, 4),
    peakHour: draw(rng, p.peakHour, 15),
    anomalySd: draw(rng, p.anomalySd, 2.5),
    anomalyPhi: draw(rng, p.anomalyPhi, 0.98),
  };
}

/** Outdoor temperature in °C; warmest around day 200 (late July), coldest in mid January. */
export function temperaturePath(clock: Clock, o: TemperatureOptions, rng: Rng): Float64Array {
  const anomaly = ar1(rng, clock.n, o.anomalyPhi, o.anomalySd, clock.stepHours);
  const diurnal = clock.stepHours >= 24 ? 0 : o.diurnalAmp;
  const out = new Float64Array(clock.n);
  for (let i = 0; i < clock.n; i++) {
    const h = (clock.hour[i] as number) + Math.min(clock.stepHours, 24) / 2;
    out[i] =
      o.climateMean +
      o.climateAmp * Math.cos((2 * Math.PI * ((clock.dayOfYear[i] as number) - 200)) / 365.25) +
      diurnal * Math.cos((2 * Math.PI * (h - o.peakHour)) / 24) +
      (anomaly[i] as number);
  }
  return out;
}
