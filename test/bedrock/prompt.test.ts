// The conversation batch prompt: specs embedded for the model (and the fake), per-item keys that track edits.
import { describe, expect, it } from 'vitest';
import { conversationItemPrompt, renderConversationBatch, withIntentList } from '../../providers/llm/conversation-prompt.js';
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

  it('writes Spanish guidance only when the step generates Spanish, whatever the batch holds', () => {
    const en = renderConversationBatch([spec(1, { language: 'en' })], { fewShot: 0, languages: ['en'] });
    const both = renderConversationBatch([spec(1, { language: 'en' })], { fewShot: 0, languages: ['en', 'es'] });
    expect(en.system).not.toMatch(/español/);
    expect(both.system).toMatch(/español/);
  });

  it('puts everything the step shares in a static prefix, the same for every batch, and the items after it', () => {
    const scope = { fewShot: 2, intents: ['card_arrival', 'exchange_rate', 'top_up_failed'], languages: ['en', 'es'] as const };
    const a = renderConversationBatch(specs(5), { ...scope, languages: [...scope.languages] });
    const b = renderConversationBatch([spec(7, { intent: 'top_up_failed' })], { ...scope, languages: [...scope.languages] });
    expect(a.cacheableSystem).toBe(true);
    expect(a.system).toBe(b.system);
    // The intent list of the step (with descriptions) is in the prefix; items, counts and examples are not.
    expect(a.system).toMatch(/- top_up_failed \(top_ups\): /);
    expect(a.system).not.toMatch(/<item>|activate_my_card/);
    expect(a.messages[0]!.text).toMatch(/Write 5 conversations/);
    expect(specsInPrompt(a.system!)).toEqual([]);
  });

  it('keys an item by the prefix it was asked with: a change to the step\'s intents or languages re-keys it', () => {
    const base = { fewShot: 0, intents: ['card_arrival', 'exchange_rate'], languages: ['en' as const] };
    const a = conversationItemPrompt(spec(1), base);
    expect(conversationItemPrompt(spec(1), { ...base })).toBe(a);
    expect(conversationItemPrompt(spec(1), { ...base, intents: ['card_arrival'] })).not.toBe(a);
    expect(conversationItemPrompt(spec(1), { ...base, languages: ['en', 'es'] })).not.toBe(a);
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
    // The shared prefix enters the key by hash, not as text repeated in every key.
    expect(conversationItemPrompt(spec(1, { language: 'en' }))).toMatch(/^v\d+\nprefix [0-9a-f]{64}\n<item>/);
  });
});

describe('prompt shape per model', () => {
  it('leaves the intent list out for a model that cannot cache it, and each item carries its description instead', () => {
    const scope = { fewShot: 0, languages: ['en' as const] };
    const full = renderConversationBatch([spec(1, { language: 'en' })], scope);
    const compact = renderConversationBatch([spec(1, { language: 'en' })], { ...scope, intentList: false });
    expect(compact.system!.length).toBeLessThan(full.system!.length / 2);
    expect(compact.system).not.toMatch(/- card_arrival \(cards\)/);
    expect(compact.messages[0]!.text).toMatch(/<item>\{[^\n]*\}<\/item> \S/);
    expect(full.messages[0]!.text).toMatch(/<item>\{[^\n]*\}<\/item>$/m);
    expect(conversationItemPrompt(spec(1), { ...scope, intentList: false })).not.toBe(conversationItemPrompt(spec(1), scope));
  });

  it.each([
    [undefined, false],
    [1024, true],
    [4096, false],
  ])('with a cache minimum of %s tokens, the intent list is in the prefix: %s', (min, expected) => {
    expect(withIntentList({ languages: ['en', 'es'] }, min)).toBe(expected);
  });
});
