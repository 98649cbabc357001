// Dry-run estimate for generate/timeseries: series still missing, and for an LLM the requests, tokens, cost and time.
import type { EstimateInput } from '../contract.js';
import { normalizeTimeseriesParams, type TimeseriesParams } from './params.js';
import { SERIES_SCOPE, seriesItems } from './checkpoint-keys.js';

export async function estimateTimeseries(input: EstimateInput): Promise<string | undefined> {
  const params = normalizeTimeseriesParams(input.params as unknown as TimeseriesParams);
  const config = input.providers.get(params.provider);
  if (!config) return undefined;
  const has = input.db?.prepare(`SELECT 1 FROM items WHERE scope = '${SERIES_SCOPE}' AND key = ? AND status = 'done'`);
  const missing = (await seriesItems(params, input.seed, config)).filter((it) => !has?.get(it.key)).map((it) => it.spec);
  if (config.type === 'offline') return `${missing.length} of ${params.count} series to generate offline (${params.count - missing.length} checkpointed; no cost)`;
  if (!missing.length) return `all ${params.count} series already checkpointed: no requests`;
  const [prompts, bedrock] = await Promise.all([import('../../providers/llm/series-prompt.js'), import('../../providers/bedrock/options.js')]);
  const options = bedrock.resolveBedrockOptions(config);
  let requests = 0;
  let inputTokens = 0;
  let outputTokens = 0;
  for (let i = 0; i < missing.length; i += params.batch_size) {
    const batch = missing.slice(i, i + params.batch_size);
    const req = prompts.renderSeriesBatch(batch);
    requests++;
    inputTokens += Math.ceil(((req.system ?? '').length + req.messages.reduce((a, m) => a + m.text.length, 0)) / 4);
    outputTokens += batch.reduce((a, s) => a + prompts.seriesOutputTokens(s.length), 0);
  }
  const usd = (inputTokens / 1000) * options.prices.input_per_1k + (outputTokens / 1000) * options.prices.output_per_1k;
  const minutes = Math.max(requests / options.limits.rpm, (inputTokens + outputTokens) / options.limits.tpm);
  const budget = Number.isFinite(options.budgetUsd) && usd > options.budgetUsd ? ` — over the $${options.budgetUsd} budget: the run will stop resumably` : '';
  const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
  const time = minutes < 1 ? `${Math.ceil(minutes * 60)} s` : `${minutes.toFixed(1)} min`;
  return `${missing.length} series to generate: ~${fmt(requests)} requests, ~${fmt(inputTokens + outputTokens)} tokens, ~$${usd.toFixed(2)}, ≥ ${time} at ${options.limits.rpm} RPM${budget}`;
}
