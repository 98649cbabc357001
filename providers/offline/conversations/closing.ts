// The agent's last words: composed from parts that fit the resolution, the category and what was actually done.
import type { Rng } from '../../../util/rng.js';
import type { CompiledLang } from './grammar.js';
import { templateText, type Template } from './template.js';
import { fitting, repliesFor, type DiscourseState } from './discourse.js';

/**
 * A resolved conversation ends with some of: a reply to the thanks, a recap that fits the category, an offer and
 * a sign-off; other resolutions say what happens next (ticket, notification) and may add a sign-off. `words` are
 * the customer's last words: "Glad that answers it" only follows a customer who said it did.
 */
export function agentClosing(L: CompiledLang, category: string, resolution: string, words: string, thanked: boolean, state: DiscourseState, rng: Rng, say: (t: Template) => string): string[] {
  const one = (ts: readonly Template[] | undefined, p: number): string => (ts && ts.length > 0 && rng.chance(p) ? say(rng.pick(ts)) : '');
  if (resolution !== 'resolved') {
    const fit = fitting(L.agentClose.get(resolution), state);
    // A pending chat none of whose "what happens next" lines fits (nothing started: "Ya está en marcha" would claim
    // it) closes as a resolved one does; the wait it was given stays in the answer (found merging round 9).
    if (fit === undefined && resolution === 'pending') return agentClosing(L, category, 'resolved', words, thanked, state, rng, say);
    const lines = fit ?? L.agentClose.get(resolution) ?? [];
    // A customer who ends displeased ("Still annoying that I had to ask", "sigo sin estar convencida") is answered in
    // kind, not with a curt "Okay. We're in the app…" (pre-reviews 301 #70, #78, #32, #92): a line that acknowledges
    // it, or the acknowledgement in front of one that does not (an escalation).
    if (DISPLEASED.test(words)) {
      const owning = lines.filter((t) => ACKNOWLEDGES.test(templateText(t)));
      const acks = L.followupAck.filter((t) => PLAIN_ACK.test(templateText(t)));
      const line = owning.length > 0 ? say(rng.pick(owning)) : joinAck(acks.length > 0 ? say(rng.pick(acks)) : '', lines.length > 0 ? say(rng.pick(lines)) : '');
      return [line, one(fitting(L.closeSignoff, state), 0.3)];
    }
    return [one(lines, 1), one(fitting(L.closeSignoff, state), resolution === 'pending' ? 0.5 : 0.3)];
  }
  // "You're welcome" answers thanks; after "Okay" or "Cool" the agent replies without presupposing any.
  const replies = repliesFor(thanked ? [...L.closeReplyThanks, ...L.closeReply] : L.closeReply, words);
  // Offers and sign-offs carry presuppositions too: "If anything changes…" a problem, "Stay safe." a fraud (round 9).
  const parts = [one(replies, 0.85), one(fitting(L.closeRecap.get(category), state), 0.4), one(fitting(L.closeOffer, state), 0.45), one(fitting(L.closeSignoff, state), 0.75)];
  if (!parts.some((p) => p.length > 0)) parts[0] = say(rng.pick(replies));
  return parts;
}

const L_ = '\\p{L}';
const re = (body: string): RegExp => new RegExp(`(?<!${L_})(?:${body})(?!${L_})`, 'iu');
/** Last words that voice displeasure or doubt. */
const DISPLEASED = re("annoying|not convinced|not impressed|expected better|not happy|should (?:really )?be clearer|last time I have to ask|taking (?:way )?too long|want this fixed|sin estar convencid\\p{L}*|molest\\p{L}*|no me hace gracia|esperaba más|no estoy nada content\\p{L}*|más clar\\p{L}*|no tener que volver a preguntar|tardando|que lo arreglen|no me convence");
/** An agent line that owns the customer's feeling. */
const ACKNOWLEDGES = re("i understand|sorry|i hear you|lo entiendo|te entiendo|le entiendo|lamento|siento");
/** A follow-up acknowledgement that only owns the feeling (not "let me be clearer", which promises a new answer). */
const PLAIN_ACK = re("i understand|i hear you|lo entiendo|entiendo");
const joinAck = (ack: string, line: string): string => (ack === '' ? line : `${ack} ${line}`.trim());
