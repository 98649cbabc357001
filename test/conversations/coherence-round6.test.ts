// Round 6 (issue 15): turn-to-turn discourse, the classes of the 2026-12-04 blind review that come from turns chosen
// without looking at the ones before; each is measured over thousands of generated conversations and fails on
// round 5's generator.
import { describe, expect, it } from 'vitest';
import { generateClean } from './fixtures.js';
import type { Conversation, Turn } from '../../util/records.js';
import { genderFlip } from '../../metrics/coherence/gender.js';
import { unfoundedClosing } from '../../metrics/coherence/closing-fit.js';

const many = generateClean(4000, 602);
const es = many.filter((c) => c.language === 'es');
const whole = (c: Conversation): string => c.turns.map((t) => `${t.speaker}: ${t.text}`).join(' / ');
const first = (c: Conversation): string => c.turns[0]?.text ?? '';
const agentTurns = (c: Conversation): Turn[] => c.turns.filter((t) => t.speaker === 'agent');
/** The last customer turn and the agent turns before it, when the conversation ends on a closing exchange. */
const closing = (c: Conversation): { words: string; before: string[]; prev: string; reply: string } | undefined => {
  const n = c.turns.length;
  if (n < 4 || c.turns[n - 1]?.speaker !== 'agent') return undefined;
  return { words: c.turns[n - 2]?.text ?? '', before: c.turns.slice(0, n - 2).filter((t) => t.speaker === 'agent').map((t) => t.text), prev: c.turns[n - 3]?.text ?? '', reply: c.turns[n - 1]?.text ?? '' };
};
// A delay of hours or days ("within minutes" is none), and an answer's bad news (a no, a limit, a fee).
const A_TIME = /(\d+(?:[–-]\d+)? (?:working |business )?(?:days?|hours?|weeks?|días|horas|semanas)|(a|one) (working |business )?day|a few days|unos días|hábil|can take|puede tardar|pending|pendiente)/iu;
const BAD_NEWS = /(?<!\p{L})(no|not|can't|cannot|only|limits?|maximum|fees?|charges?|costs?|unfortunately|solo|límites?|máximo|comisión|tarifa|coste|costo|cuesta|lamentablemente|%)(?!\p{L})/iu;

describe('offline conversations: round 6, each turn fits the ones before (blind review 2026-12-04)', () => {
  it.each([
    ['"Esto está tardando demasiado." / "This is taking way too long." with no wait given',
      /(tardando demasiado|taking way too long|i'll wait|esperaré)/iu, (before: string[]) => before.some((t) => A_TIME.test(t))],
    ['"No me hace gracia, pero vale." / "Not happy about it, but fine." after answers with no bad news in them',
      /(no me hace gracia|not happy about it|esperaba más|expected better|no es lo ideal|not ideal)/iu, (before: string[]) => before.some((t) => BAD_NEWS.test(t) || A_TIME.test(t))],
  ])('a complaint at the end has a cause in what the agent said: %s', (_name, words, cause) => {
    const bad = many.filter((c) => {
      const cl = closing(c);
      return cl !== undefined && words.test(cl.words) && !cause(cl.before);
    });
    expect(bad.map(whole)).toEqual([]);
  });

  it('does not celebrate right after saying something is still missing ("Aún no veo el reembolso" → "¡Estupendo! … me encanta la app")', () => {
    const cs = [...many, ...generateClean(2000, 603, { sentiment: { positive: 1 }, intents: ['Refund_not_showing_up', 'transfer_not_received_by_recipient', 'balance_not_updated_after_bank_transfer', 'pending_transfer', 'card_arrival'] })];
    const bad = cs.filter((c) => {
      const cl = closing(c);
      const still = c.turns.slice(1, -2).some((t) => /(aún no veo|todavía no veo|no veo (el|la|los|las) (reembolso|transferencia|dinero|\$|\d)|still (don't|can't) see|still (hasn't|haven't|not) (arrived|come|shown)|hasn't arrived|haven't (got|received))/iu.test(t.text));
      return cl !== undefined && still && /(me encanta la app|estupendo|exactly what I needed|justo lo que necesitaba|sorted in|this is why I love|qué rápido)/iu.test(cl.words);
    });
    expect(bad.map(whole)).toEqual([]);
  });

  it('says "Glad that answers it" / "Qué bien que quedó resuelto" only after a customer who said it did', () => {
    const bad = many.filter((c) => {
      const cl = closing(c);
      return cl !== undefined && /(answers it|glad that's sorted|quedó resuelto|se haya resuelto|me alegra que sirva)/iu.test(cl.reply) &&
        !/(sorted|answers it|needed|after|cleared|clear|makes sense|helpful|resuelto|resolverlo|arreglarlo|necesitaba|claro|clarísimo|todo|útil|ayudado|listo)/iu.test(cl.words);
    });
    expect(bad.map(whole)).toEqual([]);
  });

  it('ends pending ("you\'ll get a notification when it\'s ready") only when the agent started something or gave a wait', () => {
    const cs = [...many, ...generateClean(2000, 604, { sentiment: { neutral: 1 } })];
    expect(cs.filter((c) => unfoundedClosing(c.turns) !== undefined).map(whole)).toEqual([]);
  });

  it('does not offer to explain a request or a report, nor say "Yes"/"Sí:" to what was not a yes/no question', () => {
    const bad = many.filter((c) => {
      const ask = first(c);
      const reply = agentTurns(c)[0]?.text ?? '';
      const confused = /(confus|understand|lost|head|not sure|not clear|none the wiser|respuesta clara|not following|make sense|can't find|couldn't find|can't work|entiendo|entender|confundid|confunde|cuadra|no sé|desconcertad|claro|se me escapa|explicar|no lo encuentro)/iu.test(ask);
      const explains = /(happy to explain|let me explain|glad you asked|great question|te explico|le explico|buena pregunta)/iu.test(reply) && !ask.includes('?') && !confused;
      const yes = /(?:^|[.!]\s)[¡]?(Yes|Sí)(?!\p{L})/u.test(reply) && !ask.includes('?');
      const clears = /(clear that up|lo aclaro)/iu.test(reply) && /(stole|stolen|(?<!no me l[ao] )robaron|robó)/iu.test(ask);
      return explains || yes || clears;
    });
    expect(bad.map(whole)).toEqual([]);
  });

  it('never thanks "again", "de verdad" or for patience in the first message, nor thanks the agent for being patient', () => {
    const bad = many.filter((c) => /(thanks again|gracias de nuevo|gracias,? de verdad|patient|paciencia)/iu.test(first(c)) || c.turns.some((t) => t.speaker === 'customer' && /being so patient/iu.test(t.text)));
    expect(bad.map(whole)).toEqual([]);
  });

  it('keeps the customer\'s gender once per Spanish conversation, in the customer\'s words and the agent\'s ("nerviosa" → "Tranquilo")', () => {
    const cs = [...es, ...generateClean(2000, 605, { languages: { es: 1 }, sentiment: { negative: 1 } })];
    expect(cs.filter((c) => genderFlip(c.turns) !== undefined).map(whole)).toEqual([]);
  });

  it.each([
    ['#74 "nerviosa" → agent "Tranquilo"', [['customer', 'Estoy muy nerviosa con esto.'], ['agent', 'Tranquilo, lo resolvemos juntos.']]],
    ['#75 "Estoy nervioso" … "ya estoy más tranquila"', [['customer', 'Estoy nervioso.'], ['agent', 'Ok.'], ['customer', 'Bueno, ya estoy más tranquila. Gracias.']]],
    ['"yo mismo" … "me quedo más tranquila" (read on the quick start, 2026-12-01)', [['customer', '¿Puedo cambiar mis datos yo mismo?'], ['agent', 'Sí.'], ['customer', 'Ok, me quedo más tranquila. Gracias.']]],
  ])('the gender_flip check flags the review\'s %s', (_name, turns) => {
    expect(genderFlip(turns.map(([speaker, text]) => ({ speaker: speaker as string, text: text as string })))).toBeDefined();
  });

  it.each([
    ['es-ES', '¡Que tengas buenos días!'],
    ['es-ES', 'Vale, pero sigo sin estar convencida.'],
  ])('the review\'s es-ES "buenos días" wish and a gendered "convencido" are covered: %s "%s"', (dialect, text) => {
    const cs = generateClean(3000, 608, { languages: { es: 1 } }).filter((c) => c.meta?.dialect === dialect);
    expect(cs.flatMap((c) => c.turns.map((t) => t.text)).filter((t) => /tengas? buenos días/iu.test(t))).toEqual([]);
    expect(genderFlip([{ speaker: 'customer', text: 'Estoy preocupado.' }, { speaker: 'customer', text }]) !== undefined || !/convencid/u.test(text)).toBe(true);
  });

  it('leaves one gender alone, and the agent\'s own "Encantado" out of it', () => {
    expect(genderFlip([{ speaker: 'customer', text: 'Estoy preocupada.' }, { speaker: 'agent', text: 'Tranquila. Encantado de ayudar.' }])).toBeUndefined();
  });

  it.each([
    ['a neutral customer does not shout "what do I do!"', { sentiment: { neutral: 1 } }, (c: Conversation) => /(what do i do|what should i do|qué hago)!/iu.test(first(c))],
    ['a positive customer does not say "which worries me"', { sentiment: { positive: 1 } }, (c: Conversation) => c.turns.some((t) => t.speaker === 'customer' && /(worr(y|ies|ied)|preocup)/iu.test(t.text))],
    ['an upset customer does not greet cheerfully ("Hi there! This is absurd.")', { sentiment: { negative: 1 } },
      (c: Conversation) => /^(hi|hello|hey|hi there|hello there|hiya|hola|buenas|qué tal)[^.,!?]*!\s*(this is (unacceptable|ridiculous|absurd)|i'm (fed up|furious|livid|really angry|extremely)|ugh|frankly|seriously|what is going on|how is this|esto es (inaceptable|una vergüenza|el colmo)|estoy (hart|furios|muy molest|bastante molest)|no me lo puedo|no hay derecho|¿qué pasa con|uf)/iu.test(first(c))],
  ])('%s', (_name, over, bad) => {
    const cs = generateClean(2500, 606, over as never);
    expect(cs.filter(bad).map(whole)).toEqual([]);
  });

  it('answers "That still doesn\'t really help" with an acknowledgement, not a bare rule', () => {
    const cs = [...many, ...generateClean(2000, 607, { sentiment: { negative: 1 }, complexity: { complex: 1 } })];
    const bad = cs.filter((c) => c.turns.some((t, i) => t.speaker === 'customer' && /^(that still doesn't really help|eso no me ayuda mucho)/iu.test(t.text) &&
      !/^(sorry|i understand|fair point|i hear you|perdon|perdone|entiendo|tienes razón|tiene razón|lo entiendo)/iu.test(c.turns[i + 1]?.text ?? 'sorry')));
    expect(bad.map(whole)).toEqual([]);
  });

  it('says "I feel better now" / "ya estoy más tranquila" only after voicing a worry, and thanks for a report only when one was made (review 2026-12-06)', () => {
    const cs = [...many, ...generateClean(2000, 609, { sentiment: { positive: 1 } })];
    const worried = /(worr|nervous|anxious|scared|panick|stress|preocup|nervios|asustad|miedo|angusti|inquiet)/iu;
    const relief = cs.filter((c) => c.turns.some((t) => t.speaker === 'customer' && /(feel better now|más tranquil)/iu.test(t.text)) && !worried.test(first(c)));
    expect(relief.map(whole)).toEqual([]);
    // A first message that is one how/what/can-I question reported nothing to be thanked for.
    const onlyAsks = (t: string): boolean => !/[.!]\s/u.test(t) && /\?$/u.test(t.trim()) && /^¿?(how|what|where|when|which|can i|could i|do i|is it|cómo|qué|dónde|cuándo|cuál|puedo|se puede)(?!\p{L})/iu.test(t.trim());
    const thanked = cs.filter((c) => onlyAsks(first(c)) && /(thanks for (letting us know|flagging)|gracias por (avisarnos|comentárnoslo))/iu.test(agentTurns(c)[0]?.text ?? ''));
    expect(thanked.map(whole)).toEqual([]);
    expect(cs.filter((c) => c.turns.some((t) => /fair point, sorry/iu.test(t.text))).map(whole)).toEqual([]);
  });
});
