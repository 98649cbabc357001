// Grammar round 7 (issue 15): English asks whose alternations wrote broken sentences, found by the category engineers
// reading their intents; each pattern below was drawn by the round-6 grammar.
import { describe, expect, it } from 'vitest';
import { generateClean } from './fixtures.js';
import { dialectWording } from '../../providers/offline/conversations/dialect.js';

const INTENTS = ['card_not_working', 'virtual_card_not_working', 'getting_spare_card', 'exchange_rate', 'pending_card_payment', 'beneficiary_not_allowed', 'transfer_not_received_by_recipient'];
const english = INTENTS.flatMap((intent, k) => generateClean(400, 70 + k, { intents: [intent], languages: { en: 1 } }));
const customer = english.flatMap((c) => c.turns.filter((t) => t.speaker === 'customer').map((t) => t.text));

describe('offline conversations: round 7 of the English asks', () => {
  it('draws the intents it checks', () => {
    expect(new Set(english.map((c) => c.intent))).toEqual(new Set(INTENTS));
  });

  it.each([
    ['"Can I to have more than one cards"', /(?<!\p{L})(can i to|is it possible have|more than one cards|two cards cards)(?!\p{L})/iu],
    ['"What\'s the max number of cards can I have"', /max number of cards can I/iu],
    ['"Why is my card never work", "Why does my virtual card being declined"', /why (is my (virtual )?card (never|keep)|does my (virtual )?card (being|not work|never work))/iu],
    ['"Are your exchange rate fair", "Is your exchange rates"', /(are your exchange rate(?!s)|is your exchange rates)(?!\p{L})/iu],
    ['"is pending for days"', /(?<!been )(?<!\p{L})is pending for(?!\p{L})/iu],
    ['"won\'t let me to send"', /(won't let me to|doesn't allow me send)(?!\p{L})/iu],
    ['"but they\'ve got nothing" after "my wife"', /they've got nothing/iu],
  ])('never writes %s', (_label, re) => {
    expect(customer.filter((t) => re.test(t))).toEqual([]);
  });

  it('en-US keeps the perfect of "had a look": "I\'ve taken a look", never "I\'ve took a look"', () => {
    expect(dialectWording("I've had a look and I had a look too.", 'en-US')).toBe("I've taken a look and I took a look too.");
    expect(dialectWording("I've had a look.", 'en-GB')).toBe("I've had a look.");
  });

  it('en-US spells "traveling", "traveled", "travelers"; en-GB keeps the double l', () => {
    expect(dialectWording('I am travelling on Friday; I travelled to Spain with two travellers.', 'en-US')).toBe('I am traveling on Friday; I traveled to Spain with two travelers.');
    expect(dialectWording('Travelling soon.', 'en-US')).toBe('Traveling soon.');
    expect(dialectWording('I am travelling on Friday.', 'en-GB')).toBe('I am travelling on Friday.');
  });
});
