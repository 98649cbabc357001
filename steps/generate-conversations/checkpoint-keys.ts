// The checkpoint key of every item a generate/conversations step would produce: for dry-run estimates and `genesis clean`.
import { hashJson } from '../../util/hash.js';
import { providerIdentity } from '../../providers/identity.js';
import type { ProviderConfig } from '../../providers/contract.js';
import type { ConversationSpec } from '../../util/records.js';
import type { ConversationParams } from './params.js';
import { llmItemKey, offlineItemKey } from './keys.js';

/** Checkpoint family the step writes into (see index.ts). */
export const CONVERSATION_SCOPE = 'conversations';

/** Items 0..count-1 with their keys, exactly as the step's run computes them for this provider. */
export async function conversationItems(params: ConversationParams, seed: number, config: ProviderConfig): Promise<Array<{ spec: ConversationSpec; key: string }>> {
  const { planConversation } = await import('./plan.js');
  let keyOf: (spec: ConversationSpec) => unknown;
  if (config.type === 'offline') {
    const { OFFLINE_CONVERSATION_VERSION } = await import('../../providers/offline/conversations/version.js');
    keyOf = (spec) => offlineItemKey(OFFLINE_CONVERSATION_VERSION, seed, spec);
  } else {
    const prompts = await import('../../providers/llm/conversation-prompt.js');
    const identity = providerIdentity(config);
    keyOf = (spec) => llmItemKey(identity, prompts.conversationItemPrompt(spec), spec);
  }
  const out = new Array<{ spec: ConversationSpec; key: string }>(params.count);
  for (let i = 0; i < params.count; i++) {
    const spec = planConversation(params, seed, i);
    out[i] = { spec, key: hashJson(keyOf(spec)) };
  }
  return out;
}
