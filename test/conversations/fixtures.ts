// Shared parameters and helpers for the conversation generator tests.
import type { ConversationParams } from '../../steps/generate-conversations/params.js';
import { planConversation } from '../../steps/generate-conversations/plan.js';
import { generateConversation } from '../../providers/offline/conversations/index.js';
import { createRng } from '../../util/rng.js';
import type { Conversation, ConversationSpec } from '../../util/records.js';

export const baseParams: ConversationParams = {
  count: 100,
  intents: 'all',
  languages: { en: 0.5, es: 0.5 },
  sentiment: { positive: 0.3, neutral: 0.5, negative: 0.2 },
  complexity: { simple: 0.3, medium: 0.5, complex: 0.2 },
  turns: { min: 2, max: 8 },
  noise: 0.1,
  provider: 'default',
  batch_size: 5,
  few_shot: 2,
};

export function render(spec: ConversationSpec, seed = 7): Conversation {
  return generateConversation(spec, createRng(seed, 'offline-conversation', spec.index));
}

export function generateMany(n: number, seed = 7, params: ConversationParams = baseParams): Conversation[] {
  return Array.from({ length: n }, (_, i) => render(planConversation(params, seed, i), seed));
}

/**
 * The quick start's generate step without noise (typos would hide the words the grammar-round tests look for),
 * rendered the way the generate step does (one rng per item).
 */
export function generateClean(n: number, seed: number, over: Partial<ConversationParams> = {}): Conversation[] {
  const p = { ...baseParams, noise: 0, count: n, ...over } as ConversationParams;
  return Array.from({ length: n }, (_, i) => {
    const spec = planConversation(p, seed, i);
    return generateConversation(spec, createRng(seed, 'conversation/offline', spec.index, 0));
  });
}
