// The questions a conversation may ask: clarifying pairs and follow-ups scoped to the intent, its category and its kind.
import type { Rng } from '../../../util/rng.js';
import type { CompiledLang, TopicPair } from './grammar.js';
import type { Template } from './template.js';

/** A customer question and the agent's answer, with the slots the answer mentions. */
export interface FollowupPair {
  q: Template;
  a: Template;
  aSlots: ReadonlySet<string>;
  /** Only after a first message that reported something going wrong ("And if it happens again?"). */
  problemOnly?: boolean;
}

const NO_SLOTS: ReadonlySet<string> = new Set();

/**
 * Clarifying questions that fit: the topic suits the intent, the fact it asks for is not already given, and the
 * answer that follows uses a fact the reply gives. The 2026-12-02 review found questions whose reply nothing used
 * ("Which of your cards?" before a direct-debit answer, "Have you tried again?" to a swallowed card, "was this on
 * Sunday?" after "on Sunday"): a reply without a fact, or with one no answer mentions, makes the question pointless.
 */
export function clarifyCandidates(L: CompiledLang, intent: string, category: string, said: (slot: string) => boolean, agentSlots: ReadonlySet<string>): TopicPair[] {
  const answers = L.intents.get(intent)?.answer ?? [];
  if (answers.every((a) => a.slots.size === 0)) return [];
  // An answer can use the reply when it mentions a fact the reply gives and every other fact it needs is known.
  const usable = (p: TopicPair): boolean =>
    answers.some((a) => [...a.slots].some((s) => p.aSlots.has(s) && !said(s)) && [...a.slots].every((s) => p.aSlots.has(s) || said(s) || agentSlots.has(s)));
  return [...L.clarify, ...(L.categoryClarify.get(category) ?? [])].filter(
    (p) =>
      p.topic.fits.has(intent) &&
      (p.topic.slot === undefined || !said(p.topic.slot)) &&
      (p.topic.requires === undefined || said(p.topic.requires)) &&
      usable(p),
  );
}

/** Follow-ups in the order they will be used: the intent's own, then its category's, then generic ones that fit. */
export function followupQueue(L: CompiledLang, intent: string, category: string, problem: boolean, rng: Rng): { next(fits?: (p: FollowupPair) => boolean): FollowupPair } {
  const plain = (ps: ReadonlyArray<readonly [Template, Template]>): FollowupPair[] => ps.map(([q, a]) => ({ q, a, aSlots: NO_SLOTS }));
  const own = rng.shuffle(plain(L.intents.get(intent)?.followups ?? []));
  const cat = rng.shuffle(plain(L.categoryFollowups.get(category) ?? []));
  const generic = rng.shuffle(L.followups.filter((f) => problem || !f.problemOnly).map((f) => ({ q: f.q, a: f.a.t, aSlots: f.a.slots, problemOnly: f.problemOnly })));
  const queue = [...own, ...cat, ...generic];
  let i = 0;
  return {
    // The next pair that fits what the conversation has said; when none does, the next one anyway.
    next: (fits) => {
      if (queue.length === 0) throw new Error('grammar has no follow-up pairs');
      for (let k = 0; k < queue.length; k++) {
        const p = queue[(i + k) % queue.length] as FollowupPair;
        if (!fits || fits(p)) {
          i += k + 1;
          return p;
        }
      }
      return queue[i++ % queue.length] as FollowupPair;
    },
  };
}
