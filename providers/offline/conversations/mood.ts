// Which mood a customer's first message voices, and how the agent acknowledges what was actually said.
import type { ArcSource } from './grammar.js';

/** Moods that carry feeling: the opening message always says so, or the label would not be in the text. */
const FELT = new Set(['happy', 'confused', 'frustrated', 'angry', 'anxious']);

export interface OpeningMood {
  /** Key into the opener table, or undefined for no opener. */
  opener: string | undefined;
  /** Key into the agent acknowledgement table. */
  ack: string;
}

/**
 * A happy customer with a problem says so with a "but" ("love the app, but…") and is thanked, not congratulated;
 * curiosity fits questions, not complaints; with no feeling voiced the agent acknowledges the problem itself.
 */
export function openingMood(arc: ArcSource, problem: boolean, warmth: 'must' | 'may' | 'none', chance: (p: number) => boolean): OpeningMood {
  // A positive label must be in the words: a calm or curious start alone reads neutral (13/31 positives in the
  // 2026-12-01 review had nothing warm). With no closing turn to thank in, the first message voices the warmth.
  if (warmth === 'must' || (warmth === 'may' && chance(0.3))) {
    return problem ? { opener: 'happy_problem', ack: 'happy_problem' } : { opener: 'happy', ack: 'happy' };
  }
  let mood = arc.start;
  if (problem && mood === 'curious') mood = 'neutral';
  if (problem && mood === 'happy') return { opener: 'happy_problem', ack: 'happy_problem' };
  const voiced = FELT.has(mood) || chance(mood === 'neutral' ? 0.2 : 0.35);
  const opener = voiced ? mood : undefined;
  const plain = problem ? 'problem' : 'neutral';
  const ack = opener === undefined ? plain : mood === 'neutral' || (problem && mood === 'calm') ? plain : mood;
  return { opener, ack };
}

/** End moods a short "Thanks!"/"Genial" sign-off fits; unhappy endings keep their own words. */
const CONTENT_END = new Set(['satisfied', 'pleased', 'grateful', 'neutral', 'informed', 'reassured', 'relieved', 'calm']);

export function shortSignoffFits(endMood: string): boolean {
  return CONTENT_END.has(endMood);
}
