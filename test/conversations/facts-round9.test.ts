// Round 9 (issue 15, blind review 2026-12-08): the agent keeps to what the customer said and to what it did itself —
// no conditional the customer's words settled (#75 "Si esta fue a otro país" after "al extranjero"; #78 "más de 2 días
// hábiles" after "anoche"), no ceiling amount read as the amount to move (#80), no line that doubts or undoes the
// agent's own block of the card (#28), and no disappointment after a "No" that is good news. Each class is asserted over
// thousands of drawn conversations and fails on round 8's generator.
import { describe, expect, it } from 'vitest';
import { generateClean } from './fixtures.js';
import type { Conversation } from '../../util/records.js';
import { ceilingAsAmount, conditionalSettled, ownActionDoubted } from '../../metrics/coherence/settled.js';
import { factClash } from '../../metrics/coherence/situation.js';
import { amountAsMoved, ceilingAmounts, settledConditional } from '../../util/settled-facts.js';
import { actsOf } from '../../providers/offline/conversations/acts.js';
import { grammar } from '../../providers/offline/conversations/grammar.js';

const whole = (c: Conversation): string => `${c.intent} ${c.meta?.dialect}: ${c.turns.map((t) => `${t.speaker}: ${t.text}`).join(' / ')}`;
const turns = (...xs: Array<[string, string]>) => xs.map(([speaker, text]) => ({ speaker, text }));

describe('round 9 checks flag the review\'s examples (metrics/coherence/settled.ts)', () => {
  it('finds a conditional the customer settled, and passes one they did not', () => {
    const abroad = 'Hay una tarifa en el dinero que mandé al extranjero. Normalmente no me cobran nada.';
    const ifAbroad = 'Lo habitual es que sus transferencias sean nacionales. Si esta fue a otro país o en otra moneda, la comisión es por eso.';
    expect(conditionalSettled(turns(['customer', abroad], ['agent', ifAbroad]))).toContain('Si esta fue a otro país');
    expect(conditionalSettled(turns(['customer', 'Hay una tarifa en mi transferencia.'], ['agent', ifAbroad]))).toBeUndefined();
    expect(settledConditional('I sent it last night and it still shows pending.', "If it's been pending for more than 2 working days, we'll chase it.")).toBe('recent');
    expect(settledConditional('I sent it a while back and it still shows pending.', "If it's been pending for more than 2 working days, we'll chase it.")).toBeUndefined();
    expect(settledConditional('La mandé anoche.', 'Si ya lleva más de 2 días hábiles pendiente, la reclamamos.')).toBe('recent');
  });

  it('finds a ceiling amount read as the amount to move, and passes it read as a limit', () => {
    const ask = 'Buenas tardes. ¿Por qué no puedo recargar más de $675,000?';
    expect(ceilingAmounts(ask)).toEqual(['$675,000']);
    expect(ceilingAsAmount(turns(['customer', ask], ['agent', 'Que $675,000 entren depende de lo que le quede del límite.']))).toBeDefined();
    expect(ceilingAsAmount(turns(['customer', ask], ['agent', 'Recargar más de $675,000 pasa del límite de su plan.']))).toBeUndefined();
    expect(ceilingAsAmount(turns(['customer', 'I topped up $675,000 and it failed.'], ['agent', 'Que $675,000 entren depende del límite.']))).toBeUndefined();
    expect(amountAsMoved('Whether {amount} fits depends on your limit.', '{amount}')).toBe(true);
    expect(amountAsMoved('Your limit is {amount} a month.', '{amount}')).toBe(false);
  });

  it('finds a later line that doubts or undoes the agent\'s own block, and passes it before the block', () => {
    const blocked = "I can help with that. I've blocked your card so nobody can use it.";
    const doubt = 'Yes, if you only froze it you can unfreeze it in Cards; if you reported it lost, a new card is on its way instead.';
    expect(ownActionDoubted(turns(['customer', 'Can you cancel my card? I lost it.'], ['agent', blocked], ['customer', 'Can I unfreeze it?'], ['agent', doubt]))).toBe(doubt);
    expect(ownActionDoubted(turns(['customer', 'Hi'], ['agent', blocked], ['customer', 'Thx'], ['agent', 'Any time! You can freeze or unfreeze your card in seconds from the app.']))).toBeDefined();
    expect(ownActionDoubted(turns(['customer', 'Can I unfreeze it?'], ['agent', doubt]))).toBeUndefined();
  });

  it('counts each class under fact_clash, so the quick start\'s gate holds them', () => {
    const c = { intent: 'top_up_limits', language: 'es', meta: { dialect: 'es-MX' }, turns: turns(['customer', '¿Por qué no puedo recargar más de $675,000?'], ['agent', 'Que $675,000 entren depende del límite.']) };
    expect(factClash(c)).toBeDefined();
    expect(factClash({ ...c, turns: turns(['customer', '¿Por qué no puedo recargar más de $675,000?'], ['agent', 'Su límite depende del plan.']) })).toBeUndefined();
  });

  it('reads a "No" that lifts a burden as good news, not a refusal or a fee', () => {
    expect([...actsOf('No, only once per card; after that, top-ups with it go straight through.', 'en')]).not.toContain('no');
    expect([...actsOf('No, nunca cobramos por un retiro rechazado.', 'es')]).not.toContain('cost');
    expect([...actsOf("No, there's no fee for a failed transfer.", 'en')]).not.toContain('cost');
    // A real refusal and a real fee stay what they are.
    expect([...actsOf("No, we can't reverse a completed transfer.", 'en')]).toContain('no');
    expect([...actsOf('Sí, cobramos un 2% por cada retiro.', 'es')]).toContain('cost');
  });
});

