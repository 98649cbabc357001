// Offline time-series generator: one physically plausible series per spec, deterministic for a given rng.
import type { Series, SeriesSpec } from '../../../util/records.js';
import type { Rng } from '../../../util/rng.js';
import { InputError } from '../../../util/errors.js';
import { seriesTypeInfo, seriesTypeNames, type ModelName } from './catalogue.js';
import { makeClock, type Clock } from './clock.js';
import { parseFrequency } from './frequency.js';
import { loadModel } from './models/load.js';
import { gasModel, heatingModel, solarModel, windModel } from './models/energy.js';
import { airQualityModel, humidityModel, pressureModel, temperatureModel } from './models/sensors.js';
import { priceModel, volumeModel } from './models/finance.js';

export { parseFrequency, type Frequency } from './frequency.js';
export { DEFAULT_DOMAIN_WEIGHTS, DOMAINS, seriesTypeInfo, seriesTypeNames, typesOfDomain, type Domain, type SeriesTypeInfo } from './catalogue.js';

/** Bump when any model changes its output: it enters cache keys, so old series are regenerated. */
export { OFFLINE_SERIES_VERSION } from './version.js';

type Model = (clock: Clock, params: Record<string, unknown>, rng: Rng) => Float64Array;

const MODELS: Record<Exclude<ModelName, 'price'>, Model> = {
  load: loadModel,
  solar: solarModel,
  wind: windModel,
  gas: gasModel,
  heating: heatingModel,
  temperature: temperatureModel,
  pressure: pressureModel,
  humidity: humidityModel,
  air_quality: airQualityModel,
  volume: volumeModel,
};

/**
 * Generates the series a spec asks for. `rng` must be dedicated to this item (e.g. forked from the seed and
 * the item's index) so the series never depends on what was generated before it.
 */
export function generateSeries(spec: SeriesSpec, rng: Rng): Series {
  const info = seriesTypeInfo(spec.series_type);
  if (!info) throw new InputError(`unknown series type "${spec.series_type}"; known: ${seriesTypeNames().join(', ')}`);
  const freq = parseFrequency(spec.frequency);
  if (!Number.isInteger(spec.length) || spec.length < 1) throw new InputError(`series length must be a positive integer, got ${spec.length}`);
  const startMs = Date.parse(spec.start);
  if (Number.isNaN(startMs)) throw new InputError(`invalid start timestamp "${spec.start}"`);
  const start = new Date(startMs).toISOString().replace('.000Z', 'Z');

  const clock = makeClock(start, spec.length, freq.hours);
  let values: Float64Array;
  let decimals = info.decimals;
  if (info.model === 'price') {
    const out = priceModel(clock, info.params, rng, info.decimals);
    values = out.values;
    decimals = out.decimals;
  } else {
    values = MODELS[info.model](clock, info.params, rng);
  }

  const scale = 10 ** decimals;
  const target = new Array<number>(spec.length);
  for (let i = 0; i < spec.length; i++) {
    const v = Math.round((values[i] as number) * scale) / scale;
    if (!Number.isFinite(v)) throw new Error(`bug: ${spec.series_type} produced a non-finite value at ${i}`);
    // Normalise -0 so serialisation and equality never depend on the sign of zero.
    target[i] = v === 0 ? 0 : v;
  }
  return {
    series_id: spec.series_id,
    domain: info.domain,
    series_type: spec.series_type,
    frequency: freq.label,
    start,
    length: spec.length,
    target,
    unit: info.unit,
    seasonality_types: [...info.seasonality_types],
    trend_type: info.trend_type,
    // No generator version here: it is a code hash, and records naming it would change on every refactor.
    meta: { provider: 'offline' },
  };
}
