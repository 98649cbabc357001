// Environmental sensors: temperature, barometric pressure (with recalibration shifts), bounded humidity, air quality.
import type { Rng } from '../../../../util/rng.js';
import type { Clock } from '../clock.js';
import { ar1, draw, drawLog, hourDistance } from '../noise.js';
import { drawTemperatureOptions, temperaturePath } from './weather.js';

export function temperatureModel(clock: Clock, p: Record<string, unknown>, rng: Rng): Float64Array {
  const sensorSd = draw(rng, p.sensorSd, 0.1);
  const out = temperaturePath(clock, drawTemperatureOptions(rng, p), rng);
  for (let i = 0; i < clock.n; i++) out[i] = (out[i] as number) + rng.normal(0, sensorSd);
  return out;
}

export function pressureModel(clock: Clock, p: Record<string, unknown>, rng: Rng): Float64Array {
  const mean = draw(rng, p.mean, 1013);
  const synoptic = ar1(rng, clock.n, draw(rng, p.synopticPhi, 0.995), draw(rng, p.synopticSd, 7), clock.stepHours);
  const tideAmp = clock.stepHours >= 12 ? 0 : draw(rng, p.tideAmp, 0.8);
  const sensorSd = draw(rng, p.sensorSd, 0.1);
  // A recalibrated or replaced sensor reads with a new offset from some point on.
  const shiftAt = rng.chance(draw(rng, p.shiftProb, 0.3)) ? rng.int(1, Math.max(1, clock.n - 1)) : clock.n;
  const shift = rng.normal(0, draw(rng, p.shiftSd, 1.5));
  const out = new Float64Array(clock.n);
  for (let i = 0; i < clock.n; i++) {
    // Atmospheric tide: two maxima a day, near 10:00 and 22:00 local.
    const tide = tideAmp * Math.cos((4 * Math.PI * ((clock.hour[i] as number) - 10)) / 24);
    const v = mean + (synoptic[i] as number) + tide + (i >= shiftAt ? shift : 0) + rng.normal(0, sensorSd);
    out[i] = Math.min(1085, Math.max(870, v));
  }
  return out;
}

/** Relative humidity: lowest in the warm afternoon, modelled in logit space so it stays inside 0–100. */
export function humidityModel(clock: Clock, p: Record<string, unknown>, rng: Rng): Float64Array {
  const m = draw(rng, p.mean, 65) / 100;
  const logitMean = Math.log(m / (1 - m));
  const diurnalAmp = clock.stepHours >= 24 ? 0 : draw(rng, p.diurnalAmp, 0.5);
  const anomaly = ar1(rng, clock.n, draw(rng, p.anomalyPhi, 0.97), draw(rng, p.anomalySd, 0.6), clock.stepHours);
  const sensorSd = draw(rng, p.sensorSd, 1);
  const out = new Float64Array(clock.n);
  for (let i = 0; i < clock.n; i++) {
    const x = logitMean + diurnalAmp * Math.cos((2 * Math.PI * ((clock.hour[i] as number) - 4)) / 24) + (anomaly[i] as number);
    const rh = 100 / (1 + Math.exp(-x)) + rng.normal(0, sensorSd);
    out[i] = Math.min(100, Math.max(0, rh));
  }
  return out;
}

/** PM2.5-like concentration: log-normal persistence, rush-hour peaks, quieter weekends, decaying pollution episodes. */
export function airQualityModel(clock: Clock, p: Record<string, unknown>, rng: Rng): Float64Array {
  const level = drawLog(rng, p.level, 15);
  const traffic = clock.stepHours >= 24 ? 0 : draw(rng, p.trafficAmp, 0.3);
  const weekendScale = draw(rng, p.weekendScale, 0.85);
  const logSd = draw(rng, p.logSd, 0.4);
  const noise = ar1(rng, clock.n, draw(rng, p.logPhi, 0.95), logSd, clock.stepHours);
  const episodeRate = (draw(rng, p.episodeRatePerDay, 0.05) * clock.stepHours) / 24;
  const episodeGain = draw(rng, p.episodeGain, 2);
  const decay = Math.exp(-clock.stepHours / draw(rng, p.episodeDecayHours, 12));
  const out = new Float64Array(clock.n);
  let episode = 0;
  for (let i = 0; i < clock.n; i++) {
    episode *= decay;
    if (rng.chance(episodeRate)) episode += episodeGain * (0.5 + rng.next());
    const h = clock.hour[i] as number;
    const weekend = (clock.weekday[i] as number) >= 5;
    const rush = traffic * (weekend ? 0.4 : 1) * (Math.exp(-(hourDistance(h, 8) ** 2) / 2) + Math.exp(-(hourDistance(h, 18.5) ** 2) / 3));
    out[i] = level * (weekend ? weekendScale : 1) * (1 + rush + episode) * Math.exp((noise[i] as number) - (logSd * logSd) / 2);
  }
  return out;
}
