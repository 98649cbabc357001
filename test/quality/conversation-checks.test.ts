// The per-conversation schema check agrees with the record schema's enums and types.
import { describe, expect, it } from 'vitest';
import { checkConversation } from '../../metrics/conversation-checks.js';

const good = {
  conversation_id: 'c1', intent: 'card_arrival', category: 'cards', sentiment: 'neutral', complexity: 'simple',
  emotion_arc: 'neutral->satisfied', language: 'en', turn_count: 2, resolution_status: 'resolved',
  turns: [{ speaker: 'customer', text: 'Where is my new card?' }, { speaker: 'agent', text: 'It ships in 3 working days.' }],
};

describe('conversation schema check', () => {
  it('passes a well-formed record, extra fields included', () => {
    expect(checkConversation({ ...good, source: 'elsewhere' }).failed).toEqual([]);
  });

  it.each([
    ['an unknown resolution_status', { resolution_status: 'maybe' }],
    ['a numeric emotion_arc', { emotion_arc: 3 }],
    ['an unknown sentiment', { sentiment: 'angry' }],
    ['a non-integer turn_count', { turn_count: '2' }],
  ])('fails %s', (_n, change) => {
    expect(checkConversation({ ...good, ...change }).failed).toContain('schema');
  });
});
