// checkConversation: schema + semantic checks and the safe auto-corrections.
import { describe, expect, it } from 'vitest';
import { checkConversation } from '../../steps/generate-conversations/check.js';
import type { Conversation } from '../../util/records.js';

const good: Conversation = {
  conversation_id: 'conv-1-000000',
  intent: 'card_arrival',
  category: 'cards',
  sentiment: 'neutral',
  complexity: 'simple',
  emotion_arc: 'neutral->satisfied',
  language: 'en',
  turn_count: 2,
  resolution_status: 'resolved',
  turns: [
    { speaker: 'customer', text: 'Where is my card?' },
    { speaker: 'agent', text: 'It was posted yesterday.' },
  ],
};
const edit = (f: (c: Conversation) => void): Conversation => {
  const c = structuredClone(good);
  f(c);
  return c;
};

describe('checkConversation', () => {
  it('accepts a valid record unchanged', () => {
    expect(checkConversation(good)).toEqual({ ok: true, record: good });
  });

  it.each([
    ['wrong turn_count', (c: Conversation) => (c.turn_count = 5), /turn_count 5 → 2/, (c: Conversation) => c.turn_count === 2],
    ['category not matching the intent', (c: Conversation) => (c.category = 'fees'), /category "fees" → 'cards'/, (c: Conversation) => c.category === 'cards'],
    [
      'a duplicated consecutive turn',
      (c: Conversation) => c.turns.splice(1, 0, { speaker: 'customer', text: 'Where is my card?' }),
      /dropped duplicated customer turn 2/,
      (c: Conversation) => c.turns.length === 2,
    ],
  ])('corrects %s', (_name, mutate, message, holds) => {
    const r = checkConversation(edit(mutate));
    expect(r.ok).toBe(true);
    if (!r.ok || !('corrected' in r)) throw new Error('expected a corrected record');
    expect(r.corrected.join('\n')).toMatch(message);
    expect(holds(r.record)).toBe(true);
  });

  it.each([
    ['agent speaks first', (c: Conversation) => c.turns.reverse(), /first turn must be the customer/],
    ['speakers do not alternate', (c: Conversation) => c.turns.push({ speaker: 'agent', text: 'Anything else?' }), /both agent/],
    ['unknown intent', (c: Conversation) => (c.intent = 'card_arival'), /not in the catalogue/],
    ['bad sentiment', (c: Conversation) => ((c as unknown as Record<string, unknown>).sentiment = 'angry'), /\/sentiment/],
    ['extra field', (c: Conversation) => ((c as unknown as Record<string, unknown>).extra = 1), /additional properties/],
    ['empty text', (c: Conversation) => ((c.turns[0] as { text: string }).text = ' '), /\/turns\/0\/text/],
  ])('rejects a record where %s', (_name, mutate, message) => {
    const r = checkConversation(edit(mutate));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.join('\n')).toMatch(message);
  });

  it('rejects non-objects', () => {
    expect(checkConversation(null)).toEqual({ ok: false, errors: ['record is not an object'] });
  });
});
