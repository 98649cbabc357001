// Dry-run estimate for LLM generation: items still missing, requests, tokens, cost and time at the configured quota.
import type { EstimateInput } from '../contract.js';
import type { ConversationParams } from './params.js';
import { CONVERSATION_SCOPE, conversationItems, llmShots } from './checkpoint-keys.js';

/** Rough output size of one generated conversation, in tokens (a turn is ~40 tokens, plus JSON fields). */
const OUTPUT_TOKENS_PER_TURN = 40;
const OUTPUT_TOKENS_PER_ITEM = 60;

export async function estimateConversations(input: EstimateInput): Promise<string | undefined> {
  const params = input.params as unknown as ConversationParams;
  const config = input.providers.get(params.provider);
  if (!config) return undefined;
  const has = input.db?.prepare(`SELECT 1 FROM items WHERE scope = '${CONVERSATION_SCOPE}' AND key = ? AND status = 'done'`);
  const shots = config.type === 'offline' ? undefined : await llmShots(params, config);
  const items = await conversationItems(params, input.seed, config, shots);
  const missing = items.filter((it) => !has?.get(it.key)).map((it) => it.spec);
  if (config.type === 'offline') {
    const done = params.count - missing.length;
    // Offline items cost nothing but time: say how many are already checkpointed.
    return `${missing.length} of ${params.count} conversations to generate offline (${done} checkpointed; no cost)`;
  }
  const [prompts, bedrock, { batchEstimate }, { requestTokens }] = await Promise.all([
    import('../../providers/llm/conversation-prompt.js'),
    import('../../providers/bedrock/options.js'),
    import('../../providers/bedrock/batch-estimate.js'),
    import('../../providers/llm/estimate-line.js'),
  ]);
  const options = bedrock.resolveBedrockOptions(config);
  if (!missing.length) return `all ${params.count} items already checkpointed: no requests`;
  let requests = 0;
  let inputTokens = 0;
  let outputTokens = 0;
  let prefixTokens = 0;
  for (let i = 0; i < missing.length; i += params.batch_size) {
    const batch = missing.slice(i, i + params.batch_size);
    requests++;
    const req = prompts.renderConversationBatch(batch, shots!);
    prefixTokens = Math.ceil((req.system ?? '').length / 4);
    inputTokens += prefixTokens + Math.ceil(req.messages.reduce((a, m) => a + m.text.length, 0) / 4);
    outputTokens += batch.reduce((a, s) => a + outputTokensOf(s), 0);
  }
  const plainUsd = (inputTokens / 1000) * options.prices.input_per_1k + (outputTokens / 1000) * options.prices.output_per_1k;
  // With caching the shared prefix is written once and read by every later request (a run keeps it within the TTL).
  const cache = options.cache && prefixTokens >= options.cache.minTokens ? options.cache : undefined;
  const savedUsd = cache ? ((requests * prefixTokens) * options.prices.input_per_1k - prefixTokens * cache.writePer1k - (requests - 1) * prefixTokens * cache.readPer1k) / 1000 : 0;
  const usd = plainUsd - savedUsd;
  const cacheText = cache
    ? ` (prompt cache: the ${fmtInt(prefixTokens)}-token prefix is read from cache by ${fmtInt(requests - 1)} requests, ~$${savedUsd.toFixed(2)} saved, ~$${plainUsd.toFixed(2)} without)`
    : options.cache && requests > 1
      ? ` (prompt cache off: the ${fmtInt(prefixTokens)}-token prefix is below the model's ${fmtInt(options.cache.minTokens)}-token minimum)`
      : '';
  const minutes = Math.max(requests / options.limits.rpm, (inputTokens + outputTokens) / options.limits.tpm);
  const budget = Number.isFinite(options.budgetUsd) && usd > options.budgetUsd ? ` — over the $${options.budgetUsd} budget: the run will stop resumably` : '';
  const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
  // Batch records carry up to batch_size items each, without a cache point: each pays the shared prefix once.
  const recordTokens = (specs: typeof missing) => ({ inputTokens: requestTokens(prompts.renderConversationBatch(specs, shots!)), outputTokens: specs.reduce((a, s) => a + outputTokensOf(s), 0) });
  const onDemand = `${missing.length} items to generate: ~${fmt(requests)} requests, ~${fmt(inputTokens + outputTokens)} tokens, ~$${usd.toFixed(2)}${cacheText}, ≥ ${minutes < 1 ? `${Math.ceil(minutes * 60)} s` : `${minutes.toFixed(1)} min`} at ${options.limits.rpm} RPM${budget}`;
  return `${onDemand}${options.mode === 'on_demand' ? ' (on-demand, this run)' : ' (on-demand)'}; ${batchEstimate(options, missing, params.batch_size, recordTokens)}`;
}


function outputTokensOf(s: { turns: { min: number; max: number } }): number {
  return OUTPUT_TOKENS_PER_ITEM + (OUTPUT_TOKENS_PER_TURN * (s.turns.min + s.turns.max)) / 2;
}

const fmtInt = (n: number) => Math.round(n).toLocaleString('en-US');
