// Round 7 (issue 15): turn-to-turn discourse, the classes of the 2026-12-06 blind review whose cause is in how turns
// are chained: a reaction that does not follow from what the agent's turn did, a tone that clashes inside or across
// messages, canned phrases that do not fit the turn, and Latin American stock phrases in es-ES. Each is measured
// over thousands of generated conversations and fails on round 6's generator.
import { describe, expect, it } from 'vitest';
import { generateClean } from './fixtures.js';
import type { Conversation } from '../../util/records.js';
import { unfoundedClosing } from '../../metrics/coherence/closing-fit.js';
import { messageKind } from '../../providers/offline/conversations/acts.js';

const many = generateClean(3000, 701);
const negative = generateClean(2500, 702, { sentiment: { negative: 1 } });
const neutral = generateClean(2000, 703, { sentiment: { neutral: 1 } });
const whole = (c: Conversation): string => c.turns.map((t) => `${t.speaker}: ${t.text}`).join(' / ');
const first = (c: Conversation): string => c.turns[0]?.text ?? '';
const L = '\\p{L}';
const re = (body: string): RegExp => new RegExp(`(?<!${L})(?:${body})(?!${L})`, 'iu');
const WORRY = re('worr\\p{L}*|nervous|anxious|scared|afraid|panick\\p{L}*|stress\\p{L}*|preocup\\p{L}*|nervios\\p{L}*|miedo|asustad\\p{L}*|angusti\\p{L}*|inquiet\\p{L}*');
// An agent turn that refuses or states a limit that cannot be changed.
const REFUSAL = re("can't|cannot|unfortunately|not possible|isn't possible|no podemos|no se puede|no es posible|lamentablemente|por desgracia");
// An agent turn that took an action itself ("I've blocked it", "he abierto").
const ACTION = re("i'?ve \\p{L}+(?:ed|en|t)|we'?ve \\p{L}+(?:ed|en|t)|he \\p{L}+(?:ado|ido)|ya \\p{L}+é|bloqueé|abrí|inicié|escalé|solicité");
/** Each customer turn after the first with the agent turn just before it. */
const reactions = (c: Conversation): Array<{ words: string; prev: string; before: string }> =>
  c.turns.flatMap((t, i) => (i > 1 && t.speaker === 'customer' && c.turns[i - 1]?.speaker === 'agent'
    ? [{ words: t.text, prev: c.turns[i - 1]?.text ?? '', before: c.turns.slice(0, i).filter((x) => x.speaker === 'agent').map((x) => x.text).join(' ') }]
    : []));

