// Fixes from the 2026-12-07 blind review (bench/review/review-20261207.md), each a rule over many conversations; each
// test fails on the generator that review sampled (08f3f9a).
import { describe, expect, it } from 'vitest';
import { generateClean } from './fixtures.js';
import type { Conversation } from '../../util/records.js';
import { actsOf } from '../../providers/offline/conversations/acts.js';

const many = generateClean(4000, 87);
const last = (c: Conversation): string => c.turns[c.turns.length - 1]?.text ?? '';
const before = (c: Conversation): string => `${c.intent.replace(/_/g, ' ')} ${c.turns.slice(0, -1).map((t) => t.text).join(' ')}`;

describe('offline conversations: the 2026-12-07 review', () => {
  it.each([
    ['a dispute', /dispute's status|El estado de la reclamación/u, /disput|chargeback|claim|reclamaci|contracargo|caso/iu],
    ['a refund', /Refunds appear|once the merchant sends them/u, /refund|reembols|devoluci|devolver|money back/iu],
    ['a payment', /payment's status|estado del pago/u, /payments?|paid|pay for|purchase|bought|pagos?|pagu[eé]|compr/iu],
  ])('a closing recap names %s only when the conversation had one', (_what, recap, talked) => {
    const recapped = many.filter((c) => recap.test(last(c)));
    expect(recapped.filter((c) => !talked.test(before(c))).map((c) => `${c.intent}: ${last(c)}`)).toEqual([]);
  });

  it('en-US agents do not say "Shout if you need anything"; es-MX agents do not sign off "Un saludo"', () => {
    const agentText = (d: string) => many.filter((c) => c.meta?.dialect === d).flatMap((c) => c.turns.filter((t) => t.speaker === 'agent').map((t) => t.text));
    expect(agentText('en-US').filter((t) => /shout if you need/i.test(t))).toEqual([]);
    expect(agentText('es-MX').filter((t) => /(?<!\p{L})un saludo(?!\p{L})/iu.test(t))).toEqual([]);
    expect(agentText('en-GB').some((t) => /shout if you need/i.test(t))).toBe(true);
  });

  it('"Entiendo que preocupa" takes its object: "Entiendo que te preocupe"', () => {
    const es = many.filter((c) => c.language === 'es').flatMap((c) => c.turns.map((t) => t.text));
    expect(es.filter((t) => /Entiendo que preocupa/u.test(t))).toEqual([]);
  });

  it('"Let\'s get this fixed" / "vamos a resolverlo" only in a turn that fixes or gives something to do now', () => {
    const promise = /(let's get (this|it|that) (fixed|sorted)|vamos a (resolverlo|solucionarlo|arreglarlo))/iu;
    const promised = many.flatMap((c) => c.turns.filter((t) => t.speaker === 'agent' && promise.test(t.text)).map((t) => ({ t: t.text, lang: c.language as 'en' | 'es' })));
    expect(promised.length).toBeGreaterThan(20);
    const empty = promised.filter(({ t, lang }) => {
      const a = actsOf(t, lang);
      return !a.has('action') && !a.has('todo') && !a.has('ask');
    });
    expect(empty.map((p) => p.t)).toEqual([]);
  });

  it('"Recibirás un aviso cuando termine la revisión" only when a review is under way (not after "why verify?")', () => {
    const closing = many.filter((c) => c.language === 'es' && /un aviso cuando termine la revisión/u.test(last(c)));
    const why = closing.filter((c) => c.intent === 'why_verify_identity' && !/revis|verific\p{L}* (en curso|pendiente)|tardará|días|horas|minutos|te avisaremos|en marcha/iu.test(before(c).replace(c.intent.replace(/_/g, ' '), '')));
    expect(why.map((c) => before(c))).toEqual([]);
  });

  it('no "el equivalente a … €" for cash taken out where the euro is spent ("en Italia")', () => {
    const cash = ['cash_withdrawal_charge', 'wrong_exchange_rate_for_cash_withdrawal', 'declined_cash_withdrawal', 'cash_withdrawal_not_recognised', 'pending_cash_withdrawal'];
    const drawn = cash.flatMap((intent, k) => generateClean(300, 90 + k, { intents: [intent], languages: { es: 1 } }));
    const es = drawn.filter((c) => c.meta?.dialect === 'es-ES').flatMap((c) => c.turns.filter((t) => t.speaker === 'customer').map((t) => t.text));
    expect(es.some((t) => /el equivalente a/u.test(t))).toBe(true);
    expect(es.filter((t) => /el equivalente a [^.?!]*(?<!\p{L})en (Francia|Italia|Alemania|Portugal|Grecia|Países Bajos|Irlanda|Bélgica|Croacia)(?!\p{L})/u.test(t))).toEqual([]);
  });

  it('"That\'s under way now" / "Ya está en marcha" only after an action taken or a process said to be running', () => {
    const claimed = many.filter((c) => /under way now|ya está en marcha/iu.test(last(c)));
    expect(claimed.length).toBeGreaterThan(0);
    const started = (c: Conversation): boolean =>
      c.turns.slice(0, -1).some((t) => t.speaker === 'agent' && ((a) => a.has('action') || a.has('underway'))(actsOf(t.text, c.language as 'en' | 'es')));
    expect(claimed.filter((c) => !started(c)).map((c) => before(c))).toEqual([]);
  });
});
