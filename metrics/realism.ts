// Realism of a dataset's customer text against a reference profile, each part reported as 1 − JSD.
import { jensenShannon, jensenShannonCounts } from './divergence.js';
import type { TextProfile, TextProfileBuilder } from './text-profile.js';

export interface RealismReport {
  /** Mean of the four parts below (intent mix excluded: see distribution_vs_target). */
  score: number;
  turn_length: number;
  first_turn_length: number;
  vocabulary: number;
  structure: number;
  /** 1 − JSD of the intent mix against the reference's: informative only, a balanced dataset is not punished. */
  intents_vs_reference: number;
  compared_documents: number;
}

export function compareWithReference(ref: TextProfile, b: TextProfileBuilder): RealismReport {
  const refTop = ref.vocabulary.top;
  const words = Object.keys(refTop).sort();
  // Support: the reference's top words plus one bucket for every other word on either side.
  const refOther = ref.vocabulary.tokens - words.reduce((s, w) => s + (refTop[w] as number), 0);
  const synCounts = words.map((w) => b.words.get(w) ?? 0);
  const synOther = b.tokens - synCounts.reduce((s, x) => s + x, 0);
  const vocabulary = 1 - jensenShannon([...words.map((w) => refTop[w] as number), Math.max(0, refOther)], [...synCounts, Math.max(0, synOther)]);
  const features = Object.keys(ref.structure).sort();
  const structure =
    features.length === 0 ? 0 : features.reduce((s, f) => s + 1 - jensenShannonCounts(ref.structure[f] ?? {}, b.structure[f] ?? {}), 0) / features.length;
  const turn_length = 1 - jensenShannon(ref.turn_words, b.turnWords);
  const first_turn_length = 1 - jensenShannon(ref.first_turn_words, b.firstTurnWords);
  const intents_vs_reference = 1 - jensenShannonCounts(ref.intents, b.intents);
  return {
    score: b.documents === 0 ? 0 : (turn_length + first_turn_length + vocabulary + structure) / 4,
    turn_length,
    first_turn_length,
    vocabulary,
    structure,
    intents_vs_reference,
    compared_documents: b.documents,
  };
}
