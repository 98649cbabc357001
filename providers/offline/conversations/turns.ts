// Turn structure: how many turns a conversation gets and which exchange fills each pair of turns.
import type { Complexity } from '../../../util/records.js';
import type { Rng } from '../../../util/rng.js';

/** Preferred turn ranges by complexity; intersected with the spec's {min,max}. */
const RANGE: Record<Complexity, readonly [number, number]> = {
  simple: [2, 4],
  medium: [4, 6],
  complex: [6, 8],
};

/** A turn count inside spec bounds, leaning on complexity and preferring an even count (agent answers last). */
export function chooseTurnCount(complexity: Complexity, bounds: { min: number; max: number }, rng: Rng): number {
  const min = Math.max(1, Math.min(bounds.min, bounds.max));
  const max = Math.max(min, bounds.max);
  let [lo, hi] = RANGE[complexity];
  lo = Math.max(lo, min);
  hi = Math.min(hi, max);
  if (lo > hi) {
    // The complexity's range lies outside the bounds: take the nearest bound.
    const nearest = RANGE[complexity][0] > max ? max : min;
    lo = hi = nearest;
  }
  const evens: number[] = [];
  for (let n = lo; n <= hi; n++) if (n % 2 === 0) evens.push(n);
  return evens.length > 0 ? rng.pick(evens) : rng.int(lo, hi);
}

export type Exchange = 'request' | 'clarify' | 'answer-after-clarify' | 'followup' | 'closing';

/**
 * The exchanges (customer turn + agent reply) that make up `turns` turns. With an odd count the last
 * exchange keeps only its customer turn.
 */
export function planExchanges(turns: number, complexity: Complexity, rng: Rng): Exchange[] {
  const pairs = Math.ceil(turns / 2);
  const out: Exchange[] = [];
  const closing = pairs >= 2;
  const clarify = pairs >= 3 && (complexity === 'complex' || (complexity === 'medium' && rng.chance(0.3)));
  if (clarify) out.push('clarify', 'answer-after-clarify');
  else out.push('request');
  while (out.length < pairs - (closing ? 1 : 0)) out.push('followup');
  if (closing) out.push('closing');
  return out;
}
