// Grammar round 8, transfers and top-ups (issue 15, review 2026-12-07): every first message gets an answer that
// answers it and builds on what the customer already said, and the bank states one cheque policy.
import { describe, expect, it } from 'vitest';
import { answer, drawWith, first, show, type Lang } from './first-answer.js';
import type { Conversation } from '../../util/records.js';

const agentText = (c: Conversation): string => c.turns.filter((t) => t.speaker === 'agent').map((t) => t.text).join(' ');
const draw = drawWith(41);

describe('offline conversations, round 8: one cheque policy (cheques are not accepted)', () => {
  const CHEQUE: Record<Lang, RegExp> = { en: /cheque|\bchecks?\b/iu, es: /cheque/iu };
  // "A cheque takes up to 5 working days to clear" (the deposit intent) beside "We can't accept cheques" (review #49/#54).
  const CLEARS: Record<Lang, RegExp> = { en: /(cheque|check)s? takes?|to clear before/iu, es: /cheque tarda/iu };
  const REFUSED: Record<Lang, RegExp> = {
    en: /can't accept (cheques|checks)|don't (take|accept) (cheques|checks)|(cheques|checks) aren't accepted|can't be processed|won't clear/iu,
    es: /no aceptamos (cheques|depósitos con cheque)|no trabajamos con cheques|los cheques no se (aceptan|pueden procesar)|no se puede cobrar aquí/iu,
  };
  for (const lang of ['en', 'es'] as const) {
    for (const intent of ['balance_not_updated_after_cheque_or_cash_deposit', 'top_up_by_cash_or_cheque']) {
      const convs = draw(intent, lang);
      const cheque = convs.filter((c) => CHEQUE[lang].test(first(c)));
      it(`${lang} ${intent}: a cheque is refused, never said to clear`, () => {
        expect(cheque.length).toBeGreaterThan(30);
        expect(show(cheque.filter((c) => !REFUSED[lang].test(answer(c))))).toEqual([]);
        expect(convs.filter((c) => CLEARS[lang].test(agentText(c))).map(agentText)).toEqual([]);
      });
      it(`${lang} ${intent}: a question about cash is answered about cash, not with the cheque refusal`, () => {
        const cash = convs.filter((c) => !CHEQUE[lang].test(first(c)));
        expect(cash.length).toBeGreaterThan(30);
        expect(show(cash.filter((c) => /cheque|\bchecks?\b/iu.test(answer(c))))).toEqual([]);
      });
    }
  }
  it('es: a cash or cheque deposit is not called "la recarga" when the agent asks for the amount (review #96)', () => {
    const convs = draw('balance_not_updated_after_cheque_or_cash_deposit', 'es', 600);
    expect(convs.filter((c) => /de cuánto fue la recarga/iu.test(agentText(c))).map(agentText)).toEqual([]);
  });
});

describe('offline conversations, round 8: advice builds on what the customer already did', () => {
  const cases: Array<{ intent: string; lang: Lang; said: RegExp; notAgain: RegExp; what: string }> = [
    // Review #86: "Ya revisaron con su banco dos veces" → "Que el destinatario consulte a su banco".
    { intent: 'transfer_not_received_by_recipient', lang: 'en', said: /checked with their bank/iu, notAgain: /ask (the recipient|them) to (check|search)|check with their bank using/iu, what: 'asked their bank' },
    { intent: 'transfer_not_received_by_recipient', lang: 'es', said: /revisaron con su banco/iu, notAgain: /que el destinatario consulte|que la busquen/iu, what: 'asked their bank' },
    { intent: 'top_up_failed', lang: 'en', said: /money on it/iu, notAgain: /insufficient funds|not enough on the card/iu, what: 'has money on the card' },
    { intent: 'top_up_failed', lang: 'es', said: /saldo en la tarjeta|dinero de sobra/iu, notAgain: /\(saldo,|saldo insuficiente/iu, what: 'has money on the card' },
    { intent: 'top_up_failed', lang: 'en', said: /three times/iu, notAgain: /(then|and) try again\b|try again once/iu, what: 'tried three times' },
    { intent: 'top_up_failed', lang: 'es', said: /tres veces/iu, notAgain: /vuelv[ae] a intentarlo/iu, what: 'tried three times' },
    { intent: 'failed_transfer', lang: 'en', said: /sent to this account before|double-checked/iu, notAgain: /mistyped|check the details and try|confirm the account details/iu, what: 'used these details before' },
    { intent: 'failed_transfer', lang: 'es', said: /ya le había enviado|revisé los datos/iu, notAgain: /mal escrito|confirme? los datos de la cuenta|confirma los datos/iu, what: 'used these details before' },
    { intent: 'beneficiary_not_allowed', lang: 'en', said: /details are correct/iu, notAgain: /double-check the details|edit the payee with the exact/iu, what: 'checked the details' },
    { intent: 'beneficiary_not_allowed', lang: 'es', said: /los datos están bien/iu, notAgain: /revis[ae] los datos con|edit[ae] el destinatario con los datos/iu, what: 'checked the details' },
  ];
  it.each(cases)('$lang $intent: a customer who $what is not told to do it again', ({ intent, lang, said, notAgain }) => {
    const told = draw(intent, lang, 600).filter((c) => said.test(first(c)));
    expect(told.length).toBeGreaterThan(10);
    expect(show(told.filter((c) => notAgain.test(answer(c))))).toEqual([]);
  });
});

describe('offline conversations, round 8: each ask gets an answer to it', () => {
  it.each(['en', 'es'] as const)('%s receiving_money: "is there a limit on what I can receive?" opens with the limit', (lang) => {
    const asked = draw('receiving_money', lang, 600).filter((c) => (lang === 'en' ? /\blimit\b/iu : /límite/iu).test(first(c)));
    expect(asked.length).toBeGreaterThan(10);
    const opens = lang === 'en' ? /^(?:[^.!?]*[.!?]\s+)*?(no, there's no limit|there's no cap|you can receive as much)/iu : /^(?:[^.!?]*[.!?]\s+)*?(no, no hay límite|no hay tope|(puedes|puede) recibir todo)/iu;
    expect(show(asked.filter((c) => !opens.test(answer(c))))).toEqual([]);
  });
  it.each(['en', 'es'] as const)('%s topping_up_by_card: "how long does a card top-up take?" is answered with the time', (lang) => {
    const asked = draw('topping_up_by_card', lang, 600).filter((c) => (lang === 'en' ? /how long|how many days/iu : /inmediata|cuánto tarda/iu).test(first(c)));
    expect(asked.length).toBeGreaterThan(10);
    const timing = lang === 'en' ? /seconds|straight away|instant/iu : /segundos|al momento|inmediata/iu;
    const howTo = lang === 'en' ? /enter your debit|enter a visa|type in the card/iu : /escrib[ae] los datos/iu;
    expect(show(asked.filter((c) => !timing.test(answer(c)) || howTo.test(answer(c))))).toEqual([]);
  });
});
