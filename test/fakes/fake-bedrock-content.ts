// What the fake Bedrock "model" answers: conversations for the item specs embedded in the prompt.
import type { ConversationSpec, Conversation } from '../../util/records.js';
import type { Rng } from '../../util/rng.js';
import { generateConversation } from '../../providers/offline/conversations/index.js';

/** Item specs are embedded in the prompt as `<item>{json}</item>` (see providers/llm/conversation-prompt.ts). */
export function specsInPrompt(text: string): ConversationSpec[] {
  const out: ConversationSpec[] = [];
  for (const m of text.matchAll(/<item>(\{.*?\})<\/item>/g)) {
    try {
      const s = JSON.parse(m[1] as string) as Partial<ConversationSpec>;
      if (typeof s.conversation_id === 'string') out.push(normalizeSpec(s));
    } catch {
      // A spec the fake cannot read is simply not answered, like a model skipping an item.
    }
  }
  return out;
}

function normalizeSpec(s: Partial<ConversationSpec>): ConversationSpec {
  return {
    index: s.index ?? 0,
    conversation_id: s.conversation_id as string,
    intent: s.intent ?? 'card_arrival',
    category: s.category ?? 'cards',
    language: s.language === 'es' ? 'es' : 'en',
    sentiment: s.sentiment ?? 'neutral',
    complexity: s.complexity ?? 'simple',
    turns: s.turns ?? { min: 2, max: 4 },
    noise: s.noise ?? 0,
  };
}

/** Answers with the offline grammar generator, which already passes the record schema. */
export async function answerConversations(specs: ConversationSpec[], rng: Rng): Promise<Conversation[]> {
  return specs.map((spec) => {
    // A real model does not echo generator metadata.
    const { meta: _meta, ...rest } = generateConversation(spec, rng.fork(spec.conversation_id));
    return rest;
  });
}
