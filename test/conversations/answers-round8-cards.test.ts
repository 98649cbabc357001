// Cards grammar, round 8 (issue 15): answers written for what the first message asked or already said, and one policy
// for the card network. Each test fails on main at 861d92e.
import { describe, expect, it } from 'vitest';
import { generateClean } from './fixtures.js';
import { grammar } from '../../providers/offline/conversations/grammar.js';

const first = (c: { turns: ReadonlyArray<{ text: string }> }): [string, string] => [c.turns[0]?.text ?? '', c.turns[1]?.text ?? ''];

describe('cards: answers that answer the first message', () => {
  // "¿Aceptan tarjetas en yenes?" was answered with a list of EUR, USD and MXN (review 2026-12-07, #36): three of the
  // intent's seven general answers never named the currency the customer asked about.
  for (const lang of ['en', 'es'] as const) {
    it(`${lang}: a currency named in the first message is named in the answer`, () => {
      const currencies = grammar().slots[lang].currency ?? [];
      const convs = generateClean(500, 81, { intents: ['supported_cards_and_currencies'], languages: { [lang]: 1 } });
      const named = convs.flatMap((c) => {
        const [msg, answer] = first(c);
        const cur = currencies.find((x) => msg.toLowerCase().includes(x.toLowerCase()));
        return cur === undefined ? [] : [{ cur, msg, answer }];
      });
      expect(named.length).toBeGreaterThan(40);
      expect(named.filter((n) => !n.answer.toLowerCase().includes(n.cur.toLowerCase())).map((n) => `${n.msg} → ${n.answer}`)).toEqual([]);
    });
  }

  // "Putting the card in and typing my PIN works fine" was answered "make one chip and PIN payment first": advice to
  // do what the customer already said works (the review's class "advice repeats what the customer already did").
  const CHIP_WORKS = { en: /chip(?: and PIN)?(?: number)? works|typing my PIN works|only works with (?:the )?chip/iu, es: /con chip y PIN funciona|con el chip sí|solo funciona con chip/iu };
  const FIRST_CHIP = { en: /(?:make|needs?) (?:one|a) (?:chip|first)|only starts working after|after your first chip/iu, es: /(?:haz|haga) primero una compra|necesita además una compra|se activa tras la primera compra/iu };
  for (const lang of ['en', 'es'] as const) {
    it(`${lang}: a customer whose chip payments work is not told to make a first chip payment`, () => {
      const convs = generateClean(500, 82, { intents: ['contactless_not_working'], languages: { [lang]: 1 } });
      const said = convs.map(first).filter(([msg]) => CHIP_WORKS[lang].test(msg));
      expect(said.length).toBeGreaterThan(30);
      expect(said.filter(([, answer]) => FIRST_CHIP[lang].test(answer)).map(([m, a]) => `${m} → ${a}`)).toEqual([]);
    });
  }
});

describe('cards: one card network', () => {
  // Some answers said "in some countries we also offer Visa", others "your card is a Mastercard": a bank with one
  // policy says one thing (issue 15, round 8: one bank, one policy).
  const VISA_OFFERED = /also offer Visa|whether a Visa option|if a Visa option|también ofrecemos Visa|opción Visa en|existe la opción Visa/iu;
  for (const lang of ['en', 'es'] as const) {
    it(`${lang}: no agent turn offers a Visa card`, () => {
      const convs = generateClean(300, 83, { intents: ['visa_or_mastercard', 'card_acceptance'], languages: { [lang]: 1 } });
      const offered = convs.flatMap((c) => c.turns.filter((t) => t.speaker === 'agent' && VISA_OFFERED.test(t.text)).map((t) => t.text));
      expect(offered).toEqual([]);
    });
  }
});
