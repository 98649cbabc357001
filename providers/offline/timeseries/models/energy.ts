// Energy: solar (zero at night, season-dependent day length, clouds), wind (Weibull + power curve), gas, heating.
import type { Rng } from '../../../../util/rng.js';
import type { Clock } from '../clock.js';
import { ar1, dayWindow, draw, drawLog, hourDistance, normalCdf } from '../noise.js';
import { drawTemperatureOptions, temperaturePath } from './weather.js';

const RAD = Math.PI / 180;

/** Sine of the sun's elevation at a UTC hour and day of year, for a site (simple declination model). */
function sinElevation(hourUtc: number, dayOfYear: number, latitude: number, longitude: number): number {
  const decl = 23.44 * RAD * Math.sin((2 * Math.PI * (dayOfYear - 81)) / 365.25);
  const solarHour = hourUtc + longitude / 15;
  const hourAngle = (solarHour - 12) * 15 * RAD;
  const lat = latitude * RAD;
  return Math.sin(lat) * Math.sin(decl) + Math.cos(lat) * Math.cos(decl) * Math.cos(hourAngle);
}

export function solarModel(clock: Clock, p: Record<string, unknown>, rng: Rng): Float64Array {
  const capacity = drawLog(rng, p.capacity, 10);
  const latitude = draw(rng, p.latitude, 45);
  const longitude = draw(rng, p.longitude, 0);
  const cloudMean = draw(rng, p.cloudMean, 0.3);
  const cloudPhi = draw(rng, p.cloudPhi, 0.6);
  const flicker = draw(rng, p.flicker, 0.1);
  // Cloudiness per day (logit-normal around its mean, persistent across days) plus passing-cloud flicker.
  const logitMean = Math.log(cloudMean / (1 - cloudMean));
  const dayCloud = ar1(rng, clock.days, cloudPhi, 1.2, 1);
  const hourly = ar1(rng, clock.n, 0.7, flicker, clock.stepHours);
  const out = new Float64Array(clock.n);
  const sub = clock.stepHours >= 24 ? 24 : 1;
  for (let i = 0; i < clock.n; i++) {
    const cloud = 1 / (1 + Math.exp(-(logitMean + (dayCloud[clock.day[i] as number] as number))));
    const clearness = Math.min(1, (1 - 0.75 * cloud) * Math.exp((hourly[i] as number) - (flicker * flicker) / 2));
    let sun = 0;
    for (let k = 0; k < sub; k++) {
      const h = sub === 1 ? (clock.hour[i] as number) + clock.stepHours / 2 : k + 0.5;
      const s = sinElevation(h, clock.dayOfYear[i] as number, latitude, longitude);
      // Exactly zero whenever the sun is below the horizon: no noise term can make night positive.
      if (s > 0) sun += Math.pow(s, 1.15);
    }
    out[i] = sun > 0 ? (capacity * clearness * sun) / sub : 0;
  }
  return out;
}

export function windModel(clock: Clock, p: Record<string, unknown>, rng: Rng): Float64Array {
  const capacity = drawLog(rng, p.capacity, 1000);
  const scale = draw(rng, p.weibullScale, 8);
  const shape = draw(rng, p.weibullShape, 2);
  const persistence = draw(rng, p.persistence, 0.96);
  const cutIn = draw(rng, p.cutIn, 3);
  const rated = draw(rng, p.rated, 12.5);
  const cutOut = draw(rng, p.cutOut, 25);
  const diurnalAmp = draw(rng, p.diurnalAmp);
  // A persistent Gaussian path mapped through its CDF gives Weibull-distributed speeds with memory.
  const z = ar1(rng, clock.n, persistence, 1, clock.stepHours);
  const out = new Float64Array(clock.n);
  const denom = rated ** 3 - cutIn ** 3;
  for (let i = 0; i < clock.n; i++) {
    const u = Math.min(1 - 1e-12, normalCdf(z[i] as number));
    const diurnal = clock.stepHours >= 24 ? 1 : 1 + diurnalAmp * Math.cos((2 * Math.PI * ((clock.hour[i] as number) - 15)) / 24);
    const v = scale * Math.pow(-Math.log(1 - u), 1 / shape) * diurnal;
    out[i] = v < cutIn || v >= cutOut ? 0 : v >= rated ? capacity : (capacity * (v ** 3 - cutIn ** 3)) / denom;
  }
  return out;
}

/** Heating demand: degree-hours below a setpoint, lower when the sun helps; never negative. */
export function heatingModel(clock: Clock, p: Record<string, unknown>, rng: Rng): Float64Array {
  const level = drawLog(rng, p.level, 10);
  const setpoint = draw(rng, p.setpoint, 18);
  const daytimeGain = draw(rng, p.daytimeGain, 0.2);
  const noiseSd = draw(rng, p.noiseSd, 0.05);
  const temp = temperaturePath(clock, drawTemperatureOptions(rng, p), rng);
  const noise = ar1(rng, clock.n, 0.6, noiseSd, clock.stepHours);
  const out = new Float64Array(clock.n);
  for (let i = 0; i < clock.n; i++) {
    const deficit = Math.max(0, setpoint - (temp[i] as number));
    const sun = clock.stepHours >= 24 ? 0.5 : dayWindow(clock.hour[i] as number, 9, 16, 1);
    out[i] = (level * deficit * (1 - daytimeGain * sun) * Math.exp(noise[i] as number)) / 10;
  }
  return out;
}

/** Household gas: base load (hot water, cooking) + heating on a thermostat schedule with a night setback. */
export function gasModel(clock: Clock, p: Record<string, unknown>, rng: Rng): Float64Array {
  const level = drawLog(rng, p.level, 1);
  const baseLoad = draw(rng, p.baseLoad, 0.15);
  const setpoint = draw(rng, p.setpoint, 19);
  const morning = draw(rng, p.morning, 0.4);
  const evening = draw(rng, p.evening, 0.6);
  const setback = draw(rng, p.nightSetback, 0.4);
  const noiseSd = draw(rng, p.noiseSd, 0.15);
  const temp = temperaturePath(clock, drawTemperatureOptions(rng, p), rng);
  const noise = ar1(rng, clock.n, 0.5, noiseSd, clock.stepHours);
  const out = new Float64Array(clock.n);
  for (let i = 0; i < clock.n; i++) {
    const h = (clock.hour[i] as number) + Math.min(clock.stepHours, 24) / 2;
    const weekend = (clock.weekday[i] as number) >= 5;
    const wake = weekend ? 8.5 : 7;
    const schedule =
      clock.stepHours >= 24
        ? 0.75
        : setback + (1 - setback) * dayWindow(h, wake - 1, 23, 0.5) +
          morning * Math.exp(-(hourDistance(h, wake) ** 2) / 2) +
          evening * Math.exp(-(hourDistance(h, 19) ** 2) / 4);
    const heating = (Math.max(0, setpoint - (temp[i] as number)) / 10) * schedule;
    out[i] = level * (baseLoad * schedule + heating) * Math.exp(noise[i] as number);
  }
  return out;
}
