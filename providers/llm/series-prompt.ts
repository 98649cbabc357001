// The LLM prompt for a batch of time-series specs, built from data/prompts/timeseries.json.
import type { ChatRequest } from '../contract.js';
import type { SeriesSpec } from '../../util/records.js';
import { canonicalJson } from '../../util/canonical-json.js';
import { loadData } from '../../util/paths.js';
import { boundsFor } from '../../metrics/series-checks.js';
import { seriesTypeInfo } from '../offline/timeseries/catalogue.js';
import { prefixedRequest } from './prefixed-request.js';

interface PromptTemplate {
  version: string;
  system: string;
  instructions: string;
  output: string;
  item: string;
}

const template = (): PromptTemplate => loadData<PromptTemplate>('prompts', 'timeseries.json');

/** Sampling settings sent with every batch: part of each item's key, since they shape the answer. */
export const SERIES_INFERENCE = { temperature: 0.7 } as const;

/**
 * Output tokens one value costs, counted generously: "1234.56, " is 4–5 tokens for Claude's tokenizer, and a
 * max_tokens too small truncates the reply (its tail items are then asked again, paid twice).
 */
export const TOKENS_PER_VALUE = 4;
const TOKENS_PER_SERIES = 60;
/** Output tokens one series of this length needs. */
export function seriesOutputTokens(length: number): number {
  return TOKENS_PER_SERIES + TOKENS_PER_VALUE * length;
}

/** The spec fields the model (and the fake server) read; `index` is plan bookkeeping, not content. */
function specJson(spec: SeriesSpec): string {
  const { series_id, domain, series_type, frequency, start, length } = spec;
  const unit = seriesTypeInfo(series_type)?.unit;
  const bounds = boundsFor(series_type, unit) ?? {};
  return canonicalJson({ series_id, domain, series_type, unit: unit ?? null, frequency, start, length, bounds });
}

const itemLine = (t: PromptTemplate, spec: SeriesSpec) => t.item.replace('{spec}', specJson(spec));

/**
 * Everything in the request that shapes this one item: template version, system text, instructions, output format
 * and its own line. Hashed into the item's checkpoint key (with the model identity and SERIES_INFERENCE), so editing
 * any of it regenerates exactly the items it affects.
 */
export function seriesItemPrompt(spec: SeriesSpec): string {
  const t = template();
  return [`v${t.version}`, t.system, t.instructions, t.output, itemLine(t, spec)].join('\n');
}

/**
 * The static part (system text, instructions) is the shared prefix every request of the step starts with, so prompt
 * caching can reuse it (a cachePoint where the model allows); only the item lines and the count follow it.
 */
export function seriesPrefix(): string {
  const t = template();
  return [t.system, t.instructions].join('\n\n');
}

export function renderSeriesBatch(specs: SeriesSpec[]): ChatRequest {
  const t = template();
  const count = String(specs.length);
  const suffix = [['Items:', ...specs.map((s) => itemLine(t, s))].join('\n'), t.output.replaceAll('{count}', count)].join('\n\n');
  // The provider clamps this to the model's reply limit; the step warns when a batch needs more than that.
  const maxTokens = Math.max(512, specs.reduce((a, s) => a + seriesOutputTokens(s.length), 0));
  return prefixedRequest({ prefix: seriesPrefix(), suffix, maxTokens, ...SERIES_INFERENCE });
}
