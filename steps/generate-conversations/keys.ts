// What identifies one generated conversation in the checkpoint store: shared by the step and the dry-run estimate.
import type { ConversationSpec } from '../../util/records.js';

/** Offline items: the generator version, the seed and the item's plan. */
export function offlineItemKey(version: string, seed: number, spec: ConversationSpec): unknown {
  return { generator: `offline/${version}`, seed, spec };
}

/** LLM items: the provider identity (type, model) and the item's rendered prompt, so a prompt edit regenerates exactly what it touches. */
export function llmItemKey(identity: Record<string, unknown>, prompt: string, spec: ConversationSpec): unknown {
  return { provider: identity, prompt, spec };
}
