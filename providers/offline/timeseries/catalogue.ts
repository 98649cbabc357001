// The catalogue of offline series types (data/series-types.json): domain, unit, rounding and model parameters.
import { loadData } from '../../../util/paths.js';

/** A parameter drawn per series: a fixed number or a [min, max] range. */
export type Param = number | readonly [number, number];

export type ModelName =
  | 'load'
  | 'solar'
  | 'wind'
  | 'gas'
  | 'heating'
  | 'temperature'
  | 'pressure'
  | 'humidity'
  | 'air_quality'
  | 'price'
  | 'volume';

export interface SeriesTypeInfo {
  domain: string;
  unit: string;
  /** Decimal places kept in the output: keeps JSON small and byte-stable. */
  decimals: number;
  model: ModelName;
  seasonality_types: string[];
  trend_type: string;
  params: Record<string, unknown>;
}

export const DOMAINS = ['electricity', 'energy', 'sensors', 'financial'] as const;
export type Domain = (typeof DOMAINS)[number];

/** The seed project's mix: half electricity, a fifth each energy and sensors, a tenth financial. */
export const DEFAULT_DOMAIN_WEIGHTS: Readonly<Record<Domain, number>> = {
  electricity: 0.5,
  energy: 0.2,
  sensors: 0.2,
  financial: 0.1,
};

let catalogue: ReadonlyMap<string, SeriesTypeInfo> | undefined;

export function seriesCatalogue(): ReadonlyMap<string, SeriesTypeInfo> {
  if (!catalogue) {
    const raw = loadData<Record<string, unknown>>('series-types.json');
    catalogue = new Map(
      Object.entries(raw)
        .filter(([k]) => !k.startsWith('$'))
        .map(([k, v]) => [k, v as SeriesTypeInfo]),
    );
  }
  return catalogue;
}

/** All type names in catalogue order. */
export function seriesTypeNames(): string[] {
  return [...seriesCatalogue().keys()];
}

/** Type names of one domain, in catalogue order. */
export function typesOfDomain(domain: string): string[] {
  return [...seriesCatalogue()].filter(([, t]) => t.domain === domain).map(([k]) => k);
}

export function seriesTypeInfo(name: string): SeriesTypeInfo | undefined {
  return seriesCatalogue().get(name);
}
