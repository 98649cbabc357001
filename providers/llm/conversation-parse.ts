// Checks one conversation object returned by an LLM against the spec that asked for it.
import type { Conversation, ConversationSpec, Turn } from '../../util/records.js';

export type ParseResult = { ok: true; record: Conversation } | { ok: false; errors: string[] };

/**
 * The plan's dimensions (id, intent, language, sentiment, complexity) come from the spec, not the
 * model: a model that mislabels them must not skew the dataset's distributions, and a model that
 * renumbers ids must not lose the item (the runner has already paired answer and spec). The turns
 * are the model's and must be a real dialogue within the asked range.
 */
export function parseConversationItem(obj: unknown, spec: ConversationSpec): ParseResult {
  if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) return { ok: false, errors: ['item is not an object'] };
  const o = obj as Record<string, unknown>;
  const errors: string[] = [];
  const turns: Turn[] = [];
  if (!Array.isArray(o.turns)) errors.push('turns is not an array');
  else {
    o.turns.forEach((t, i) => {
      const tt = t as Record<string, unknown> | null;
      const speaker = tt?.speaker;
      const text = typeof tt?.text === 'string' ? tt.text.trim() : '';
      if (speaker !== 'customer' && speaker !== 'agent') errors.push(`turns[${i}].speaker must be customer or agent`);
      else if (text === '') errors.push(`turns[${i}].text is empty`);
      else turns.push({ speaker, text });
    });
    if (turns[0] && turns[0].speaker !== 'customer') errors.push('the customer must speak first');
    if (turns.some((t, i) => i > 0 && t.speaker === turns[i - 1]?.speaker)) errors.push('speakers must alternate');
    if (turns.length < spec.turns.min || turns.length > spec.turns.max) {
      errors.push(`${turns.length} turns, asked for ${spec.turns.min}–${spec.turns.max}`);
    }
  }
  if (errors.length) return { ok: false, errors };
  const str = (k: string, dflt: string) => (typeof o[k] === 'string' && (o[k] as string).trim() ? (o[k] as string).trim() : dflt);
  return {
    ok: true,
    record: {
      conversation_id: spec.conversation_id,
      intent: spec.intent,
      category: spec.category,
      sentiment: spec.sentiment,
      complexity: spec.complexity,
      emotion_arc: str('emotion_arc', 'steady'),
      language: spec.language,
      turn_count: turns.length,
      resolution_status: str('resolution_status', 'resolved'),
      turns,
    },
  };
}
