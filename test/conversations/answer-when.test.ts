// `answer_when` (issue 15, review 2026-12-07 #27): a first message the intent's general answers would miss gets an
// answer written for it. "Can other people top up the account with their card?" was answered "Sure thing. … The card
// must be in your name": a yes, then a no, and no answer to what was asked.
import { describe, expect, it } from 'vitest';
import { generateClean } from './fixtures.js';
import { answersFor, grammar } from '../../providers/offline/conversations/grammar.js';

const OTHERS = { en: /someone else|other people|partner's|their card|somebody else/iu, es: /otra persona|otras personas|de alguien m[aá]s|de mi pareja/iu };
const ANSWERS_IT = { en: /someone else|their card|another person|other people/iu, es: /otra persona|alguien más/iu };

describe('offline conversations: answers written for the question asked', () => {
  for (const lang of ['en', 'es'] as const) {
    const convs = generateClean(600, 31, { intents: ['topping_up_by_card'], languages: { [lang]: 1 } });
    const asked = convs.filter((c) => OTHERS[lang].test(c.turns[0]?.text ?? ''));

    it(`${lang}: a customer asking about someone else's card is told about someone else's card`, () => {
      expect(asked.length).toBeGreaterThan(20);
      const missed = asked.filter((c) => !ANSWERS_IT[lang].test(c.turns[1]?.text ?? '')).map((c) => `${c.turns[0]?.text} → ${c.turns[1]?.text}`);
      expect(missed).toEqual([]);
    });

    it(`${lang}: is never told "sure" and then that the card must be theirs`, () => {
      const yesThenNo = asked.filter((c) => /^(?:[^.!?]*[.!?]\s+)?(sure thing|of course|yes|claro|sí|por supuesto)\b/iu.test(c.turns[1]?.text ?? ''));
      expect(yesThenNo.map((c) => c.turns[1]?.text)).toEqual([]);
    });
  }

  it('answers other first messages from the general pool', () => {
    const intent = grammar().lang.en.intents.get('topping_up_by_card');
    if (!intent) throw new Error('no grammar for topping_up_by_card');
    expect(answersFor(intent, 'How do I top up with my card?')).toBe(intent.answer);
    expect(answersFor(intent, 'Can other people top up my account with their card?')).not.toBe(intent.answer);
  });
});
