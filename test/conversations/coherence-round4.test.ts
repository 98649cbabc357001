// Grammar round 4 (issue 15): the classes of the 2026-12-02 blind review that paraphrase swaps could not fix, each
// measured on generated conversations the way the reviewer found them; every test here fails on round 3's generator.
import { describe, expect, it } from 'vitest';
import { generateClean } from './fixtures.js';
import type { Conversation } from '../../util/records.js';
import { PRAISE } from '../../util/sentiment-lexicon.js';

const generate = (n: number, seed: number, over: Record<string, unknown> = {}): Conversation[] => generateClean(n, seed, over);
const many = generate(3000, 20261204);
const said = (c: Conversation, who: 'customer' | 'agent'): string[] => c.turns.filter((t) => t.speaker === who).map((t) => t.text);
const all = (cs: Conversation[], who: 'customer' | 'agent'): string[] => cs.flatMap((c) => said(c, who));

describe('offline conversations: round 4 of the grammar (blind review 2026-12-02)', () => {
  it('puts praise, not a bare "Ok thanks" or "Gracias, saludos", in the words of a positive customer', () => {
    const bad = many.filter((c) => c.sentiment === 'positive' && !PRAISE[c.language].test(said(c, 'customer').join(' ')));
    expect(bad.map((c) => said(c, 'customer').join(' / '))).toEqual([]);
  });

  it.each([
    ['money sent away under a transfer into the account ("It went to a client")', ['transfer_into_account', 'receiving_money', 'balance_not_updated_after_bank_transfer'],
      /\b(went to|was going to|I sent (it|\$|£))|iba para|le mandé/iu],
    ['a cheque after cash ("money I have in cash? It is a cheque from my plumber")', ['top_up_by_cash_or_cheque'],
      /\bin cash\b[^]*\b(cheque|check) from\b|en efectivo[^]*cheque de/iu],
    ['an order date under a card that is not on its way ("I ordered it on the 3rd")', ['card_not_working', 'contactless_not_working', 'card_acceptance', 'change_pin'],
      /\b(I ordered it|It was ordered)\b|(?<!\p{L})(La pedí|La solicité)(?!\p{L})/iu],
  ])('adds no detail that contradicts the request: %s', (_name, intents, bad) => {
    const cs = generate(1500, 7, { intents });
    expect(cs.map((c) => c.turns[0]?.text ?? '').filter((t) => bad.test(t))).toEqual([]);
  });

  it.each([
    ['"I used my credit card" under a how-to about limits or auto top-up', ['top_up_limits', 'automatic_top_up', 'exchange_via_app'], /\b(I used|I was using) my\b|(?<!\p{L})(Usé|Estaba usando) mi(?!\p{L})/iu],
    ['"I\'m based in the US" or "It\'s the bank card" under a card question', ['activate_my_card', 'card_not_working', 'visa_or_mastercard', 'getting_spare_card'], /\b(I'm|I am) based in\b|\bIt's (my|the) \w+ card\.|(^|[.!?] )(Vivo en|Es mi tarjeta)/u],
    ['"I\'m using my phone" after losing it', ['lost_or_stolen_phone', 'compromised_card'], /\b(I'm using|On) my (phone|cell|iPhone|Android|smartphone|mobile)|(?<!\p{L})(Uso|Desde) mi (teléfono|celular|móvil|iPhone|Android)/iu],
  ])('adds no irrelevant sentence: %s', (_name, intents, bad) => {
    const cs = generate(1500, 8, { intents });
    expect(cs.map((c) => c.turns[0]?.text ?? '').filter((t) => bad.test(t))).toEqual([]);
  });

  it('does not open two sentences of one message the same way ("Me mudé y… Me mudé a…")', () => {
    const repeated = (t: string): boolean => {
      const openings = t.split(/(?<=[.?!])\s+/u).map((s) => /^[¿¡]?(\p{L}+ \p{L}+ \p{L}+)/u.exec(s.toLowerCase())?.[1]).filter((o): o is string => o !== undefined);
      return new Set(openings).size < openings.length;
    };
    expect(many.map((c) => c.turns[0]?.text ?? '').filter(repeated)).toEqual([]);
  });

  it.each([
    ['"Have you tried it again?" (nothing in the answer depends on it)', /\btried (it )?again\b|vuelto a intentar/iu],
    ['the app\'s device (no answer names it)', /\bwhich device\b|qué dispositivo/iu],
    ['the account\'s email to "find the account"', /confirm the email address|confirmar? el correo/iu],
    ['a date the customer just gave ("was this this past Sunday?")', /\bwas this (on |last |this )|fue (el|este) \p{L}+\?/iu],
    ['"Which of your cards?" (no answer uses the digits)', /(which of your cards|last four digits|cuál de (tus|sus) tarjetas|últimos (cuatro )?dígitos)[^.!]*\?/iu],
  ])('asks no pointless clarifying question: %s', (_name, re) => {
    expect(all(many, 'agent').filter((t) => re.test(t))).toEqual([]);
  });

  it('uses the fact a clarifying question asked for in the answer that follows it', () => {
    const unused: string[] = [];
    for (const c of many) {
      const t = c.turns;
      for (let i = 1; i + 2 < t.length; i++) {
        const q = t[i]?.text ?? '';
        if (t[i]?.speaker !== 'agent' || !/(amount|importe|monto)\b[^.]*\?$/iu.test(q)) continue;
        const figure = /[$£]\d+(?:[.,]\d+)*|\d+(?:[.,]\d+)* €/u.exec(t[i + 1]?.text ?? '')?.[0];
        if (figure !== undefined && !(t[i + 2]?.text ?? '').includes(figure)) unused.push(`${q} → ${t[i + 1]?.text} → ${t[i + 2]?.text}`);
      }
    }
    expect(unused).toEqual([]);
  });

  it.each([
    ['"I can see it now. I can see…"', /I can see it now\.[^]*\bI (can )?see\b|ya lo veo\.[^]*(?<!\p{L})veo(?!\p{L})/iu],
    ['two thanks in the agent\'s opening ("thanks for getting in touch. Thank you!")', /^[^.!?]*thank[^.!?]*[.!?]\s+Thank you[!.]|^[^.!?]*gracias[^.!?]*[.!?]\s+¡Gracias[!.]/iu],
    ['"Thanks for your patience" where nobody waited, in a resolved sign-off', /^Thanks for your patience\.|Gracias a (ti|usted) por (tu|su) paciencia/u],
    ['"Está en el lugar correcto" (a calque of "you\'re in the right place")', /lugar correcto/iu],
  ])('writes no template leftover in the agent\'s turns: %s', (_name, re) => {
    expect(all(many, 'agent').filter((t) => re.test(t))).toEqual([]);
  });

  it.each([
    ['"Why exactly cannot I…"', /\b(why|how come)( exactly)? (cannot|can not) I\b/iu],
    ['"What\'s the reason are you…"', /what's the reason are you/iu],
    ['"stopped working anymore"', /stopped working anymore/iu],
    ['"really a big help" / "glad with"', /\breally a big help\b|\bglad with\b/iu],
    ['"until now" after praise ("painless with you guys until now")', /\b(great|smooth|seamless|painless|easy|brilliant)[^.!?]* until now\b/iu],
    ['"Clear right now"', /\bclear right now\b/iu],
    ['"a ATM"', /\ba ATM\b/u],
    ['"I\'ve the funds"', /\bI've (the|my|enough) (money|funds|balance)\b/iu],
    ['"¿Qué documentos quiero…" / "¿me gustaría una dirección…"', /documentos quiero|¿me gustaría una/iu],
    ['"ahorita tiene sentido"', /ahorita tiene sentido/iu],
    ['"Increíble" as a reply', /^Increíble\.?$/u],
  ])('writes no non-native phrasing: %s', (_name, re) => {
    expect([...all(many, 'customer'), ...all(many, 'agent')].filter((t) => re.test(t))).toEqual([]);
  });
});
