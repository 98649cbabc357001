// What identifies one generated conversation in the checkpoint store: shared by the step and the dry-run estimate.
import type { ConversationSpec } from '../../util/records.js';
import { codeVersion } from '../../util/code-versions.js';

/**
 * Offline items: the generator version, the seed and the item's plan, and the step's own version: its code checks
 * and corrects each item before it is checkpointed, so a change there must make the items again (they are cheap).
 */
export function offlineItemKey(version: string, seed: number, spec: ConversationSpec): unknown {
  return { generator: `offline/${version}`, step: codeVersion('step:generate/conversations'), seed, spec };
}

/** LLM items: the provider identity (type, model) and the item's rendered prompt, so a prompt edit regenerates exactly what it touches. */
export function llmItemKey(identity: Record<string, unknown>, prompt: string, spec: ConversationSpec): unknown {
  return { provider: identity, prompt, spec };
}
