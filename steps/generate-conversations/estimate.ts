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
  const shots = config.type === 'offline' ? undefined : await llmShots(params);
  const items = await conversationItems(params, input.seed, config, shots);
  const missing = items.filter((it) => !has?.get(it.key)).map((it) => it.spec);
  if (config.type === 'offline') {
    const done = params.count - missing.length;
    // Offline items cost nothing but time: say how many are already checkpointed.
    return `${missing.length} of ${params.count} conversations to generate offline (${done} checkpointed; no cost)`;
  }
  const [prompts, { describeLlmWork, requestTokens }] = await Promise.all([import('../../providers/llm/conversation-prompt.js'), import('../../providers/llm/estimate-line.js')]);
  if (!missing.length) return `all ${params.count} items already checkpointed: no requests`;
  let requests = 0;
  let inputTokens = 0;
  let outputTokens = 0;
  for (let i = 0; i < missing.length; i += params.batch_size) {
    const batch = missing.slice(i, i + params.batch_size);
    requests++;
    inputTokens += requestTokens(prompts.renderConversationBatch(batch, shots!));
    outputTokens += batch.reduce((a, s) => a + OUTPUT_TOKENS_PER_ITEM + OUTPUT_TOKENS_PER_TURN * (s.turns.min + s.turns.max) / 2, 0);
  }
  return `${missing.length} items to generate: ${await describeLlmWork(config, { requests, inputTokens, outputTokens })}`;
}
