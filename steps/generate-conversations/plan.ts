// Deterministic, prefix-stable plans: item i depends on (seed, i, distributions), never on `count`.
import { createRng } from '../../util/rng.js';
import type { ConversationSpec, Language, Sentiment, Complexity } from '../../util/records.js';
import { InputError } from '../../util/errors.js';
import type { Rng } from '../../util/rng.js';
import { categoryOf, resolveIntents, type ConversationParams } from './params.js';

const permutations = new Map<string, string[]>();

/**
 * Intents are walked round-robin through a seeded permutation so every block of N items covers all N
 * intents exactly once (exact balance), while the order still varies with the seed.
 */
function intentOrder(intents: string[], seed: number): string[] {
  const key = `${seed}\u0000${intents.join(',')}`;
  let p = permutations.get(key);
  if (!p) {
    p = createRng(seed, 'conversation-intents').shuffle([...intents]);
    permutations.set(key, p);
  }
  return p;
}

export function planConversation(params: ConversationParams, seed: number, index: number): ConversationSpec {
  const intents = resolveIntents(params);
  const order = intentOrder(intents, seed);
  const rng = createRng(seed, 'conversation', index);
  const intent = order[index % order.length] as string;
  return {
    index,
    conversation_id: `conv-${seed}-${String(index).padStart(6, '0')}`,
    intent,
    category: categoryOf(intent) as string,
    language: draw<Language>(rng, params.languages, 'languages'),
    sentiment: draw<Sentiment>(rng, params.sentiment, 'sentiment'),
    complexity: draw<Complexity>(rng, params.complexity, 'complexity'),
    turns: { min: params.turns.min, max: params.turns.max },
    noise: params.noise,
  };
}

function draw<K extends string>(rng: Rng, weights: Partial<Record<K, number>>, name: string): K {
  const total = Object.values<number | undefined>(weights).reduce<number>((s, w) => s + Math.max(0, w ?? 0), 0);
  if (!(total > 0)) throw new InputError(`'${name}' weights must have a positive sum`);
  return rng.weighted(weights as Record<K, number>);
}
