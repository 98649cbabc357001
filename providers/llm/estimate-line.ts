// The dry-run line for LLM work: requests, tokens, cost and time at the provider's quota, and the budget it would hit.
import type { ProviderConfig } from '../contract.js';
import type { ChatRequest } from '../contract.js';

/** Rough prompt size of a request in tokens (4 characters a token, as the fake and most tokenizers average). */
export function requestTokens(req: ChatRequest): number {
  return Math.ceil(((req.system ?? '').length + req.messages.reduce((a, m) => a + m.text.length, 0)) / 4);
}

/** "~10 requests, ~12,345 tokens, ~$0.12, ≥ 6 s at 100 RPM" plus a budget warning; prices and limits from the provider entry. */
export async function describeLlmWork(config: ProviderConfig, work: { requests: number; inputTokens: number; outputTokens: number }): Promise<string> {
  const { resolveBedrockOptions } = await import('../bedrock/options.js');
  const options = resolveBedrockOptions(config);
  const { requests, inputTokens, outputTokens } = work;
  const usd = (inputTokens / 1000) * options.prices.input_per_1k + (outputTokens / 1000) * options.prices.output_per_1k;
  const minutes = Math.max(requests / options.limits.rpm, (inputTokens + outputTokens) / options.limits.tpm);
  const budget = Number.isFinite(options.budgetUsd) && usd > options.budgetUsd ? ` — over the $${options.budgetUsd} budget: the run will stop resumably` : '';
  const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
  return `~${fmt(requests)} requests, ~${fmt(inputTokens + outputTokens)} tokens, ~$${usd.toFixed(2)}, ≥ ${minutes < 1 ? `${Math.ceil(minutes * 60)} s` : `${minutes.toFixed(1)} min`} at ${options.limits.rpm} RPM${budget}`;
}
