// Round 8 (issue 15): payments, refunds, cash and exchange customers get an answer to what they asked, built on what they said.
// Each case is one `answer_when` class: the general answers of these intents missed the question ("Can I top up using
// Apple Pay?" → how to add the card to a wallet) or ignored a stated fact ("I have the refund number" → "ask the
// merchant for the refund reference"; "my PIN was right" → "a wrong PIN declines it"), as review 2026-12-07 found.
import { describe, expect, it } from 'vitest';
import { generateClean } from './fixtures.js';
import { grammar } from '../../providers/offline/conversations/grammar.js';
import type { Conversation } from '../../util/records.js';

type Lang = 'en' | 'es';
interface Case {
  what: string;
  intent: string;
  lang: Lang;
  /** The customer's first message says this. */
  asked: RegExp;
  /** Some agent turn says this… */
  good?: RegExp;
  /** …and none says this. */
  bad?: RegExp;
}

const CASES: Case[] = [
  { what: 'a top-up through Apple Pay is answered about topping up', intent: 'apple_pay_or_google_pay', lang: 'en', asked: /top.?up|topping/iu, good: /add money/iu },
  { what: 'a customer who has the item is told the purchase stands', intent: 'reverted_card_payment?', lang: 'es', asked: /ya recib/iu, good: /producto/iu },
  {
    what: 'a customer holding the refund reference is not sent to ask the merchant for it',
    intent: 'Refund_not_showing_up',
    lang: 'en',
    asked: /refund number|proof/iu,
    bad: /ask (?:the merchant|\S+) for the refund reference/iu,
  },
  {
    what: 'un cliente con el número de la devolución no es enviado a pedirlo',
    intent: 'Refund_not_showing_up',
    lang: 'es',
    asked: /número de la devolución|comprobante/iu,
    bad: /pida? (?:a|al) [^.]{0,20}la referencia/iu,
  },
  {
    what: 'an ATM that paid out nothing is not "normal, reserved while it settles"',
    intent: 'pending_cash_withdrawal',
    lang: 'en',
    asked: /didn't give|didn't work|declined|any money/iu,
    good: /no cash came out|paid out nothing|doesn't pay out/iu,
    bad: /that's normal/iu,
  },
  { what: 'a right PIN is not blamed', intent: 'declined_cash_withdrawal', lang: 'en', asked: /PIN was right/iu, bad: /wrong PIN/iu },
  { what: 'un PIN bien puesto no se culpa', intent: 'declined_cash_withdrawal', lang: 'es', asked: /puse bien el PIN/iu, bad: /PIN (?:es )?incorrecto/iu },
  {
    what: 'a customer who accepted the ATM conversion is not told "if you accepted"',
    intent: 'wrong_exchange_rate_for_cash_withdrawal',
    lang: 'en',
    asked: /said yes/iu,
    bad: /if the ATM offered/iu,
  },
  {
    what: 'a quien aceptó la conversión del cajero no se le dice "si aceptó"',
    intent: 'wrong_exchange_rate_for_cash_withdrawal',
    lang: 'es',
    asked: /dije que sí/iu,
    bad: /si el cajero ofreció/iu,
  },
];

const agentText = (c: Conversation): string =>
  c.turns
    .filter((t) => t.speaker === 'agent')
    .map((t) => t.text)
    .join(' ');

const sample = (intent: string, lang: Lang): Conversation[] => generateClean(500, 88, { intents: [intent], languages: { [lang]: 1 } });

describe('offline conversations, round 8: payments, refunds, cash and exchange answers fit the first message', () => {
  for (const k of CASES) {
    it(`${k.lang} ${k.intent}: ${k.what}`, () => {
      const asked = sample(k.intent, k.lang).filter((c) => k.asked.test(c.turns[0]?.text ?? ''));
      expect(asked.length).toBeGreaterThan(8);
      const missed = asked.filter((c) => (k.good !== undefined && !k.good.test(agentText(c))) || (k.bad !== undefined && k.bad.test(agentText(c))));
      expect(missed.map((c) => `${c.turns[0]?.text} → ${agentText(c)}`)).toEqual([]);
    });
  }

  // "¿Aceptan yenes?" was answered with a list of four currencies without yen (review 2026-12-07).
  for (const lang of ['en', 'es'] as const) {
    it(`${lang}: a customer naming a currency is told about that currency`, () => {
      const names = [...new Set(grammarCurrencies(lang))].sort((a, b) => b.length - a.length);
      const convs = sample('fiat_currency_support', lang);
      const named = convs
        .map((c) => ({ c, name: names.find((n) => (c.turns[0]?.text ?? '').toLowerCase().includes(n.toLowerCase())) }))
        .filter((x): x is { c: Conversation; name: string } => x.name !== undefined);
      expect(named.length).toBeGreaterThan(20);
      const missed = named.filter(({ c, name }) => !agentText(c).toLowerCase().includes(name.toLowerCase()));
      expect(missed.map(({ c }) => `${c.turns[0]?.text} → ${agentText(c)}`)).toEqual([]);
    });
  }
});

/** The currency names the grammar's {currency} slot writes in a language. */
function grammarCurrencies(lang: Lang): string[] {
  const values = grammar().slots[lang]?.currency;
  if (!values || values.length === 0) throw new Error(`no currency slot values for ${lang}`);
  return [...values];
}
