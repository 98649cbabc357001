// What the fake Bedrock "model" answers to a time-series prompt: plausible series, with an LLM's usual slips.
import type { SeriesSpec } from '../../util/records.js';
import type { Rng } from '../../util/rng.js';
import { generateSeries, parseFrequency } from '../../providers/offline/timeseries/index.js';
import { seriesTypeInfo } from '../../providers/offline/timeseries/catalogue.js';
import { boundsFor } from '../../metrics/series-checks.js';

/**
 * Per-series probabilities of what real models do to long numeric arrays: miscount (`short`, `long`), write `null`
 * or a bare `NaN` (which breaks that item's JSON), step outside the type's physical bounds, or — the commonest —
 * copy the first day over and over (`repeat`, valid but less realistic); per reply, `truncate` cuts the text.
 */
export interface SeriesMisbehaviour {
  short: number;
  long: number;
  nulls: number;
  nan: number;
  bounds: number;
  repeat: number;
  truncate: number;
}

/** On by default, as a real model's slips are: about one series in six comes back invalid. */
export const DEFAULT_SERIES_MISBEHAVIOUR: SeriesMisbehaviour = { short: 0.05, long: 0.03, nulls: 0.03, nan: 0.02, bounds: 0.03, repeat: 0.5, truncate: 0.03 };

/** Series specs are embedded in the prompt as `<series>{json}</series>` (see providers/llm/series-prompt.ts). */
export function seriesSpecsInPrompt(text: string): SeriesSpec[] {
  const out: SeriesSpec[] = [];
  for (const m of text.matchAll(/<series>(\{.*?\})<\/series>/g)) {
    try {
      const s = JSON.parse(m[1] as string) as Partial<SeriesSpec>;
      if (typeof s.series_id === 'string' && typeof s.series_type === 'string' && seriesTypeInfo(s.series_type)) {
        out.push({ index: 0, series_id: s.series_id, domain: s.domain ?? '', series_type: s.series_type, frequency: s.frequency ?? '1H', start: s.start ?? '2024-01-01T00:00:00Z', length: Math.max(1, Math.min(100_000, Number(s.length) || 24)) });
      }
    } catch {
      // A spec the fake cannot read is simply not answered, like a model skipping an item.
    }
  }
  return out;
}

const NAN = '__fake_NaN__';

/** The reply text for a series prompt, and whether it was cut (stopReason max_tokens). */
export function answerSeriesPrompt(
  specs: SeriesSpec[],
  rng: Rng,
  opts: { misbehaviour?: Partial<SeriesMisbehaviour>; ids?: 'echo' | 'renumber' | 'omit' | 'mixed'; prose?: number },
  bump: (counter: string, n?: number) => void,
): { text: string; truncated: boolean } {
  const m = { ...DEFAULT_SERIES_MISBEHAVIOUR, ...opts.misbehaviour };
  const items = specs.map((spec) => {
    const r = rng.fork(spec.series_id);
    const values: Array<number | null | string> = llmStyle(spec, r, m.repeat, bump);
    if (r.chance(m.short)) (bump('series_short'), values.splice(values.length - r.int(1, Math.min(3, values.length)), values.length));
    else if (r.chance(m.long)) (bump('series_long'), values.push(...values.slice(0, r.int(1, 3))));
    if (values.length && r.chance(m.nulls)) (bump('series_null'), (values[r.int(0, values.length - 1)] = null));
    if (values.length && r.chance(m.nan)) (bump('series_nan'), (values[r.int(0, values.length - 1)] = NAN));
    if (values.length && r.chance(m.bounds)) {
      const b = boundsFor(spec.series_type, seriesTypeInfo(spec.series_type)?.unit) ?? { min: 0 };
      bump('series_out_of_bounds');
      values[r.int(0, values.length - 1)] = b.max !== undefined && r.chance(0.5) ? b.max + 12.5 : (b.min ?? 0) - 3.5;
    }
    return { series_id: spec.series_id, series_type: spec.series_type, values };
  });
  const style = opts.ids ?? 'mixed';
  const pick = style === 'mixed' ? (rng.chance(0.7) ? 'echo' : rng.chance(0.5) ? 'renumber' : 'omit') : style;
  const shown = items.map((it, i) => (pick === 'echo' ? it : pick === 'renumber' ? { ...it, series_id: `ts_${String(i + 1).padStart(3, '0')}` } : { series_type: it.series_type, values: it.values }));
  if (pick !== 'echo') bump(`ids_${pick}`);
  bump('items_served', items.length);
  // A bare NaN is what models write; it is not JSON, so the item holding it cannot be parsed.
  const json = JSON.stringify(shown).replaceAll(`"${NAN}"`, 'NaN');
  let text = rng.chance(opts.prose ?? 0.3) ? `Here are the ${items.length} series:\n\`\`\`json\n${json}\n\`\`\`\nEach follows the requested length.` : json;
  const truncated = rng.chance(m.truncate);
  if (truncated) {
    bump('series_truncated');
    text = text.slice(0, Math.floor(text.length * (0.3 + 0.5 * rng.next())));
  }
  return { text, truncated };
}

/**
 * A plausible series (the offline generator's physics), rounded as a model writes numbers; with probability
 * `repeat`, a series with a daily cycle repeats its first day with a little noise, as models often do.
 */
function llmStyle(spec: SeriesSpec, rng: Rng, repeat: number, bump: (counter: string) => void): number[] {
  const s = generateSeries(spec, rng.fork('values'));
  const perDay = Math.round(24 / parseFrequency(spec.frequency).hours);
  let values = s.target;
  if (s.seasonality_types.includes('daily') && perDay > 1 && values.length > perDay && rng.chance(repeat)) {
    bump('series_repeated_day');
    const b = boundsFor(spec.series_type, s.unit) ?? {};
    const day = values.slice(0, perDay);
    // Clamped, so only the deliberate `bounds` slip leaves the physical range.
    values = values.map((_, i) => Math.min(b.max ?? Infinity, Math.max(b.min ?? -Infinity, (day[i % perDay] as number) * (1 + 0.02 * rng.normal()))));
  }
  // Four significant digits, as models write numbers; `|| 0` drops the sign of a zero.
  return values.map((v) => Number(v.toPrecision(4)) || 0);
}
