// Positive replies to negative messages: the agent opens with delight ("Glad to hear that!") right after a
// complaint or an upset customer.

const NEGATIVE_EN =
  /\b(frustrat\w*|angry|upset|annoy\w*|ridiculous|unacceptable|absurd|fed up|sick of|furious|terrible|awful|worried|panick\w*|not happy|wrong|never (been|made|authori[sz]ed|received|got)|didn'?t (make|authori[sz]e|get|receive|arrive)|charged twice|twice|still (not|hasn'?t|haven'?t|no)|declined|rejected|failed|fail|doesn'?t work|not working|stopped working|won'?t|can'?t|cannot|unable|lost|stolen|missing|blocked|swallowed|hacked|fraud\w*|scam\w*)\b/iu;
const NEGATIVE_ES = new RegExp(
  `(?<!\\p{L})(${[
    'molest[oa]s?', 'harto|harta', 'cansad[oa]', 'enojad[oa]', 'enfadad[oa]', 'inaceptable', 'vergüenza', 'el colmo', 'desesper\\p{L}*', 'preocupad[oa]', 'nervios[oa]',
    '(?<!menos )mal', 'equivocad[oa]', 'nunca', 'no (me )?(llegó|llega|funciona|puedo|aparece|reconozco|hice|autoricé|sale|deja|veo)', 'dos veces', 'todavía no', 'aún no', 'sigue sin',
    'rechaz\\p{L}*', 'fall\\p{L}*', 'perd[ií]\\p{L}*', 'robad[oa]', 'robaron', 'bloque\\p{L}*', 'se tragó', 'fraude', 'estafa',
  ].join('|')})(?!\\p{L})`,
  'iu',
);
const POSITIVE_REPLY =
  /^[¡¿"]?\s*(glad to (hear|read)|great to hear|that'?s (great|wonderful|awesome) to hear|good to hear|happy to hear|love (to hear|that)|awesome|wonderful|great question|good question|glad you asked|qué gusto|qué bien|me alegra|nos alegra|genial|excelente|qué bueno|buena pregunta|muchas gracias, nos alegra)/iu;

export function isNegativeMessage(text: string, language: string): boolean {
  return (language === 'es' ? NEGATIVE_ES : NEGATIVE_EN).test(text);
}

// Delight about the customer's experience, wherever it sits in the reply's first sentences.
const DELIGHT = /(glad you'?re enjoying|glad you like|nos alegra que (te|le) guste|qué gusto leer|me alegra leer)/iu;

export function isPositiveReply(text: string): boolean {
  return POSITIVE_REPLY.test(text.trim()) || DELIGHT.test(text.slice(0, 120));
}

/** "customer → agent" of the first negative message answered with delight, or undefined. */
export function positiveReplyToNegative(turns: ReadonlyArray<{ speaker: string; text: string }>, language: string): string | undefined {
  for (let i = 0; i + 1 < turns.length; i++) {
    const c = turns[i];
    const a = turns[i + 1];
    if (c?.speaker === 'customer' && a?.speaker === 'agent' && isNegativeMessage(c.text, language) && isPositiveReply(a.text)) {
      return `${c.text} → ${a.text}`;
    }
  }
  return undefined;
}
