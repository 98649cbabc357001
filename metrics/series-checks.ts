// Per-series validity: length, frequency, start, finite values, physical bounds, solar darkness at night.

export const SERIES_CHECKS = ['length', 'frequency', 'start', 'finite', 'bounds', 'night'] as const;
export type SeriesCheckName = (typeof SERIES_CHECKS)[number];

/** Hours per step for a frequency string (1H, H, 30min, 15T, D, hourly, daily…); undefined when unknown. */
export function frequencyHours(freq: unknown): number | undefined {
  if (typeof freq !== 'string') return undefined;
  const f = freq.trim();
  const words: Record<string, number> = { hourly: 1, daily: 24, weekly: 168 };
  if (words[f.toLowerCase()] !== undefined) return words[f.toLowerCase()];
  const m = /^(\d+)?\s*(min|T|H|h|D|d|W|w)$/.exec(f);
  if (!m) return undefined;
  const k = m[1] ? Number(m[1]) : 1;
  const unit = (m[2] as string).toLowerCase();
  const hours = unit === 'min' || unit === 't' ? k / 60 : unit === 'h' ? k : unit === 'd' ? 24 * k : 168 * k;
  return hours > 0 ? hours : undefined;
}

interface Bounds {
  min?: number;
  max?: number;
}

// Physical limits by series type; a type not listed gets no bounds check.
const BOUNDS: Record<string, Bounds> = {
  residential_consumption: { min: 0 },
  commercial_consumption: { min: 0 },
  industrial_load: { min: 0 },
  grid_demand: { min: 0 },
  solar_generation: { min: 0 },
  wind_generation: { min: 0 },
  gas_consumption: { min: 0 },
  heating_demand: { min: 0 },
  temperature: { min: -90, max: 60 },
  pressure: { min: 800, max: 1100 },
  humidity: { min: 0, max: 100 },
  air_quality: { min: 0 },
  stock_price: { min: 0 },
  crypto_price: { min: 0 },
  exchange_rate: { min: 0 },
  trading_volume: { min: 0 },
};

export function boundsFor(seriesType: string, unit?: string): Bounds | undefined {
  if (BOUNDS[seriesType]) return BOUNDS[seriesType];
  if (unit === '%' || unit === 'percent') return { min: 0, max: 100 };
  return undefined;
}

/** Series types compared with the real electricity data. */
export const ELECTRICITY_TYPES = new Set(['residential_consumption', 'commercial_consumption', 'industrial_load', 'grid_demand']);

export interface SeriesCheck {
  failed: SeriesCheckName[];
  applied: SeriesCheckName[];
  nonFinite: number;
  outOfBounds: number;
}

// Solar output at 22:00–03:59 UTC (the catalogue's generators use UTC as local solar time).
const NIGHT_HOURS = new Set([22, 23, 0, 1, 2, 3]);

export function checkSeries(s: Record<string, unknown>): SeriesCheck {
  const failed: SeriesCheckName[] = [];
  const applied: SeriesCheckName[] = [];
  const check = (n: SeriesCheckName, ok: boolean) => (applied.push(n), ok ? undefined : failed.push(n));
  const target = Array.isArray(s.target) ? (s.target as unknown[]) : [];
  const values = target.map((v) => (typeof v === 'number' ? v : Number.NaN));
  check('length', Array.isArray(s.target) && s.length === target.length && target.length > 0);
  const fh = frequencyHours(s.frequency);
  check('frequency', fh !== undefined);
  const startMs = typeof s.start === 'string' ? Date.parse(s.start) : Number.NaN;
  check('start', !Number.isNaN(startMs));
  const nonFinite = values.filter((v) => !Number.isFinite(v)).length;
  check('finite', nonFinite === 0);
  const b = boundsFor(String(s.series_type ?? ''), typeof s.unit === 'string' ? s.unit : undefined);
  let outOfBounds = 0;
  if (b) {
    for (const v of values) if (Number.isFinite(v) && ((b.min !== undefined && v < b.min) || (b.max !== undefined && v > b.max))) outOfBounds++;
    check('bounds', outOfBounds === 0);
  }
  if (s.series_type === 'solar_generation' && fh !== undefined && fh < 24 && !Number.isNaN(startMs)) {
    let max = 0;
    for (const v of values) if (Number.isFinite(v) && v > max) max = v;
    let night = 0;
    let lit = 0;
    values.forEach((v, i) => {
      const hour = new Date(startMs + i * fh * 3_600_000).getUTCHours();
      if (!NIGHT_HOURS.has(hour) || !Number.isFinite(v)) return;
      night++;
      if (v > 0.02 * max) lit++;
    });
    check('night', night === 0 || lit / night <= 0.05);
  }
  return { failed, applied, nonFinite, outOfBounds };
}
