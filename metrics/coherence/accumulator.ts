// Coherence of a conversation dataset: counts (with examples) of each defect class, usable as gates.
import { ClosingCounter } from './closings.js';
import { foreignFollowup } from './followups.js';
import { coherenceInput, type CoherenceInput } from './input.js';
import { localeMismatch } from './locale.js';
import { registerSwitch } from './register.js';
import { positiveReplyToNegative } from './sentiment.js';
import { positiveLabelUnsaid } from './label-sentiment.js';
import { dialectLeak } from './dialect-words.js';
import { genderFlip } from './gender.js';
import { unfoundedClosing } from './closing-fit.js';
import { factClash } from './situation.js';
import { loadTopics } from '../../util/conversation-topics.js';

export const COHERENCE_CHECKS = ['foreign_followup', 'locale_mismatch', 'register_switch', 'positive_reply_to_negative', 'positive_label_unsaid', 'dialect_leak', 'gender_flip', 'unfounded_closing', 'fact_clash'] as const;
export type CoherenceCheck = (typeof COHERENCE_CHECKS)[number];

export interface CoherenceCount {
  /** Conversations the check could look at (e.g. register: Spanish with agent turns). */
  applied: number;
  failed: number;
  rate: number;
  examples: string[];
}
export interface CoherenceReport {
  checks: Record<CoherenceCheck, CoherenceCount>;
  closings: ReturnType<ClosingCounter['report']>;
}

const MAX_EXAMPLES = 5;

/**
 * The checks that apply to one conversation, each with its problem (undefined when it passes), in COHERENCE_CHECKS
 * order: the accumulator counts them, filter/conversations drops on them.
 */
export function coherenceProblems(c: CoherenceInput, topics: ReturnType<typeof loadTopics>): Array<[CoherenceCheck, string | undefined]> {
  const out: Array<[CoherenceCheck, string | undefined]> = [];
  const hasAgent = c.turns.some((t) => t.speaker === 'agent');
  if (topics && hasAgent) out.push(['foreign_followup', foreignFollowup(c, topics.topics)]);
  out.push(['locale_mismatch', localeMismatch(c.turns, c.meta?.dialect)]);
  if (c.language === 'es' && hasAgent) out.push(['register_switch', registerSwitch(c.turns)]);
  if (hasAgent) out.push(['positive_reply_to_negative', positiveReplyToNegative(c.turns, c.language)]);
  // Only labelled data has a label to contradict, and only a dialect field says which variety is foreign.
  if (c.sentiment === 'positive') out.push(['positive_label_unsaid', positiveLabelUnsaid(c.turns, c.language, c.sentiment)]);
  if (c.meta?.dialect !== undefined) out.push(['dialect_leak', dialectLeak(c.turns, c.meta.dialect)]);
  // Round 6: only Spanish marks the customer's gender; only a dialogue has a closing to found.
  if (c.language === 'es') out.push(['gender_flip', genderFlip(c.turns)]);
  if (hasAgent) out.push(['unfounded_closing', unfoundedClosing(c.turns)]);
  // Round 7: a fact fixed once (time of day, merchant, amount, residence, the intent's situation) broken later.
  if (hasAgent) out.push(['fact_clash', factClash(c)]);
  return out;
}
const clip = (s: string): string => (s.length > 200 ? `${s.slice(0, 197)}…` : s);

export class CoherenceAccumulator {
  private readonly counts = new Map<CoherenceCheck, { applied: number; failed: number; examples: string[] }>(
    COHERENCE_CHECKS.map((c) => [c, { applied: 0, failed: 0, examples: [] }]),
  );
  private readonly closings = new ClosingCounter();
  private readonly topics = loadTopics();
  private seen = 0;

  add(rec: Record<string, unknown>): void {
    const c = coherenceInput(rec);
    if (!c) return;
    this.seen++;
    const id = typeof rec.conversation_id === 'string' ? rec.conversation_id : `#${this.seen}`;
    for (const [check, problem] of coherenceProblems(c, this.topics)) this.note(check, id, problem);
    if (c.turns.some((t) => t.speaker === 'agent')) this.closings.add(c.turns);
  }

  private note(check: CoherenceCheck, id: string, problem: string | undefined): void {
    const n = this.counts.get(check) as { applied: number; failed: number; examples: string[] };
    n.applied++;
    if (problem === undefined) return;
    n.failed++;
    if (n.examples.length < MAX_EXAMPLES) n.examples.push(`${id}: ${clip(problem)}`);
  }

  finish(): CoherenceReport {
    const checks = Object.fromEntries(
      [...this.counts].map(([k, v]) => [k, { ...v, rate: v.applied === 0 ? 0 : v.failed / v.applied }]),
    ) as Record<CoherenceCheck, CoherenceCount>;
    return { checks, closings: this.closings.report() };
  }
}
