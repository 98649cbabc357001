// The `with:` of generate/conversations: its JSON Schema, its typed form, and intent selection.
import { loadData } from '../../util/paths.js';
import { InputError } from '../../util/errors.js';
import { closest } from '../../util/suggest.js';
import type { Complexity, Language, Sentiment } from '../../util/records.js';

export interface ConversationParams {
  count: number;
  intents: 'all' | string[];
  languages: Partial<Record<Language, number>>;
  sentiment: Partial<Record<Sentiment, number>>;
  complexity: Partial<Record<Complexity, number>>;
  turns: { min: number; max: number };
  noise: number;
  provider: string;
  batch_size: number;
  few_shot: number;
  examples?: string;
}

const weights = (keys: string[], description: string, dflt: Record<string, number>) => ({
  type: 'object',
  description,
  properties: Object.fromEntries(keys.map((k) => [k, { type: 'number', minimum: 0, description: `Relative weight of '${k}'.` }])),
  additionalProperties: false,
  minProperties: 1,
  default: dflt,
});

export const conversationParamsSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  additionalProperties: false,
  properties: {
    count: { type: 'integer', minimum: 1, default: 100, description: 'Number of conversations to generate.' },
    intents: {
      description: "'all', or a list of Banking77 intent names and/or category ids (cards, transfers, top_ups, …).",
      default: 'all',
      oneOf: [
        { type: 'string', const: 'all' },
        { type: 'array', items: { type: 'string' }, minItems: 1, uniqueItems: true },
      ],
    },
    languages: weights(['en', 'es'], 'Language mix as relative weights.', { en: 0.5, es: 0.5 }),
    sentiment: weights(['positive', 'neutral', 'negative'], 'Customer sentiment mix as relative weights.', { positive: 0.3, neutral: 0.5, negative: 0.2 }),
    complexity: weights(['simple', 'medium', 'complex'], 'Complexity mix (drives turn count and detail) as relative weights.', {
      simple: 0.3,
      medium: 0.5,
      complex: 0.2,
    }),
    turns: {
      type: 'object',
      description: 'Inclusive bounds on turns per conversation.',
      properties: {
        min: { type: 'integer', minimum: 1, maximum: 40, description: 'Fewest turns.' },
        max: { type: 'integer', minimum: 1, maximum: 40, description: 'Most turns.' },
      },
      required: ['min', 'max'],
      additionalProperties: false,
      default: { min: 2, max: 8 },
    },
    noise: { type: 'number', minimum: 0, maximum: 1, default: 0.1, description: 'Probability that a customer turn gets typos or informal register.' },
    provider: { type: 'string', default: 'default', description: "Provider name under `providers:` ('default' is the offline grammar unless configured)." },
    batch_size: { type: 'integer', minimum: 1, maximum: 50, default: 5, description: 'Conversations requested per LLM call.' },
    few_shot: { type: 'integer', minimum: 0, maximum: 20, default: 2, description: 'Example utterances per intent shown to LLM providers.' },
    examples: { type: 'string', description: 'Path to a CSV with text,category columns used as few-shot examples by LLM providers.' },
  },
} as const;

export interface IntentCatalogue {
  categories: Array<{ id: string; label_en: string; label_es: string }>;
  intents: Array<{ name: string; category: string; description_en: string; description_es: string }>;
}

export function intentCatalogue(): IntentCatalogue {
  return loadData<IntentCatalogue>('intents.json');
}

let categoryIndex: Map<string, string> | undefined;

/** The category of a catalogue intent, or undefined for an unknown name. */
export function categoryOf(intent: string): string | undefined {
  categoryIndex ??= new Map(intentCatalogue().intents.map((i) => [i.name, i.category]));
  return categoryIndex.get(intent);
}

/** Every name in `intents` that is neither a catalogue intent nor a category id, with its position and a hint. */
export function unknownIntents(intents: readonly string[]): Array<{ index: number; message: string }> {
  const cat = intentCatalogue();
  const known = new Set([...cat.intents.map((i) => i.name), ...cat.categories.map((c) => c.id)]);
  const out: Array<{ index: number; message: string }> = [];
  intents.forEach((name, index) => {
    if (known.has(name)) return;
    const hint = closest(name, [...known]);
    out.push({ index, message: `unknown intent or category '${name}'${hint ? `; did you mean '${hint}'?` : ''} (\`genesis list intents\` lists them)` });
  });
  return out;
}

/** Expands 'all' and category ids into intent names (catalogue order, no duplicates). */
export function resolveIntents(params: Pick<ConversationParams, 'intents'>): string[] {
  const cat = intentCatalogue();
  const all = cat.intents.map((i) => i.name);
  if (params.intents === 'all') return all;
  const unknown = unknownIntents(params.intents);
  if (unknown.length) throw new InputError(unknown.map((u) => u.message).join('; '));
  const wanted = new Set<string>();
  for (const name of params.intents) {
    if (all.includes(name)) wanted.add(name);
    else for (const i of cat.intents) if (i.category === name) wanted.add(i.name);
  }
  return all.filter((n) => wanted.has(n));
}
