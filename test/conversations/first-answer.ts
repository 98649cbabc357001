// What the grammar-round tests read of a drawn conversation: the customer's first message and the agent's main answer.
import { generateClean } from './fixtures.js';
import type { Conversation } from '../../util/records.js';

export type Lang = 'en' | 'es';

/** The customer's first message. */
export const first = (c: Conversation): string => c.turns[0]?.text ?? '';

/** The agent's main answer: its first turn, or the one after a short clarifying question ("How much was it for?"). */
export const answer = (c: Conversation): string => {
  const agent = c.turns.filter((t) => t.speaker === 'agent').map((t) => t.text);
  const sentences = (agent[0] ?? '').split(/(?<=[.!?])\s+/u);
  const asks = (agent[0] ?? '').trim().endsWith('?') && sentences.every((x) => x.endsWith('?') || x.length < 60);
  return (asks ? agent[1] : agent[0]) ?? '';
};

/** "first message → answer", for failure messages that show what was written. */
export const show = (cs: Conversation[]): string[] => cs.map((c) => `${first(c)} → ${answer(c)}`);

/** Draws n clean conversations of one intent in one language. */
export const drawWith =
  (seed: number) =>
  (intent: string, lang: Lang, n = 400, s = seed): Conversation[] =>
    generateClean(n, s, { intents: [intent], languages: { [lang]: 1 } });
