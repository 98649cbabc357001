// The fake's prompt cache: Converse cachePoint blocks honoured the way Bedrock bills them (reads, writes, TTL, minimum).

/** Bedrock's answer to a cachePoint on a model without prompt caching. */
export const UNSUPPORTED_CACHE_MESSAGE = 'You invoked an unsupported model or your request did not allow prompt caching. See the documentation for more information.';

export interface FakeCacheOptions {
  /** How long a prefix stays cached after its last use (Bedrock: 5 minutes). */
  ttlMs?: number;
  /** Minimum tokens per checkpoint for every model, overriding the per-model table. */
  minTokens?: number;
}

interface Block {
  text?: string;
  cachePoint?: { type?: string };
}

export interface CacheSplit {
  /** Input tokens billed normally (Bedrock's `inputTokens`). */
  inputTokens: number;
  cacheReadInputTokens: number;
  cacheWriteInputTokens: number;
}

/**
 * Which models cache and their minimum per checkpoint, as the Bedrock prompt-caching guide lists them: an
 * independent table, so a wrong entry in data/models.json shows up as a refused request instead of agreeing with it.
 */
function modelMinimum(modelId: string): number | undefined {
  const id = modelId.replace(/^[a-z-]+\.(?=(anthropic|amazon)\.)/, '');
  if (/^anthropic\.claude-(3-haiku|3-sonnet|3-opus|3-5-sonnet|instant|v2)/.test(id)) return undefined;
  if (/^anthropic\.claude-(haiku-4-5|opus-4-5|opus-4-6|opus-4-7)/.test(id)) return 4096;
  if (/^anthropic\.claude-(sonnet-4-6|3-5-haiku)/.test(id)) return 2048;
  if (/^anthropic\.claude-/.test(id)) return 1024;
  if (/^amazon\.nova-/.test(id)) return 1000;
  return undefined;
}

export function createFakePromptCache(opts: FakeCacheOptions = {}) {
  const ttlMs = opts.ttlMs ?? 5 * 60_000;
  const cached = new Map<string, { readyAt: number; lastUsed: number }>();
  return {
    /**
     * Splits a request's input tokens into normal, cache-read and cache-written ones, or says why Bedrock refuses it.
     * The prefix is everything before the last cachePoint (system blocks, then message blocks), in tokens of ~4 chars.
     */
    /** Bedrock validates a cachePoint before anything else: on a model without caching the request is refused. */
    refusal(modelId: string, system: Block[], messages: Array<{ content?: Block[] }>): string | undefined {
      const any = [...system, ...messages.flatMap((m) => m.content ?? [])].some((b) => b.cachePoint !== undefined);
      return any && modelMinimum(modelId) === undefined ? UNSUPPORTED_CACHE_MESSAGE : undefined;
    },

    /** Called for answered requests only: a refused or throttled one wrote nothing to the cache. */
    split(modelId: string, system: Block[], messages: Array<{ content?: Block[] }>, totalTokens: number, arrival: number): CacheSplit | undefined {
      const blocks = [...system, ...messages.flatMap((m) => m.content ?? [])];
      const last = blocks.map((b) => b.cachePoint !== undefined).lastIndexOf(true);
      const min = modelMinimum(modelId);
      if (last < 0 || min === undefined) return undefined;
      const prefix = blocks.slice(0, last).map((b) => b.text ?? '').join('\n');
      const prefixTokens = Math.min(totalTokens, Math.ceil(prefix.length / 4));
      // Below the minimum the request succeeds and nothing is cached, as on Bedrock.
      if (prefixTokens < (opts.minTokens ?? min)) return { inputTokens: totalTokens, cacheReadInputTokens: 0, cacheWriteInputTokens: 0 };
      const key = `${modelId}\u0000${prefix}`;
      const entry = cached.get(key);
      // A prefix is readable once the request that wrote it has been answered: requests that arrived while it was
      // still being processed write it too, as on Bedrock (which is why genesis sends the first one alone).
      const hit = entry !== undefined && entry.readyAt <= arrival && arrival - entry.lastUsed < ttlMs;
      const done = Date.now();
      const live = entry !== undefined && arrival - entry.lastUsed < ttlMs;
      cached.set(key, { readyAt: live ? Math.min(entry.readyAt, done) : done, lastUsed: done });
      return { inputTokens: totalTokens - prefixTokens, cacheReadInputTokens: hit ? prefixTokens : 0, cacheWriteInputTokens: hit ? 0 : prefixTokens };
    },
  };
}
