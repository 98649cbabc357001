// Round 8 (issue 15, blind review 2026-12-07): what the customer already did or named is respected by every answer —
// no advice to redo what was done (#86, #39), no list of currencies without the one asked about (#69), no event
// details under a hypothetical question (#11), no "sender" for the customer's own transfer (#10). Each class is
// asserted over thousands of drawn conversations and fails on round 7's generator.
import { describe, expect, it } from 'vitest';
import { generateClean } from './fixtures.js';
import type { Conversation } from '../../util/records.js';
import { adviceRepeated, hypotheticalEvent, nameMissed, triesRepeatedAdvice, waitPassed } from '../../metrics/coherence/repeated-advice.js';
import { factClash } from '../../metrics/coherence/situation.js';
import { DONE_ACTIONS, repeatedAdvice } from '../../util/done-actions.js';
import { missedName, namedIn } from '../../util/named-things.js';
import { clashes, factsOf } from '../../providers/offline/conversations/facts.js';
import { hypotheticalAsk } from '../../providers/offline/conversations/consistency.js';
import { waitedDays, waitOverdue } from '../../util/waits.js';

const whole = (c: Conversation): string => `${c.intent} ${c.meta?.dialect}: ${c.turns.map((t) => `${t.speaker}: ${t.text}`).join(' / ')}`;
const turns = (...xs: Array<[string, string]>) => xs.map(([speaker, text]) => ({ speaker, text }));

// The intents whose asks or contexts say something was done, name a currency or document, or ask what would happen.
const DONE_INTENTS = [
  'transfer_not_received_by_recipient', 'unable_to_verify_identity', 'top_up_failed', 'declined_card_payment', 'failed_transfer',
  'beneficiary_not_allowed', 'card_arrival', 'direct_debit_payment_not_recognised', 'balance_not_updated_after_bank_transfer', 'passcode_forgotten',
];
const NAMED_INTENTS = ['supported_cards_and_currencies', 'fiat_currency_support', 'verify_my_identity', 'exchange_rate', 'receiving_money'];
const IF_INTENTS = ['top_up_by_card_charge', 'transfer_timing', 'exchange_charge', 'top_up_by_bank_transfer_charge', 'transfer_fee_charged'];

