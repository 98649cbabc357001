// Round 7 (issue 15): facts chosen once per conversation and kept by every turn — one time of day, money in the place
// it was taken out, amounts that fit the merchant, one merchant per payment, the intent's own situation, a residence
// that fits the dialect. Each is asserted over thousands of drawn conversations and fails on round 6's generator.
import { describe, expect, it } from 'vitest';
import { generateClean } from './fixtures.js';
import type { Conversation } from '../../util/records.js';
import { cashAbroad, clockClash, implausibleAmount, merchantClash, residenceOdd, situationClash } from '../../metrics/coherence/situation.js';
import { clockWording } from '../../providers/offline/conversations/clock.js';
import { situationOf, clashes, factsOf } from '../../providers/offline/conversations/facts.js';
import { merchantKindOf, merchantKindsIn } from '../../util/merchant-kinds.js';

const whole = (c: Conversation): string => `${c.intent} ${c.meta?.dialect}: ${c.turns.map((t) => `${t.speaker}: ${t.text}`).join(' / ')}`;
const turns = (...xs: Array<[string, string]>) => xs.map(([speaker, text]) => ({ speaker, text }));
const many = generateClean(4000, 701);

describe('round 7 checks flag the review\'s examples (metrics/coherence/situation.ts)', () => {
  it('finds each class in the sentences the 2026-12-06 review quoted, and passes their repaired forms', () => {
    expect(clockClash(turns(['customer', 'Buenas noches. ¿Qué pasa?'], ['agent', 'Te explico. ¡Buena tarde!']))).toBeDefined();
    expect(clockClash(turns(['customer', 'Buenas noches. ¿Qué pasa?'], ['agent', 'Te explico. ¡Buena noche!']))).toBeUndefined();
    expect(clockClash(turns(['customer', 'Good morning. I paid earlier today at 9:40 pm.']))).toBeDefined();
    expect(clockClash(turns(['customer', 'Good morning. I paid earlier today at 9:40 am.']))).toBeUndefined();
    expect(cashAbroad(turns(['customer', 'Why won\'t the machine let me take money out? I withdrew £620 in Indonesia.']), 'en-GB')).toBeDefined();
    expect(cashAbroad(turns(['customer', 'I withdrew the equivalent of £620 in Indonesia.']), 'en-GB')).toBeUndefined();
    // The account's currency comes out in Italy too: no equivalent needed, none to flag (review 2026-12-07).
    expect(cashAbroad(turns(['customer', 'Retiré 70 € en Italia.']), 'es-ES')).toBeUndefined();
    expect(cashAbroad(turns(['customer', 'Retiré 70 € en Suiza.']), 'es-ES')).toBeDefined();
    expect(implausibleAmount(turns(['customer', 'Sale justo debajo de mi compra en una cafetería. La operación era de 147 €.']), 'es', 'es-ES')).toBeDefined();
    expect(implausibleAmount(turns(['customer', 'Sale justo debajo de mi compra en una cafetería. La operación era de 4,50 €.']), 'es', 'es-ES')).toBeUndefined();
    expect(merchantClash(turns(['customer', 'I cancelled my gym months ago. It was £1,425 from a hotel.']))).toBeDefined();
    expect(merchantClash(turns(['customer', 'The order came from Uber Eats.']))).toBeUndefined();
    expect(situationClash('declined_cash_withdrawal', turns(['customer', 'Why won\'t the machine let me take money out? I withdrew £620.']))).toBeDefined();
    expect(situationClash('direct_debit_payment_not_recognised', turns(['customer', '¿Qué es esta domiciliación de Mango? Lo compré hoy a primera hora.']))).toBeDefined();
    expect(situationClash('beneficiary_not_allowed', turns(['customer', 'The beneficiary isn\'t allowed. The money went to my landlord.']))).toBeDefined();
    expect(residenceOdd(turns(['customer', 'Vivo en Bolivia.']), 'es-MX')).toBeDefined();
    expect(residenceOdd(turns(['customer', 'Vivo en Estados Unidos.']), 'es-MX')).toBeUndefined();
  });

  it('reads one merchant kind per merchant ("Uber Eats" is food, "Apple Pay" is no shop)', () => {
    expect(merchantKindOf('Uber Eats')?.name).toBe('food');
    expect(merchantKindsIn('a farmers market stall').map((k) => k.name)).toEqual(['convenience']);
    expect(merchantKindOf('I pay with Apple Pay')).toBeUndefined();
  });
});

