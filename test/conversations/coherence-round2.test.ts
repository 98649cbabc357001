// Grammar round 2 (issue 15): the defect classes of the 2026-12-01 blind review, each measured on generated
// conversations the way the reviewer found them; every test here fails on the round-1 generator.
import { describe, expect, it } from 'vitest';
import { generateClean } from './fixtures.js';
import { createRng } from '../../util/rng.js';
import type { Conversation } from '../../util/records.js';
import { positiveLabelUnsaid } from '../../metrics/coherence/label-sentiment.js';
import { dialectLeak } from '../../metrics/coherence/dialect-words.js';
import { paraphrase } from '../../providers/offline/conversations/paraphrase.js';

const generate = (n: number, seed: number, over: Record<string, unknown> = {}): Conversation[] => generateClean(n, seed, over);
const many = generate(3000, 20261202);
const customerText = (c: Conversation): string => c.turns.filter((t) => t.speaker === 'customer').map((t) => t.text).join(' ');
const texts = (cs: Conversation[]): string[] => cs.flatMap((c) => c.turns.map((t) => t.text));

describe('offline conversations: round 2 of the grammar (blind review 2026-12-01)', () => {
  it('writes a positive label into the customer\'s words: something warm, nothing irritated ("Why on earth…?")', () => {
    const bad = many.map((c) => positiveLabelUnsaid(c.turns, c.language, c.sentiment)).filter(Boolean);
    expect(bad).toEqual([]);
    expect(many.filter((c) => c.sentiment !== 'negative' && /on earth/iu.test(customerText(c))).map(customerText)).toEqual([]);
  });

  it.each([
    ['a second place of residence ("if I live in Malta? I am based in the US")', (t: string) => (t.match(/(live in|living in|based in|resident of|vivo en|resido en)/giu) ?? []).length >= 2],
    ['a minor who asks about "my child"', (t: string) => /\bI'?m 1[0-7]\b|tengo 1[0-7] años/iu.test(t) && /\bmy (child|kid|son|daughter)\b|(?<!\p{L})mis? hij/iu.test(t)],
  ])('states one fact per kind: no %s', (_name, bad) => {
    const cs = generate(3000, 3, { intents: ['country_support', 'age_limit', 'edit_personal_details', 'order_physical_card', 'verify_my_identity'] });
    expect(cs.map(customerText).filter(bad)).toEqual([]);
  });

  it('keeps a cash or cheque deposit free of the card it was "made with"', () => {
    const cs = generate(1500, 4, { intents: ['top_up_by_cash_or_cheque'] });
    const card = /(credit card|debit card|tarjeta de crédito|tarjeta de débito|(?<!\p{L})(Mastercard|Visa)(?!\p{L}))/u;
    expect(cs.map(customerText).filter((t) => card.test(t))).toEqual([]);
  });

  it('asks about one personal detail at a time (a phone number, then no new address or name)', () => {
    const cs = generate(1500, 6, { intents: ['edit_personal_details'] });
    const bad = cs.filter((c) => {
      const first = c.turns[0]?.text ?? '';
      return /phone numbe?r|número de (teléfono|celular|móvil)/iu.test(first) && /address|new name|dirección|nombre/iu.test(first.replace(/phone numbe?r/giu, ''));
    });
    expect(bad.map((c) => c.turns[0]?.text)).toEqual([]);
  });

  it.each([
    ['"a el" for "al"', /(?<!\p{L})[Aa] el(?!\p{L})/u],
    ['"de el" for "del"', /(?<!\p{L})[Dd]e el(?!\p{L})/u],
    ['"Espero que estén" + a reply word', /estén (de acuerdo|perfecto|entendido|ok|vale)/iu],
    ['"I see it" with a past time ("I see it four days ago")', /\bI (see|can see) (it|that|on)\b[^.?!]*\b(ago|yesterday|last|on \d)/iu],
    ['"Úsalos" after one account number', /Ús[ae]los/u],
    ['a greeting echoed by the acknowledgement ("Hi, happy to help. Happy to explain.")', /happy to \w+[.!] happy to|con gusto \p{L}+[.!] con gusto/iu],
  ])('writes no %s', (_name, re) => {
    expect(texts(many).filter((t) => re.test(t))).toEqual([]);
  });

  it('keeps the tense when rewording "I noticed it four days ago" (never "I see it four days ago")', () => {
    const out = new Set(Array.from({ length: 200 }, (_, i) => paraphrase('I noticed it four days ago.', 'en-GB', createRng(i, 'tense'), 1)));
    expect([...out].filter((t) => /\bI (see|can see)\b/u.test(t))).toEqual([]);
    expect(out.size).toBeGreaterThan(1);
  });

  it('does not open the answer to a what/why/how question with "Yes:" or "Of course."', () => {
    // The question word opens the question itself: "When you get a chance: Can I…?" is a yes/no question after a preface.
    const open = /^(?:[^.?!]*[.!]\s+)?(how|what|whats|what's|where|when|why|which)\b[^.!?:]*\?$/iu;
    const yes = /^(yes|of course|sure)(?!\p{L})/iu;
    const bad = many.filter((c) => c.language === 'en' && open.test(c.turns[0]?.text ?? '') && yes.test(c.turns[1]?.text ?? ''));
    expect(bad.map((c) => `${c.turns[0]?.text} → ${c.turns[1]?.text}`)).toEqual([]);
  });

  it.each([
    ['cut-off times', ['transfer_timing'], /cut-off|horario de corte/iu, /(\d+ ?(pm|am)|\d{1,2}:\d{2})/iu],
    ['how many cards', ['getting_spare_card'], /how many cards|cuántas tarjetas/iu, /(?<!\p{L})(three|tres|\d+)(?!\p{L})/iu],
  ])('answers the question asked: %s get a figure', (_name, intents, asked, figure) => {
    const cs = generate(1500, 8, { intents });
    // The answer may come after a clarifying question: some agent turn must carry the figure.
    const bad = cs.filter((c) => asked.test(c.turns[0]?.text ?? '') && c.turns.length >= 4 && !c.turns.some((t) => t.speaker === 'agent' && figure.test(t.text)));
    expect(bad.map((c) => c.turns.map((t) => t.text).join(' → '))).toEqual([]);
  });

  it('keeps to the locale\'s own words (es-MX no "vale"/"coche", es-ES no "sin costo"/"listo", en-US no "cash machine"/"cheers")', () => {
    expect(many.map((c) => dialectLeak(c.turns, c.meta?.dialect as string)).filter(Boolean)).toEqual([]);
  });

  it('has the agent keep to what it said (one refund wait; no cheques after "we don\'t accept cheques")', () => {
    const cs = generate(2000, 9, { intents: ['top_up_by_cash_or_cheque', 'request_refund', 'Refund_not_showing_up'] });
    const agentText = (c: Conversation): string => c.turns.filter((t) => t.speaker === 'agent').map((t) => t.text).join(' ');
    const bad = cs.map(agentText).filter((t) =>
      (/don't accept cheques|no aceptamos cheques/iu.test(t) && /(?<!don't accept |no aceptamos )cheques? (deposits|hasta)|o cheque/iu.test(t)) ||
      (/10 (days|días)/u.test(t) && /15 (days|días)/u.test(t)),
    );
    expect(bad).toEqual([]);
  });
});
