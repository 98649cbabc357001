// The agent's last words: composed from parts that fit the resolution, the category and what was actually done.
import type { Rng } from '../../../util/rng.js';
import type { CompiledLang } from './grammar.js';
import type { Template } from './template.js';
import { fitting, repliesFor, type DiscourseState } from './discourse.js';

/**
 * A resolved conversation ends with some of: a reply to the thanks, a recap that fits the category, an offer and
 * a sign-off; other resolutions say what happens next (ticket, notification) and may add a sign-off. `words` are
 * the customer's last words: "Glad that answers it" only follows a customer who said it did.
 */
export function agentClosing(L: CompiledLang, category: string, resolution: string, words: string, thanked: boolean, state: DiscourseState, rng: Rng, say: (t: Template) => string): string[] {
  const one = (ts: readonly Template[] | undefined, p: number): string => (ts && ts.length > 0 && rng.chance(p) ? say(rng.pick(ts)) : '');
  if (resolution !== 'resolved') {
    const lines = L.agentClose.get(resolution);
    return [one(fitting(lines, state) ?? lines, 1), one(L.closeSignoff, resolution === 'pending' ? 0.5 : 0.3)];
  }
  // "You're welcome" answers thanks; after "Okay" or "Cool" the agent replies without presupposing any.
  const replies = repliesFor(thanked ? [...L.closeReplyThanks, ...L.closeReply] : L.closeReply, words);
  const parts = [one(replies, 0.85), one(fitting(L.closeRecap.get(category), state), 0.4), one(L.closeOffer, 0.45), one(L.closeSignoff, 0.75)];
  if (!parts.some((p) => p.length > 0)) parts[0] = say(rng.pick(replies));
  return parts;
}
