// Checks one series returned by an LLM against the spec that asked for it, and builds the offline generator's record.
import type { Series, SeriesSpec } from '../../util/records.js';
import { boundsFor, checkSeries } from '../../metrics/series-checks.js';
import { seriesTypeInfo } from '../offline/timeseries/catalogue.js';

export type SeriesParseResult = { ok: true; record: Series } | { ok: false; errors: string[] };

/**
 * The plan's fields (id, type, domain, frequency, start, length) come from the spec, not the model: a model that
 * mislabels or renumbers must not change what the dataset holds (the runner has already paired answer and spec).
 * The values are the model's and must be exactly `length` finite numbers within the type's physical bounds —
 * the checks validate/timeseries applies, so every series kept passes them. `generator` names who answered (the
 * record's meta.provider, as the offline generator writes `offline`).
 */
export function parseSeriesItem(obj: unknown, spec: SeriesSpec, generator: string): SeriesParseResult {
  const raw = Array.isArray(obj) ? obj : obj !== null && typeof obj === 'object' ? ((obj as Record<string, unknown>).values ?? (obj as Record<string, unknown>).target) : undefined;
  if (!Array.isArray(raw)) return { ok: false, errors: ['no `values` array in the answer'] };
  const errors: string[] = [];
  if (raw.length !== spec.length) errors.push(`${raw.length} values, asked for ${spec.length}`);
  const bad = raw.findIndex((v) => typeof v !== 'number' || !Number.isFinite(v));
  if (bad >= 0) {
    const n = raw.filter((v) => typeof v !== 'number' || !Number.isFinite(v)).length;
    errors.push(`${n} value(s) not finite numbers (first at index ${bad}: ${JSON.stringify(raw[bad]) ?? String(raw[bad])})`);
  }
  if (errors.length) return { ok: false, errors };
  const info = seriesTypeInfo(spec.series_type);
  const record: Series = {
    series_id: spec.series_id,
    domain: info?.domain ?? spec.domain,
    series_type: spec.series_type,
    frequency: spec.frequency,
    start: spec.start,
    length: spec.length,
    // -0 normalised, as the offline generator does, so bytes never depend on the sign of zero.
    target: (raw as number[]).map((v) => (v === 0 ? 0 : v)),
    unit: info?.unit ?? 'unknown',
    seasonality_types: [...(info?.seasonality_types ?? [])],
    trend_type: info?.trend_type ?? 'none',
    meta: { provider: generator },
  };
  const check = checkSeries(record as unknown as Record<string, unknown>);
  for (const failed of check.failed) {
    if (failed === 'bounds') {
      const b = boundsFor(spec.series_type, record.unit) ?? {};
      const range = [b.min !== undefined ? `≥ ${b.min}` : '', b.max !== undefined ? `≤ ${b.max}` : ''].filter(Boolean).join(' and ');
      errors.push(`${check.outOfBounds} value(s) outside the physical bounds of ${spec.series_type} (${range})`);
    } else if (failed === 'night') errors.push('solar output during the night (22:00–04:00 UTC)');
    else errors.push(`failed the ${failed} check`);
  }
  return errors.length ? { ok: false, errors } : { ok: true, record };
}
