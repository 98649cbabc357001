// Sentiment labels the words do not carry: a conversation labelled positive whose customer sounds irritated
// ("Why on earth…?") or never says anything warm.
import { IRRITATED, WARM } from '../../util/sentiment-lexicon.js';

type T = ReadonlyArray<{ speaker: string; text: string }>;

/** Why the customer's words contradict a positive label, or undefined (also for other labels). */
export function positiveLabelUnsaid(turns: T, language: string, sentiment: string | undefined): string | undefined {
  if (sentiment !== 'positive') return undefined;
  const lang = language === 'es' ? 'es' : 'en';
  const said = turns.filter((t) => t.speaker === 'customer').map((t) => t.text);
  const irritated = said.find((s) => IRRITATED[lang].test(s));
  if (irritated !== undefined) return `irritated: ${irritated}`;
  if (!said.some((s) => WARM[lang].test(s))) return `nothing warm: ${said.join(' / ')}`;
  return undefined;
}