// "Okay, not what I hoped", "Shame", "No me hace gracia", "Qué pena": a disappointment.
const DISAPPOINTED = /(?<!\p{L})(?:not what I hoped|shame|pity|live with it|qué pena|lástima|no es lo que esperaba|no me hace gracia|qué le vamos a hacer)(?!\p{L})/iu;
const GOOD_NO = /^(?:[^.!?]*[.!?]\s+)?[¡¿]?no,\s+(?:only once|just the first time|solo una vez|nunca cobramos|there'?s no (?:fee|charge)|no hay (?:comisión|coste|costo))/iu;

describe('offline conversations: round 9, the agent keeps to what was said and done (blind review 2026-12-08)', () => {
  const many = generateClean(4000, 901);

  it('draws no conditional the customer settled ("Si esta fue a otro país" after "al extranjero"; "más de 2 días" after "anoche")', () => {
    const targeted = generateClean(3000, 902, { intents: ['transfer_fee_charged', 'pending_transfer', 'transfer_not_received_by_recipient', 'transfer_timing', 'balance_not_updated_after_bank_transfer'] });
    expect([...many, ...targeted].filter((c) => conditionalSettled(c.turns) !== undefined).map(whole)).toEqual([]);
  });

  it('reads no ceiling as the amount to move ("¿Por qué no puedo recargar más de $675,000?" → "Que $675,000 entren…")', () => {
    const limits = generateClean(2000, 903, { intents: ['top_up_limits'] });
    expect([...many, ...limits].filter((c) => ceilingAsAmount(c.turns) !== undefined).map(whole)).toEqual([]);
  });

  it('never doubts or undoes its own block of the card ("I\'ve blocked your card" → "if you only froze it… unfreeze")', () => {
    const cards = generateClean(2000, 904, { intents: ['lost_or_stolen_card', 'compromised_card', 'card_swallowed'] });
    expect([...many, ...cards].filter((c) => ownActionDoubted(c.turns) !== undefined).map(whole)).toEqual([]);
  });

  it('has no customer disappointed right after a "No" that was good news ("No, only once per card" → "not what I hoped")', () => {
    const sad = (c: Conversation): boolean => c.turns.some((t, i) => t.speaker === 'customer' && i > 0 && GOOD_NO.test(c.turns[i - 1]?.text ?? '') && DISAPPOINTED.test(t.text));
    const burdens = generateClean(3000, 905, { intents: ['top_up_by_card_charge', 'declined_cash_withdrawal', 'failed_transfer', 'verify_top_up', 'cash_withdrawal_charge'] });
    expect([...many, ...burdens].filter(sad).map(whole)).toEqual([]);
  });

  it('answers a transfer to a named country without "It depends on where it\'s going" (pre-review 301 #86: "my neighbor in Brazil")', () => {
    const countries = new RegExp(`(?<!\\p{L})(?:in|to) (?:${(grammar().slots.en?.country ?? []).filter((x) => !x.startsWith('the ')).join('|')})(?!\\p{L})`, 'u');
    const DEPENDS = /depends on where it'?s going|depende de (?:a )?dónde va/iu;
    const transfers = generateClean(2000, 907, { intents: ['transfer_timing', 'transfer_fee_charged', 'transfer_not_received_by_recipient'] });
    const bad = transfers.filter((c) => c.language === 'en' && countries.test(c.turns[0]?.text ?? '') && c.turns.some((t) => t.speaker === 'agent' && DEPENDS.test(t.text)));
    expect(bad.map(whole)).toEqual([]);
  });
});