describe('round 8 checks flag the review\'s examples (metrics/coherence/repeated-advice.ts)', () => {
  it('finds advice that repeats a done action, and passes advice that does not', () => {
    const bank = 'El destinatario dice que no le llegó la transferencia. Ya revisaron con su banco dos veces.';
    expect(adviceRepeated(turns(['customer', bank], ['agent', 'De nuestro lado se envió correctamente. Que el destinatario consulte a su banco con la referencia.']))).toContain('asked_their_bank');
    expect(adviceRepeated(turns(['customer', bank], ['agent', 'Si mañana sigue sin verla, envíenos el comprobante y abrimos un rastreo.']))).toBeUndefined();
    expect(adviceRepeated(turns(['customer', 'How come I can\'t verify my ID? I tried in good light.'], ['agent', 'Try again in good light, with all four corners visible.']))).toContain('good_light');
    expect(adviceRepeated(turns(['customer', 'I transferred $22.76 from my other bank and it isn\'t in my balance.'], ['agent', 'Please check that the sender used the exact account details.']))).toContain('sender');
    expect(adviceRepeated(turns(['customer', 'A friend is sending me money.'], ['agent', 'Please check that the sender used the exact account details.']))).toBeUndefined();
    expect(triesRepeatedAdvice(turns(['customer', bank], ['agent', 'Que el destinatario consulte a su banco.'], ['customer', 'Ok, lo pruebo. ¿En qué consiste el rastreo?']))).toBeDefined();
    expect(triesRepeatedAdvice(turns(['customer', bank], ['agent', 'Envíenos el comprobante.'], ['customer', 'Ok, lo pruebo.']))).toBeUndefined();
  });

  it('reads no done statement as advice and no advice as done: the two values of each kind stay apart', () => {
    const done = ['They checked with their bank twice.', 'Ya revisaron con su banco dos veces.', 'I tried three times.', 'Lo he intentado varias veces.', 'I did it in good light.', 'Lo intenté con buena luz.', 'I double-checked the details.', 'Los datos están bien, los revisé.', "I've checked my subscriptions and it isn't one of them."];
    for (const text of done) {
      const hits = DONE_ACTIONS.filter((a) => a.done.test(text));
      expect(hits.length, text).toBe(1);
      expect(DONE_ACTIONS.some((a) => a.advice.test(text)), text).toBe(false);
    }
    // A fact kind: the customer's done statement clashes with the answer advising it, and with nothing else.
    expect(clashes(factsOf('I double-checked the details.'), factsOf('Check the details with the recipient.'))).toBe(true);
    expect(clashes(factsOf('I double-checked the details.'), factsOf('The money is returned to your balance.'))).toBe(false);
    expect(repeatedAdvice('I tried twice.', 'You can try again straight away.')).toBe('retried');
    // Retrying after a fix is not the same advice: "raise the limit and try again".
    expect(repeatedAdvice('I tried twice.', 'You can raise the limit in Cards → Limits and try again.')).toBeUndefined();
  });

  it('finds a list of currencies without the one named, and passes a list with it or an answer using the slot', () => {
    const ask = '¿Aceptan tarjetas en yenes? Me pagan el sueldo en yenes.';
    expect(nameMissed(turns(['customer', ask], ['agent', 'La cuenta puede tener más de 20 monedas, entre ellas EUR, USD y MXN.']))).toContain('JPY');
    expect(nameMissed(turns(['customer', ask], ['agent', 'Sí, los yenes se aceptan para recargar con Visa o Mastercard.']))).toBeUndefined();
    expect(missedName(ask, 'Sí, los {currency} se aceptan para recargar.')).toBeUndefined();
    // "try" is a verb, "TRY" the lira; Canadian dollars are not US ones.
    expect([...namedIn('Some work; if one is refused, try another.', 'currency')]).toEqual([]);
    expect([...namedIn('I get paid in Canadian dollars.', 'currency')]).toEqual(['CAD']);
    expect(missedName('I get paid in Canadian dollars.', 'We support USD, EUR and GBP.')).toContain('CAD');
  });

  it('finds event details under a hypothetical question, not under a planned amount', () => {
    expect(hypotheticalEvent(turns(['customer', 'Good morning, if I top up with a US card, will I be charged? The top up was £1,050. Please help.']))).toBeDefined();
    expect(hypotheticalEvent(turns(['customer', 'Si envío dinero ahora, ¿cuándo llega? Son $1,146.06 a Italia.']))).toBeUndefined();
    expect(hypotheticalAsk('If I top up with a US card, will I be charged?', 'en')).toBe(true);
    expect(hypotheticalAsk('I topped up £50 by card and got less, is there a charge?', 'en')).toBe(false);
    expect(hypotheticalAsk('¿Me cobran algo si recargo con la tarjeta de crédito?', 'es')).toBe(true);
  });

  it('finds a wait shorter than the customer\'s with no next step, and passes one that says what to do after it', () => {
    expect(waitOverdue("I've waited a week.", 'It can take up to 5 days.')).toBe(true);
    expect(waitOverdue('Where is my refund? It\'s been a week.', "Refunds appear within 5 working days, sometimes up to 10. If it's been longer, ask the merchant.")).toBe(false);
    expect(waitOverdue('A card payment I made four days ago is still pending.', 'Most are collected within 1–3 days.')).toBe(true);
    expect(waitedDays("I've been searching the app for ages and can't find this.")).toBeUndefined();
    expect(waitedDays('Hace semanas que no uso un cajero.')).toBeUndefined();
    expect(waitPassed(turns(['customer', 'Llevo 12 días esperando la tarjeta.'], ['agent', 'El envío estándar tarda hasta 7 días hábiles.']))).toBeDefined();
  });

  it('counts each class under fact_clash, so the quick start\'s gate holds them', () => {
    const c = { intent: 'transfer_not_received_by_recipient', language: 'es', meta: { dialect: 'es-MX' }, turns: turns(['customer', 'Ya revisaron con su banco dos veces.'], ['agent', 'Que el destinatario consulte a su banco.']) };
    expect(factClash(c)).toContain('asked_their_bank');
    expect(factClash({ ...c, turns: turns(['customer', 'Ya revisaron con su banco dos veces.'], ['agent', 'Abrimos un rastreo.']) })).toBeUndefined();
  });
});

describe('offline conversations: round 8, what the customer did or named is respected (blind review 2026-12-07)', () => {
  const many = generateClean(4000, 801);
  const done = generateClean(2000, 802, { intents: DONE_INTENTS });

  it('never advises what the customer said was already done ("Ya revisaron con su banco" → "Que el destinatario consulte a su banco")', () => {
    expect([...many, ...done].filter((c) => adviceRepeated(c.turns) !== undefined).map(whole)).toEqual([]);
  });

  it('never has the customer say "OK, I\'ll try that" to advice already followed', () => {
    expect([...many, ...done].filter((c) => triesRepeatedAdvice(c.turns) !== undefined).map(whole)).toEqual([]);
  });

  it('never answers a named currency, brand or document with a list that leaves it out ("¿Aceptan yenes?" → "EUR, USD y MXN")', () => {
    const named = generateClean(2000, 803, { intents: NAMED_INTENTS });
    expect([...many, ...named].filter((c) => nameMissed(c.turns) !== undefined).map(whole)).toEqual([]);
  });

  it('gives no wait the customer has already outlasted without a next step ("four days ago, still pending" → "within 1–3 days")', () => {
    const waits = generateClean(3000, 805, { intents: ['pending_card_payment', 'pending_transfer', 'pending_cash_withdrawal', 'balance_not_updated_after_bank_transfer', 'Refund_not_showing_up', 'card_arrival', 'pending_top_up'] });
    expect([...many, ...waits].filter((c) => waitPassed(c.turns) !== undefined).map(whole)).toEqual([]);
  });

  it('gives a hypothetical question no event details ("If I top up…, will I be charged? The top up was £1,050")', () => {
    const ifs = generateClean(3000, 804, { intents: IF_INTENTS });
    expect([...many, ...ifs].filter((c) => hypotheticalEvent(c.turns) !== undefined).map(whole)).toEqual([]);
  });
});
