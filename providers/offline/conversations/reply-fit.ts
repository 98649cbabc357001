// Whether an agent's "Yes:" or "Of course." fits what the customer just wrote: it answers a yes/no question or a
// request, not "What are the cut-off times?" or "Why on earth…?" (8 such misfits in the 2026-12-01 review).

// The question word that opens the customer's question sentence (after any greeting or opener before it).
const OPEN_Q: Record<'en' | 'es', RegExp> = {
  en: /(?:^|[.!?,:]\s+)(how|what|what's|whats|where|when|why|which|who)\b[^.!?]*\?/iu,
  es: /(?:^|[.!?,:]\s+)¿?(cómo|como|cuánt[oa]s?|cuanto|dónde|donde|qué|que|cuál|cual|cuáles|por qué|porque|cuándo|quién)(?!\p{L})[^.!?]*\?/iu,
};
const YES_NO: Record<'en' | 'es', RegExp> = {
  en: /(?:^|[.!?,:]\s+)(can|could|is|are|do|does|did|will|would|am|may|should|have|has)\b[^.!?]*\?/iu,
  es: /¿(puedo|puede|pueden|se puede|es posible|hay|tiene|tienen|me pueden|existe|es|está|están|debo|necesito|lo|la|los|las)(?!\p{L})[^.!?]*\?/iu,
};

/** True when the message asks an open question and no yes/no one: "Yes" and "Of course" do not answer it. */
export function asksOpenQuestion(text: string, lang: 'en' | 'es'): boolean {
  return OPEN_Q[lang].test(text) && !YES_NO[lang].test(text);
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
const FEE_Q = /\b(fees?|charges?|charged|cost|costs|pay extra)\b[^.!?]*\?|(?<!\p{L})(cobran|cobra|cobrar|tarifa|comisi[oó]n|coste|costo|cuesta|cargo)(?!\p{L})[^.!?]*\?/iu;
const FREE = /\b(free|no fee|no charge|don't charge|do not charge)\b|(?<!\p{L})(gratis|gratuit[oa]s?|sin (coste|costo|comisi[oó]n|cargo)|no cobramos)(?!\p{L})/iu;

/** True when the message asks whether something costs and the answer says it does not: "Yes"/"Of course" would contradict it. */
export function yesContradictsFree(question: string, answer: string): boolean {
  return FEE_Q.test(question) && FREE.test(answer);
}
