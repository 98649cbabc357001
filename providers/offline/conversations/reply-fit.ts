// Whether an agent's "Yes:" or "Of course." fits what the customer just wrote: it answers a yes/no question or a
// request, not "What are the cut-off times?" or "Why on earth…?" (8 such misfits in the 2026-12-01 review).

import type { MessageKind } from './acts.js';

// "Yes"/"Sí" answers a yes/no question; "Sure"/"Of course"/"Claro" also a request ("Cancel transfer pls"); neither
// answers a how-question, a problem report or a statement ("Sí:" to "Vivo en Perú", review 2026-12-04, class 5).
const YES_WORD = /^[¡¿]?(yes|sí)(?!\p{L})/iu;
const SURE_WORD = /^[¡¿]?(sure thing|of course|absolutely|sure|por supuesto|desde luego|claro|con gusto)(?!\p{L})/iu;

/** Whether a reply's leading "Yes"/"Of course" (if it has one) fits a message of this kind. */
export function leadingYesFits(kind: MessageKind, reply: string): boolean {
  if (YES_WORD.test(reply)) return kind === 'yesno';
  if (SURE_WORD.test(reply)) return kind === 'yesno' || kind === 'request';
  return true;
}

const LEADING_YES = /^[¡¿]?(sure thing|of course|absolutely|yes|sure|por supuesto|desde luego|sí|claro)(?!\p{L})[!:,.]*\s*/iu;

/** The reply without a leading "Yes:"/"Of course."/"¡Claro!", its next word capitalised; "" if nothing else is left. */
export function dropLeadingYes(reply: string): string {
  const rest = reply.replace(LEADING_YES, '');
  if (rest === reply) return reply;
  return rest.replace(/^\p{Ll}/u, (c) => c.toUpperCase());
}

// "¿Cobran tarifa por recargar con tarjeta?" → "Por supuesto. … es gratis" (review 2026-12-03): a yes to "is there a
// fee?" says there is one, so an answer that says it is free cannot open with it.
// An amount inside the question ("a fee on my £4.50 top-up?") does not end it.
const FEE_Q = /\b(fees?|charges?|charged|cost|costs|pay extra)\b(?:[^.!?]|(?<=\d)[.,](?=\d))*\?|(?<!\p{L})(cobran|cobra|cobrar|tarifa|comisi[oó]n|coste|costo|cuesta|cargo)(?!\p{L})(?:[^.!?]|(?<=\d)[.,](?=\d))*\?/iu;
const FREE = /\b(free|no fee|no charge|don't charge|do not charge)\b|(?<!\p{L})(gratis|gratuit[oa]s?|sin (coste|costo|comisi[oó]n|cargo)|no cobramos)(?!\p{L})/iu;

/** True when the message asks whether something costs and the answer says it does not: "Yes"/"Of course" would contradict it. */
export function yesContradictsFree(question: string, answer: string): boolean {
  return FEE_Q.test(question) && FREE.test(answer);
}

// "Sure thing. No, I'm afraid: only a card in your own name…" (found adding answer_when): an answer that opens by
// saying no cannot follow a yes.
const OPENS_WITH_NO = /^[¡¿]?(no(?!\p{L})|not(?!\p{L})|only(?!\p{L})|sorry|unfortunately|i'm afraid|we can't|you can't|lo siento|solo(?!\p{L})|sólo(?!\p{L})|lamentablemente|me temo|con [^.,;:]{1,40} no se puede)/iu;

/** True when the answer opens with a refusal or a restriction: a leading "Yes"/"Of course" in front would contradict it. */
export function opensWithNo(answer: string): boolean {
  return OPENS_WITH_NO.test(answer.trim());
}
