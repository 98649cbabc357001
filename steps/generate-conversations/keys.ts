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

/**
 * LLM items: exactly the request that produced them, and nothing of genesis's code, so a refactor never re-buys a
 * dataset: who answers (provider identity: type, model, and any non-AWS endpoint), the item's rendered prompt
 * including its few-shot examples, and the inference parameters. The LLM judge of filter/conversations keys its
 * scores the same way (its spec: the record's id).
 */
export function llmItemKey(identity: Record<string, unknown>, prompt: string, inference: Record<string, unknown>, spec: unknown): unknown {
  return { provider: identity, prompt, inference, spec };
}
