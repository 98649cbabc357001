// The `with:` of generate/timeseries: JSON Schema (editor help, ajv defaults) and the semantic checks ajv cannot do.
import { InputError } from '../../util/errors.js';
import { DEFAULT_DOMAIN_WEIGHTS, DOMAINS, type Domain } from '../../providers/offline/timeseries/catalogue.js';
import { parseFrequency } from '../../providers/offline/timeseries/frequency.js';

/** The 16 series types; kept literal here so the schema needs no file read (a test pins it to the catalogue). */
export const SERIES_TYPES = [
  'residential_consumption',
  'commercial_consumption',
  'industrial_load',
  'grid_demand',
  'solar_generation',
  'wind_generation',
  'gas_consumption',
  'heating_demand',
  'temperature',
  'pressure',
  'humidity',
  'air_quality',
  'stock_price',
  'crypto_price',
  'exchange_rate',
  'trading_volume',
] as const;
export type SeriesType = (typeof SERIES_TYPES)[number];

export interface TimeseriesParams {
  count: number;
  /** Relative weights per domain; a domain left out gets weight 0. */
  domains: Partial<Record<Domain, number>>;
  types?: SeriesType[];
  length: number;
  frequency: string;
  start: string;
  provider: string;
  /** Series asked for per request by LLM providers (the offline generator makes them one by one). */
  batch_size: number;
}

// A time without a zone would be read in the host's zone: outputs must not depend on the machine.
const START_PATTERN = '^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2}))?$';

export const timeseriesParamsSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'generate/timeseries with:',
  type: 'object',
  additionalProperties: false,
  properties: {
    count: { type: 'integer', minimum: 1, maximum: 10_000_000, default: 100, description: 'Number of series to generate.' },
    domains: {
      type: 'object',
      additionalProperties: false,
      description: 'Relative weight of each domain when drawing a series type (a type is then drawn uniformly within the domain). Domains left out are not drawn. Ignored when `types` is given.',
      properties: {
        electricity: { type: 'number', minimum: 0, description: 'Weight of electricity loads: residential, commercial, industrial, grid demand.' },
        energy: { type: 'number', minimum: 0, description: 'Weight of energy: solar and wind generation, gas consumption, heating demand.' },
        sensors: { type: 'number', minimum: 0, description: 'Weight of sensors: temperature, pressure, humidity, air quality.' },
        financial: { type: 'number', minimum: 0, description: 'Weight of markets: stock and crypto prices, exchange rates, trading volume.' },
      },
      default: { ...DEFAULT_DOMAIN_WEIGHTS },
    },
    types: {
      type: 'array',
      minItems: 1,
      uniqueItems: true,
      items: { type: 'string', enum: [...SERIES_TYPES] },
      description: 'Generate only these series types, drawn uniformly; overrides `domains`.',
    },
    length: { type: 'integer', minimum: 1, maximum: 1_000_000, default: 720, description: 'Points per series (720 hourly points = 30 days).' },
    frequency: {
      type: 'string',
      pattern: '^\\s*[0-9]*\\s*(T|t|min|H|h|D|d)\\s*$',
      default: '1H',
      description: 'Step between points, pandas style: "15min" or "15T", "30min", "1H" or "H", "1D" or "D". Must divide a day evenly or be whole days.',
    },
    start: {
      type: 'string',
      pattern: START_PATTERN,
      default: '2024-01-01T00:00:00Z',
      description: 'Timestamp of the first point: an ISO date ("2024-01-01", read as UTC midnight) or date-time with a zone ("2024-01-01T00:00:00Z").',
    },
    provider: { type: 'string', minLength: 1, default: 'default', description: 'Name of the provider under `providers:` (the offline generator by default, or an LLM such as `type: bedrock`).' },
    batch_size: {
      type: 'integer',
      minimum: 1,
      maximum: 50,
      default: 2,
      description: 'Series asked for per LLM request. Each value costs ~4 output tokens: keep batch_size × length × 4 under the model\'s reply limit (64,000 tokens for Claude Sonnet 4.5, 10,000 for Amazon Nova), or replies are cut and their tail series asked again.',
    },
  },
} as const;

// Date.parse rolls 2024-02-30 over to March 1st; a typo in a date must be an error instead.
function isCalendarDate(iso: string): boolean {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * Checks what the schema cannot express and puts values in canonical form (frequency label, ISO start in
 * UTC, domains in catalogue order), so equal requests normalise to equal params. Throws InputError.
 */
export function normalizeTimeseriesParams(p: TimeseriesParams): TimeseriesParams {
  const frequency = parseFrequency(p.frequency).label;
  const startMs = Date.parse(p.start);
  if (!new RegExp(START_PATTERN).test(p.start) || Number.isNaN(startMs) || !isCalendarDate(p.start)) {
    throw new InputError(`start "${p.start}" is not an ISO date or a date-time with a zone (e.g. 2024-01-01T00:00:00Z)`);
  }
  const domains: Partial<Record<Domain, number>> = {};
  for (const d of DOMAINS) {
    const w = p.domains?.[d];
    if (w !== undefined) {
      if (!(w >= 0) || !Number.isFinite(w)) throw new InputError(`domains.${d} must be a non-negative number, got ${w}`);
      domains[d] = w;
    }
  }
  for (const key of Object.keys(p.domains ?? {})) {
    if (!(DOMAINS as readonly string[]).includes(key)) throw new InputError(`unknown domain "${key}"; known: ${DOMAINS.join(', ')}`);
  }
  if (p.types !== undefined) {
    if (p.types.length === 0) throw new InputError('types must list at least one series type');
    for (const t of p.types) {
      if (!(SERIES_TYPES as readonly string[]).includes(t)) throw new InputError(`unknown series type "${t}"; known: ${SERIES_TYPES.join(', ')}`);
    }
  } else if (Object.values(domains).reduce((a, b) => a + b, 0) <= 0) {
    throw new InputError('domains: at least one domain needs a positive weight (or list `types`)');
  }
  const out: TimeseriesParams = {
    count: p.count,
    domains,
    length: p.length,
    frequency,
    start: new Date(startMs).toISOString().replace('.000Z', 'Z'),
    provider: p.provider,
    batch_size: p.batch_size ?? 2,
  };
  if (p.types !== undefined) out.types = [...p.types];
  return out;
}
