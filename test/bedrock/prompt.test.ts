// The conversation batch prompt: specs embedded for the model (and the fake), per-item keys that track edits.
import { describe, expect, it } from 'vitest';
import { conversationItemPrompt, renderConversationBatch } from '../../providers/llm/conversation-prompt.js';
import { specsInPrompt } from '../fakes/fake-bedrock-content.js';
import { spec, specs } from './helpers.js';

describe('conversation prompt', () => {
  it('embeds every spec so it can be read back exactly', () => {
    const list = specs(5);
    const req = renderConversationBatch(list, { fewShot: 2 });
    const text = req.messages.map((m) => m.text).join('\n');
    const { index: _i, ...first } = list[0]!;
    expect(specsInPrompt(text).map(({ index: _x, ...s }) => s)).toEqual(list.map(({ index: _x, ...s }) => s));
    expect(text).toContain(JSON.stringify(first.conversation_id));
    expect(text).toMatch(/JSON array of 5 objects/);
    expect(req.maxTokens).toBeGreaterThan(0);
  });

  it('writes Spanish guidance only when the batch has Spanish items', () => {
    const en = renderConversationBatch([spec(1, { language: 'en' })], { fewShot: 0 });
    const es = renderConversationBatch([spec(1, { language: 'es' })], { fewShot: 0 });
    expect(en.system).not.toMatch(/español/);
    expect(es.system).toMatch(/español/);
  });

  it.each([
    [0, 0],
    [1, 3],
    [2, 4],
    [50, 18],
  ])('includes %i few-shot examples per item, each once (max the pool)', (fewShot, expected) => {
    // specs(3): items 0 and 2 share an intent (in different languages), so with 2 each they overlap.
    const req = renderConversationBatch(specs(3), { fewShot });
    expect(req.messages[0]!.text.split('\n').filter((l) => l.startsWith('- [')).length).toBe(expected);
  });

  it('puts each item\'s own few-shot examples in its key fragment', () => {
    const pool = [
      { intent: 'card_arrival', text: 'where is my card' },
      { intent: 'exchange_rate', text: 'what rate do you use' },
    ];
    const a = conversationItemPrompt(spec(1), { examples: pool, fewShot: 1 });
    expect(a).toContain('"where is my card"');
    expect(a).not.toContain('what rate');
    expect(conversationItemPrompt(spec(1), { examples: [{ intent: 'card_arrival', text: 'card still missing' }], fewShot: 1 })).not.toBe(a);
    expect(conversationItemPrompt(spec(1), { examples: pool, fewShot: 0 })).not.toBe(a);
  });

  it('prefers examples of the batch intents and takes user examples when given', () => {
    const req = renderConversationBatch([spec(1, { intent: 'top_up_failed', language: 'en' })], {
      fewShot: 1,
      examples: [
        { intent: 'card_arrival', text: 'where is my card' },
        { intent: 'top_up_failed', text: 'my top up bounced' },
      ],
    });
    expect(req.messages[0]!.text).toContain('- [top_up_failed] "my top up bounced"');
  });

  it('gives each item a stable fragment that changes with its spec', () => {
    const a = conversationItemPrompt(spec(1));
    expect(conversationItemPrompt(spec(1))).toBe(a);
    expect(conversationItemPrompt(spec(1, { sentiment: 'negative' }))).not.toBe(a);
    expect(conversationItemPrompt(spec(2))).not.toBe(a);
    // Only the item's own language section is part of its key.
    expect(conversationItemPrompt(spec(1, { language: 'en' }))).not.toMatch(/español/);
  });
});