describe('offline conversations: round 7, facts fixed once per conversation (blind review 2026-12-06)', () => {
  it('has one time of day: greetings and wishes agree ("Buenas noches" → "¡Buena tarde!")', () => {
    const bad = many.filter((c) => clockClash(c.turns) !== undefined);
    expect(bad.map(whole)).toEqual([]);
  });

  it('rewrites every time-of-day greeting and wish to the conversation\'s clock, keeping the adjective and the case', () => {
    expect(clockWording('Buenas noches, ¿me ayudas?', 'afternoon', 'es')).toBe('Buenas tardes, ¿me ayudas?');
    expect(clockWording('Un placer. ¡Buena tarde!', 'evening', 'es')).toBe('Un placer. ¡Buena noche!');
    expect(clockWording('Hola, buen día', 'evening', 'es')).toBe('Hola, buenas noches');
    expect(clockWording('Thanks. Have a lovely evening.', 'morning', 'en')).toBe('Thanks. Have a lovely day.');
    expect(clockWording('Good afternoon! Have a great day!', 'evening', 'en')).toBe('Good evening! Have a great evening!');
  });

  it('never names a foreign country with a home-currency cash amount ("I withdrew £620 in Indonesia")', () => {
    const cs = [...many, ...generateClean(1500, 702, { intents: ['declined_cash_withdrawal', 'wrong_amount_of_cash_received', 'cash_withdrawal_not_recognised', 'pending_cash_withdrawal', 'atm_support'] })];
    expect(cs.filter((c) => cashAbroad(c.turns, c.meta?.dialect) !== undefined).map(whole)).toEqual([]);
  });

  it('draws amounts a payment at the named merchant plausibly costs (147 € at a cafetería, £1,425 at a gym)', () => {
    const cs = [...many, ...generateClean(2000, 703, { intents: ['extra_charge_on_statement', 'card_payment_not_recognised', 'direct_debit_payment_not_recognised', 'pending_card_payment', 'card_payment_fee_charged', 'transaction_charged_twice'] })];
    expect(cs.filter((c) => implausibleAmount(c.turns, c.language, c.meta?.dialect) !== undefined).map(whole)).toEqual([]);
  });

  it('keeps a merchant named once: a detail fills {merchant} with the kind the context named ("my gym… from a hotel")', () => {
    const cs = [...many, ...generateClean(2000, 704, { intents: ['direct_debit_payment_not_recognised', 'card_payment_not_recognised', 'request_refund', 'extra_charge_on_statement'] })];
    expect(cs.filter((c) => merchantClash(c.turns) !== undefined).map(whole)).toEqual([]);
  });

  it('draws no sentence against the intent\'s situation ("I withdrew £620" for a declined withdrawal, "lo compré" for an unrecognised debit)', () => {
    const cs = [...many, ...generateClean(2000, 705, { intents: ['declined_cash_withdrawal', 'beneficiary_not_allowed', 'direct_debit_payment_not_recognised', 'card_payment_not_recognised', 'cash_withdrawal_not_recognised', 'declined_transfer', 'failed_transfer'] })];
    expect(cs.filter((c) => situationClash(c.intent, c.turns) !== undefined).map(whole)).toEqual([]);
  });

  it('states an intent\'s situation as facts with a safe default: an intent without one fixes nothing', () => {
    expect(clashes(situationOf('declined_cash_withdrawal'), factsOf('I withdrew {amount}.'))).toBe(true);
    expect(clashes(situationOf('wrong_amount_of_cash_received'), factsOf('I withdrew {amount}.'))).toBe(false);
    expect(situationOf('no_such_intent').every((m) => m === 0)).toBe(true);
  });

  it('lives where a customer of the dialect plausibly lives (no es-MX customer "living in Bolivia")', () => {
    const cs = [...many, ...generateClean(1500, 706, { intents: ['country_support', 'order_physical_card', 'card_delivery_estimate', 'fiat_currency_support'] })];
    expect(cs.filter((c) => residenceOdd(c.turns, c.meta?.dialect) !== undefined).map(whole)).toEqual([]);
  });

  it('writes Mexican amounts once with their sign ("$6,786", never "$6,786 pesos")', () => {
    const mx = many.filter((c) => c.meta?.dialect === 'es-MX');
    expect(mx.length).toBeGreaterThan(500);
    expect(mx.filter((c) => c.turns.some((t) => /\$\s?\d[\d,.]*\s?pesos/u.test(t.text))).map(whole)).toEqual([]);
  });
});
