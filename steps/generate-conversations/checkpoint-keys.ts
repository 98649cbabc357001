// The checkpoint key of every item a generate/conversations step produces: for its run, dry-run estimates and `genesis clean`.
import { hashJson } from '../../util/hash.js';
import { providerIdentity } from '../../providers/identity.js';
import type { ProviderConfig } from '../../providers/contract.js';
import type { ConversationSpec } from '../../util/records.js';
import type { ConversationParams } from './params.js';
import { resolveIntents } from './params.js';
import { llmItemKey, offlineItemKey } from './keys.js';

/** Checkpoint family the step writes into (see index.ts). */
export const CONVERSATION_SCOPE = 'conversations';

/**
 * What LLM requests are made of beyond the items: few-shot material, and the step's intents and languages, which
 * decide the static prompt prefix (it is part of every request, so of every item key).
 */
export type Shots = {
  examples: Array<{ text: string; intent: string }> | undefined;
  fewShot: number;
  intents: readonly string[];
  languages: ReadonlyArray<'en' | 'es'>;
  /** The intent list is in the prefix: the provider's model can cache a prefix that long (see withIntentList). */
  intentList: boolean;
};

/**
 * What identifies one item for this provider: the one definition the step's run, the dry-run estimate and `genesis
 * clean` share, so they can never disagree. LLM keys need the few-shot pool: without `shots`, it is read from
 * `params.examples` (resolved against the working folder when the caller has no pipeline folder; an unreadable file
 * counts as the template's own examples).
 */
export async function conversationKeyOf(params: ConversationParams, seed: number, config: ProviderConfig, shots?: Shots): Promise<(spec: ConversationSpec) => unknown> {
  if (config.type === 'offline') {
    const { OFFLINE_CONVERSATION_VERSION } = await import('../../providers/offline/conversations/version.js');
    return (spec) => offlineItemKey(OFFLINE_CONVERSATION_VERSION, seed, spec);
  }
  const prompts = await import('../../providers/llm/conversation-prompt.js');
  const identity = providerIdentity(config);
  const pool = shots ?? (await llmShots(params, config));
  return (spec) => llmItemKey(identity, prompts.conversationItemPrompt(spec, pool), prompts.CONVERSATION_INFERENCE, spec);
}

/** Items 0..count-1 with their keys, exactly as the step's run computes them for this provider. */
export async function conversationItems(params: ConversationParams, seed: number, config: ProviderConfig, shots?: Shots): Promise<Array<{ spec: ConversationSpec; key: string }>> {
  const { planConversation } = await import('./plan.js');
  const keyOf = await conversationKeyOf(params, seed, config, shots);
  const out = new Array<{ spec: ConversationSpec; key: string }>(params.count);
  for (let i = 0; i < params.count; i++) {
    const spec = planConversation(params, seed, i);
    out[i] = { spec, key: hashJson(keyOf(spec)) };
  }
  return out;
}

/**
 * The few-shot pool and prompt scope as the step's run builds them. `examples` when the caller has loaded them
 * (the run: an unreadable file is its error); otherwise read here, an unreadable file counting as none.
 */
export async function llmShots(params: ConversationParams, config: ProviderConfig, examples?: Shots['examples']): Promise<Shots> {
  const { loadExamples } = await import('./examples.js');
  const pool = examples ?? (await loadExamples(params).catch(() => undefined));
  return { examples: pool, fewShot: params.few_shot, ...(await promptScope(params, config)) };
}

/**
 * The intents and languages (those with a positive weight) every request of the step shares, and whether the
 * intent list joins them: a property of the model (in the provider identity), never of `cache:`, which only
 * decides whether the cache point is sent.
 */
async function promptScope(params: ConversationParams, config: ProviderConfig): Promise<Pick<Shots, 'intents' | 'languages' | 'intentList'>> {
  const languages = (Object.entries(params.languages) as Array<['en' | 'es', number | undefined]>).filter(([, w]) => (w ?? 0) > 0).map(([l]) => l);
  const scope = { intents: resolveIntents(params), languages };
  const [{ withIntentList }, minTokens] = await Promise.all([import('../../providers/llm/conversation-prompt.js'), cacheMinimum(config)]);
  return { ...scope, intentList: withIntentList(scope, minTokens) };
}

/** The shortest prefix the provider's model caches; undefined when it can't cache. */
async function cacheMinimum(config: ProviderConfig): Promise<number | undefined> {
  if (config.type !== 'bedrock') return undefined;
  const { resolveBedrockOptions } = await import('../../providers/bedrock/options.js');
  try {
    return resolveBedrockOptions(config).cacheable?.minTokens;
  } catch {
    // An invalid provider entry is analysis's error to report; its items are never generated.
    return undefined;
  }
}
