// Plans item i of a time-series dataset from (seed, i) alone: prefix-stable, so growing `count` keeps earlier items.
import type { SeriesSpec } from '../../util/records.js';
import { createRng, type Rng } from '../../util/rng.js';
import { DOMAINS, seriesTypeInfo, typesOfDomain } from '../../providers/offline/timeseries/catalogue.js';
import { parseFrequency } from '../../providers/offline/timeseries/frequency.js';
import type { TimeseriesParams } from './params.js';

/** Stable id of item i: the same index always names the same slot, whatever `count` is. */
export function seriesId(index: number): string {
  return `ts-${String(index).padStart(6, '0')}`;
}

/** What item `index` asks for. Draws only from (seed, index) and the params that shape one item, never `count`. */
export function planSeries(params: TimeseriesParams, seed: number, index: number): SeriesSpec {
  const rng = createRng(seed, 'timeseries/plan', index);
  let seriesType: string;
  if (params.types && params.types.length > 0) {
    seriesType = rng.pick(params.types);
  } else {
    // Catalogue order, not the order keys were written in, so reordering YAML keys changes nothing.
    const weights = DOMAINS.map((d) => params.domains[d] ?? 0);
    const domain = DOMAINS[rng.weightedIndex(weights)] as string;
    seriesType = rng.pick(typesOfDomain(domain));
  }
  const info = seriesTypeInfo(seriesType);
  return {
    index,
    series_id: seriesId(index),
    domain: info?.domain ?? 'unknown',
    series_type: seriesType,
    frequency: parseFrequency(params.frequency).label,
    start: new Date(Date.parse(params.start)).toISOString().replace('.000Z', 'Z'),
    length: params.length,
  };
}

/** The generator stream for one planned item: independent of every other item, so items can be made in any order. */
export function seriesRng(seed: number, spec: SeriesSpec): Rng {
  return createRng(seed, 'timeseries/values', spec.index, spec.series_type);
}
