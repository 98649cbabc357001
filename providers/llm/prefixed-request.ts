// Builds an LLM request as a static prefix (shared verbatim by every request of a step) and a variable suffix.
import type { ChatRequest } from '../contract.js';

export interface PrefixedPrompt {
  /** Identical for every request of the step: instructions, catalogue, output format. Cacheable. */
  prefix: string;
  /** What changes per request: the items asked for, their own examples. */
  suffix: string;
  maxTokens?: number;
  temperature?: number;
}

/**
 * The prefix goes first, as the system text, so it really is a shared prefix of every request: providers with
 * prompt caching (Bedrock's cachePoint) bill it at the cache-read price after the first request.
 */
export function prefixedRequest(p: PrefixedPrompt): ChatRequest {
  return {
    system: p.prefix,
    cacheableSystem: true,
    messages: [{ role: 'user', text: p.suffix }],
    ...(p.maxTokens !== undefined ? { maxTokens: p.maxTokens } : {}),
    ...(p.temperature !== undefined ? { temperature: p.temperature } : {}),
  };
}
