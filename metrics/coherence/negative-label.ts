// Negative labels the words do not carry: a conversation labelled negative whose customer never writes displeasure,
// worry or a problem that persists (review 2026-12-08 #55: "¿Por qué no aparece en el saldo el efectivo que
// deposité?" labelled negative).

type T = ReadonlyArray<{ speaker: string; text: string }>;

import { NEGATIVE_CUE } from '../../util/sentiment-lexicon.js';

export { NEGATIVE_CUE };

/** Why the customer's words do not carry a negative label, or undefined (also for other labels). */
export function negativeLabelUnsaid(turns: T, language: string, sentiment: string | undefined): string | undefined {
  if (sentiment !== 'negative') return undefined;
  const lang = language === 'es' ? 'es' : 'en';
  const said = turns.filter((t) => t.speaker === 'customer').map((t) => t.text);
  return said.some((s) => NEGATIVE_CUE[lang].test(s) || /\?!|!!/u.test(s)) ? undefined : `no negative cue: ${said.join(' / ')}`;
}
