// The agent's last words: composed from parts that fit the resolution and the category, so sign-offs vary.
import type { Rng } from '../../../util/rng.js';
import type { CompiledLang } from './grammar.js';
import type { Template } from './template.js';

/**
 * A resolved conversation ends with some of: a reply to the thanks, a recap that fits the category, an offer and
 * a sign-off; other resolutions say what happens next (ticket, notification) and may add a sign-off.
 */
export function agentClosing(L: CompiledLang, category: string, resolution: string, thanked: boolean, rng: Rng, say: (t: Template) => string): string[] {
  const one = (ts: readonly Template[] | undefined, p: number): string => (ts && ts.length > 0 && rng.chance(p) ? say(rng.pick(ts)) : '');
  if (resolution !== 'resolved') {
    return [one(L.agentClose.get(resolution), 1), one(L.closeSignoff, resolution === 'pending' ? 0.5 : 0.3)];
  }
  // "You're welcome" answers thanks; after "Okay" or "Cool" the agent replies without presupposing any.
  const replies = thanked ? [...L.closeReplyThanks, ...L.closeReply] : L.closeReply;
  const parts = [one(replies, 0.85), one(L.closeRecap.get(category), 0.4), one(L.closeOffer, 0.45), one(L.closeSignoff, 0.75)];
  if (!parts.some((p) => p.length > 0)) parts[0] = say(rng.pick(replies));
  return parts;
}