describe('offline conversations: round 7, the customer reacts to what the agent did (blind review 2026-12-06)', () => {
  it('thanks for sorting or fixing only after the agent fixed something, never right after a no ("Finally! Thanks for sorting it" after "We can\'t change their rate")', () => {
    const fix = re("sorting it|fixing it|sorting that|por fin|finally|gracias por resolverlo|gracias por arreglarlo");
    const bad = [...many, ...negative].filter((c) => reactions(c).some((r) => fix.test(r.words) && (REFUSAL.test(r.prev) || !ACTION.test(r.before))));
    expect(bad.map(whole)).toEqual([]);
  });

  it('says "that was easy/seamless/effortless" only after the agent did something, not after steps still to do', () => {
    const easy = re('that was (?:easy|painless|seamless|effortless|smooth|quick)|so (?:easy|smooth)');
    const bad = [...many, ...generateClean(2000, 704, { sentiment: { positive: 1 } })].filter((c) => reactions(c).some((r) => easy.test(r.words) && !ACTION.test(r.before)));
    expect(bad.map(whole)).toEqual([]);
  });

  it('is relieved ("Phew", "what a relief", "¡qué alivio!", "puts my mind at ease") only after voicing a worry', () => {
    const relief = re('relief|phew|thank goodness|mind at ease|reassuring|alivio|menos mal|me tranquiliza');
    const bad = [...many, ...negative].filter((c) => c.turns.some((t, i) => i > 0 && t.speaker === 'customer' && relief.test(t.text)) && !WORRY.test(first(c)));
    expect(bad.map(whole)).toEqual([]);
  });

  it('says "Interesting" / "Interesante" only to information about a question, not to steps or about its own problem', () => {
    const bad = many.filter((c) => reactions(c).some((r) => /^(interesting|interesante)(?!\p{L})/iu.test(r.words) && /(→|(?:^|\. )(tap|go to|open|toca|toque|entra|abre|abra|revisa|revise))/iu.test(r.prev)));
    expect(bad.map(whole)).toEqual([]);
  });

  it('says it is "still lost" only after an answer that depends or hedges, not after a clear rule', () => {
    const hedge = re('usually|may|might|can be|depends|it varies|probably|typically|suele|suelen|normalmente|puede|pueden|depende|varía|probablemente');
    const bad = [...many, ...generateClean(2000, 705, { sentiment: { neutral: 1 }, complexity: { complex: 1 } })].filter((c) => reactions(c).some((r) => /(still (a bit |slightly )?lost|sigo sin entender)/iu.test(r.words) && !hedge.test(r.prev)));
    expect(bad.map(whole)).toEqual([]);
  });

  it('reacts to steps, waits and refusals in kind: "I\'ll try that" after steps, "I\'ll wait" after a wait, "shame" after a no', () => {
    const cs = [...many, ...negative];
    const said = (r: RegExp) => cs.flatMap(reactions).filter((x) => r.test(x.words));
    // The reactions exist (the generator says them), and each follows its act.
    const tries = said(re("i'll try that|give that a go|lo pruebo|lo intento|voy a probarlo"));
    const waits = said(re("i'll wait|i can wait|esperaré|puedo esperar"));
    const shames = said(re("shame|pity|not what I hoped|qué pena|lástima|no es lo que esperaba"));
    expect(tries.length).toBeGreaterThan(30);
    expect(waits.length).toBeGreaterThan(30);
    // Round 8 gave most intents answers written for each question, so plain refusals are rarer (28 in this draw):
    // the floor says the reaction exists, not how often a no is drawn.
    expect(shames.length).toBeGreaterThan(20);
    const imperative = /(?:^|[.!?:;]\s+|, then |, and |then |, | y |luego )(?:please )?(tap|go to|open|select|choose|scan|upload|enter|check|make sure|turn|toggle|freeze|try|ask|double-check|share|send|reply|contact|cancel|confirm|record|take|update|add|follow|look|log in|use|raise|toca|toque|ve a|vaya a|entra|entre|abre|abra|selecciona|seleccione|elige|elija|sube|suba|escanea|revisa|revise|comprueba|compruebe|activa|active|desactiva|congela|congele|pide|pida|confirma|confirme|mira|mire|intenta|intente|vuelve a|vuelva a|cancela|cancele|comparte|comparta|envía|envíe|escribe|escriba|pregunta|pregunte|actualiza|actualice|añade|añada|sigue|siga|usa|use|completa|complete)(?!\p{L})/iu;
    const delay = /(\d+(?:[–-]\d+)? (?:working |business )?(?:days?|hours?|weeks?|días|horas|semanas)|(?:a|one) (?:working |business )?day|a few (?:days|hours)|can take|takes? (?:up to|around|about)|pending|unos días|unas horas|hábil|puede tardar|pendiente|as soon as|on its way|once it|en cuanto|en camino|cuando (?:llegue|esté))/iu;
    expect(tries.filter((x) => !imperative.test(x.prev)).map((x) => `${x.prev} / ${x.words}`)).toEqual([]);
    expect(waits.filter((x) => !delay.test(x.prev)).map((x) => `${x.prev} / ${x.words}`)).toEqual([]);
    expect(shames.filter((x) => !/(?<!\p{L})(no|not|don't|doesn't|won't|isn't|can't|cannot|only|unfortunately|fees?|costs?|solo|sólo|ya no|lamentablemente|comisión|tarifa|cuesta|%)(?!\p{L})/iu.test(x.prev) || /(?<!\p{L})(can be refused|puede rechazarse)/iu.test(x.prev)).map((x) => `${x.prev} / ${x.words}`)).toEqual([]);
  });

  it('the unfounded_closing check now flags thanks for a fix after a refusal, and relief with no worry voiced', () => {
    expect(unfoundedClosing([
      { speaker: 'customer', text: "Hi, quick question. I've had enough of this. The conversion rate was wrong." },
      { speaker: 'agent', text: "We can't change their rate, but if you decline conversion next time you'll get our rate." },
      { speaker: 'customer', text: 'Finally! Thanks for sorting it.' },
      { speaker: 'agent', text: 'My pleasure.' },
    ])).toMatch(/refusal/u);
    expect(unfoundedClosing([
      { speaker: 'customer', text: 'Esto es frustrante. No puedo recargar.' },
      { speaker: 'agent', text: 'Inténtalo con otra tarjeta.' },
      { speaker: 'customer', text: 'Uf, ¡qué alivio! Gracias.' },
      { speaker: 'agent', text: 'Un placer.' },
    ])).toMatch(/relief/u);
    expect(unfoundedClosing([
      { speaker: 'customer', text: 'Estoy muy preocupada, no encuentro la tarjeta.' },
      { speaker: 'agent', text: 'La he bloqueado.' },
      { speaker: 'customer', text: 'Uf, ¡qué alivio! Gracias.' },
      { speaker: 'agent', text: 'Un placer.' },
    ])).toBeUndefined();
  });

  it('the generator passes the extended unfounded_closing check', () => {
    expect([...many, ...negative].filter((c) => unfoundedClosing(c.turns) !== undefined).map(whole)).toEqual([]);
  });
});

describe('offline conversations: round 7, tone inside and across messages (blind review 2026-12-06)', () => {
  it('does not stack a casual "Hi, quick question" / "Hola, una consulta" with a felt opener ("I\'ve had enough of this")', () => {
    const felt = /(quick question|una consulta)[,.!]\s+(i'?m|i've|this|that|ugh|not impressed|honestly|seriously|third|frankly|what is|how is|i can't|please|urgent|i need|no sé|estoy|esto|es la|me estoy|no me|qué|ya|harto|uf|no entiendo|por favor|urgente|necesito)/iu;
    const bad = [...many, ...negative].filter((c) => felt.test(first(c)));
    expect(bad.map(whole)).toEqual([]);
  });

  it('is not exasperated at a card or phone just lost or stolen ("I\'ve had enough of this" about a phone just lost)', () => {
    const cs = generateClean(2000, 706, { sentiment: { negative: 1 }, intents: ['lost_or_stolen_card', 'lost_or_stolen_phone', 'compromised_card'] });
    const fedUp = /(had enough|third time|keeps happening|wearing thin|fed up|sick of this|wit's end|unacceptable|ridiculous|absurd|disgrace|livid|furious|how is this even allowed|tercera vez|harto|harta|estoy cansad|una vergüenza|inaceptable|el colmo|no hay derecho|furios)/iu;
    const lost = /(lost|stolen|stole|perd[ií]|robaron|robó|robad)/iu;
    expect(cs.filter((c) => fedUp.test(first(c))).map(whole)).toEqual([]);
    expect(cs.filter((c) => lost.test(first(c))).length).toBeGreaterThan(500);
  });

  it('does not say "No rush" / "Sin prisa" about a problem (a lost or declined card)', () => {
    const cs = generateClean(2500, 707, { intents: ['lost_or_stolen_card', 'declined_card_payment', 'card_not_working', 'compromised_card', 'declined_transfer', 'card_swallowed', 'lost_or_stolen_phone', 'top_up_failed'] });
    expect(cs.filter((c) => /(no rush|sin prisa)/iu.test(first(c))).map(whole)).toEqual([]);
  });

  it('a neutral customer does not voice worry ("I am worried…" labelled neutral)', () => {
    expect(neutral.filter((c) => c.turns.some((t) => t.speaker === 'customer' && WORRY.test(t.text))).map(whole)).toEqual([]);
  });

  it('does not open "Thank you!" / "¡Gracias!" to a complaint', () => {
    const cs = generateClean(2000, 708, { sentiment: { positive: 1 } });
    const bad = cs.filter((c) => /^(?:[^.!?]*[.!?]\s+)?(thank you|¡gracias)!/iu.test(c.turns[1]?.text ?? '') && /(but|pero)\b/iu.test(first(c)));
    expect(bad.map(whole)).toEqual([]);
  });
});

describe('offline conversations: round 7, canned phrases that fit the turn (blind review 2026-12-06)', () => {
  it('does not offer help twice in the agent\'s opening ("Hi, happy to help. I can help with that.")', () => {
    const offer = /(happy to help|glad to help|i can help|help with that|help you|(?:te|le) ayudo|ayudarte|ayudarle)/giu;
    // The greeting and the acknowledgement: the first two sentences (an answer's "Anything else I can help with?" is not one).
    const opening = (t: string): string => t.split(/(?<=[.!?])\s+/u).slice(0, 2).join(' ');
    const bad = many.filter((c) => (opening(c.turns[1]?.text ?? '').match(offer) ?? []).length > 1);
    expect(bad.map(whole)).toEqual([]);
  });

  it('thanks for "letting us know" / "comentárnoslo" only for a report: not for a question with an amount in it ("Why was my £16.52 purchase rejected?")', () => {
    expect(['Why exactly was my £16.52 purchase rejected? I have enough balance.', '¿Por qué pagué $67.50 pesos?', 'verificacion de origen de fondos??']
      .map((t) => messageKind(t, /[¿ñ]|pesos|fondos/u.test(t) ? 'es' : 'en'))).toEqual(['open', 'open', 'open']);
    const cs = [...many, ...generateClean(4000, 709, { intents: ['declined_card_payment', 'card_payment_fee_charged', 'extra_charge_on_statement', 'transfer_fee_charged', 'exchange_charge', 'cash_withdrawal_charge', 'top_up_reverted', 'verify_source_of_funds', 'wrong_amount_of_cash_received'] })];
    // A message whose last sentence is a question with an amount in it.
    const endsAsking = (t: string): boolean => /\d[.,]\d\d(?:[^.!?]|(?<=\d)[.,](?=\d))*\?\s*$/u.test(t);
    const thanked = cs.filter((c) => endsAsking(first(c)) && /(thanks for (letting us know|flagging|telling us|reporting)|gracias por (avisarnos|comentárnoslo|contárnoslo|informarnos|el aviso))/iu.test(c.turns[1]?.text ?? ''));
    expect(thanked.map(whole)).toEqual([]);
  });

  it('thanks for patience only when the customer waited (was asked something, or given a wait)', () => {
    // Round 9: a customer who asked a follow-up kept the agent busy too ("¿Me han cobrado…?" then "gracias por la
    // paciencia"), and "en unos días" is a wait.
    const followedUp = (c: Conversation, r: { words: string }): boolean => c.turns.slice(2).some((t) => t.speaker === 'customer' && t.text !== r.words && t.text.includes('?'));
    const bad = [...many, ...generateClean(2000, 710, { sentiment: { positive: 1 }, languages: { es: 1 } })].filter((c) => reactions(c).some((r) => /(patience|paciencia)/iu.test(r.words) && !followedUp(c, r) && !/(\?|\d+(?:[–-]\d+)? (?:working |business )?(?:days?|hours?|días|horas)|unos días|a few days|hábil|pendiente|pending|i'?ve |he \p{L}+(?:ado|ido)|ya \p{L}+é)/iu.test(r.before)));
    expect(bad.map(whole)).toEqual([]);
  });
});

describe('offline conversations: round 7, es-ES stock phrases (blind review 2026-12-06)', () => {
  it('says no "con gusto", "qué gusto" or "me quedó claro" in es-ES, and keeps them in es-MX', () => {
    const cs = generateClean(3000, 711, { languages: { es: 1 } });
    const latin = /(con gusto|qué gusto|quedó claro)/iu;
    const text = (d: string) => cs.filter((c) => c.meta?.dialect === d).flatMap((c) => c.turns.map((t) => t.text));
    expect(text('es-ES').filter((t) => latin.test(t))).toEqual([]);
    expect(text('es-MX').filter((t) => latin.test(t)).length).toBeGreaterThan(20);
  });
});
