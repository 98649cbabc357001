// Foreign follow-ups: an agent question about a fact (amount, card, date…) that the conversation's intent has no use for.
import { questions } from './sentences.js';
import type { Topic } from '../../util/conversation-topics.js';
import type { CoherenceInput } from './input.js';

/** The first agent question whose topic does not fit the intent, or undefined. */
export function foreignFollowup(c: CoherenceInput, topics: readonly Topic[]): string | undefined {
  if (c.language !== 'en' && c.language !== 'es') return undefined;
  for (const t of c.turns) {
    if (t.speaker !== 'agent') continue;
    for (const q of questions(t.text)) {
      const topic = topics.find((tp) => tp.re[c.language as 'en' | 'es'].test(q));
      if (topic && !topic.fits.has(c.intent)) return `${topic.name}: ${q}`;
    }
  }
  return undefined;
}
