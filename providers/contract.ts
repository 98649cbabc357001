// Provider contract: where generated text comes from (offline grammar, Amazon Bedrock, replay).

/** A provider entry under `providers:` in the pipeline file, normalized. */
export interface ProviderConfig {
  name: string;
  type: 'offline' | 'bedrock' | string;
  /** Everything else from the YAML entry (model, region, endpoint, limits, budget, prices…). */
  options: Record<string, unknown>;
}

export interface ChatMessage {
  role: 'user' | 'assistant';
  text: string;
}

export interface ChatRequest {
  system?: string;
  /**
   * The system text is a static prefix, the same in every request of a step (build it with
   * providers/llm/prefixed-request.ts): a provider that caches prompts may mark a cache point after it.
   */
  cacheableSystem?: boolean;
  messages: ChatMessage[];
  maxTokens?: number;
  temperature?: number;
}

export interface ChatUsage {
  /** Every input token of the request, cached or not (the breakdown follows). */
  inputTokens: number;
  outputTokens: number;
  /** Input tokens read from the prompt cache (billed at the cache-read price). */
  cacheReadInputTokens?: number;
  /** Input tokens written to the prompt cache (billed at the cache-write price). */
  cacheWriteInputTokens?: number;
}

export interface ChatResponse {
  text: string;
  stopReason: string;
  usage: ChatUsage;
  costUsd: number;
}

export interface ChatProvider {
  readonly config: ProviderConfig;
  /**
   * What identifies this provider's outputs in a fingerprint or a checkpoint key: type, model,
   * region — never credentials or endpoints that only change where the same model is reached.
   */
  identity(): Record<string, unknown>;
  /** One request; the provider owns rate limiting, retries and cost accounting. */
  converse(request: ChatRequest, signal?: AbortSignal): Promise<ChatResponse>;
  /** Totals so far (requests, tokens, usd, throttles, retries). */
  stats(): Record<string, number>;
  close?(): Promise<void> | void;
  /** Present when the provider runs in batch mode (`mode: batch`): missing items go to batch jobs first. */
  readonly batch?: import('./batch-contract.js').BatchInference;
}
