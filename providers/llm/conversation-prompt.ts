// The LLM prompt for a batch of conversation specs, built from data/prompts/conversations.json.
import type { ChatRequest } from '../contract.js';
import type { ConversationSpec, Language } from '../../util/records.js';
import { canonicalJson } from '../../util/canonical-json.js';
import { loadData } from '../../util/paths.js';

interface PromptTemplate {
  version: string;
  system: { common: string; languages: Record<Language, string> };
  instructions: string;
  output: string;
  item: string;
  examples_header: string;
  examples: Array<{ text: string; intent: string }>;
}

interface IntentCatalogue {
  intents: Array<{ name: string; description_en?: string; description_es?: string }>;
}

const template = (): PromptTemplate => loadData<PromptTemplate>('prompts', 'conversations.json');

let descriptions: Map<string, { en?: string; es?: string }> | undefined;
function describe(intent: string, language: Language): string | undefined {
  if (!descriptions) {
    descriptions = new Map();
    try {
      for (const i of loadData<IntentCatalogue>('intents.json').intents) descriptions.set(i.name, { en: i.description_en, es: i.description_es });
    } catch {
      // Without the catalogue the spec alone still asks for the right intent.
    }
  }
  return descriptions.get(intent)?.[language];
}

/** The spec fields the model (and the fake server) read; `index` is plan bookkeeping, not content. */
function specJson(spec: ConversationSpec): string {
  const { conversation_id, intent, category, language, sentiment, complexity, turns, noise } = spec;
  return canonicalJson({ conversation_id, intent, category, language, sentiment, complexity, turns, noise });
}

function itemLine(t: PromptTemplate, spec: ConversationSpec): string {
  const d = describe(spec.intent, spec.language);
  return t.item.replace('{spec}', specJson(spec)).replace('{description}', d ? ` ${d}` : '');
}

export type Example = { text: string; intent: string };
export interface FewShot {
  /** The user's examples (a CSV's rows); the template's own when absent. */
  examples?: Example[];
  /** Examples per item (of its own intent first). */
  fewShot: number;
}

/** Sampling settings sent with every batch: part of each item's key, since they shape the answer. */
export const CONVERSATION_INFERENCE = { temperature: 0.9 } as const;

/**
 * Everything in the request that shapes this one item: template version, system text for its language,
 * instructions, its own line and its own few-shot examples. Hashed into the item's checkpoint key (with the model
 * identity and CONVERSATION_INFERENCE), so editing any of it regenerates exactly the items it affects.
 */
export function conversationItemPrompt(spec: ConversationSpec, shots: FewShot = { fewShot: 0 }): string {
  const t = template();
  const examples = itemExamples(shots.examples ?? t.examples, spec, shots.fewShot).map(exampleLine);
  return [`v${t.version}`, t.system.common, t.system.languages[spec.language], t.instructions, t.output, itemLine(t, spec), ...examples].join('\n');
}

/** Output budget per item: a turn is rarely over 60 tokens, plus ~100 for the JSON fields. */
export function conversationMaxTokens(specs: ConversationSpec[]): number {
  return Math.max(512, specs.reduce((a, s) => a + 100 + s.turns.max * 60, 0));
}

export function renderConversationBatch(specs: ConversationSpec[], opts: FewShot): ChatRequest {
  const t = template();
  const languages = [...new Set(specs.map((s) => s.language))].sort();
  const system = [t.system.common, ...languages.map((l) => t.system.languages[l])].join('\n\n');
  const count = String(specs.length);
  // Each item brings its own examples (so they can be part of its key); the batch shows each one once.
  const shots = [...new Set(specs.flatMap((s) => itemExamples(opts.examples ?? t.examples, s, opts.fewShot).map(exampleLine)))];
  const parts = [t.instructions.replaceAll('{count}', count)];
  if (shots.length) parts.push([t.examples_header, ...shots].join('\n'));
  parts.push(['Items:', ...specs.map((s) => itemLine(t, s))].join('\n'));
  parts.push(t.output.replaceAll('{count}', count));
  return { system, messages: [{ role: 'user', text: parts.join('\n\n') }], maxTokens: conversationMaxTokens(specs), ...CONVERSATION_INFERENCE };
}

const exampleLine = (e: Example) => `- [${e.intent}] ${JSON.stringify(e.text)}`;

/** `n` examples for one item: its intent in its language first, then its intent, then the pool in file order. */
function itemExamples(pool: Example[], spec: ConversationSpec, n: number): Example[] {
  if (n <= 0 || pool.length === 0) return [];
  const order = [
    ...pool.filter((e) => e.intent === spec.intent && languageOf(e.text) === spec.language),
    ...pool.filter((e) => e.intent === spec.intent && languageOf(e.text) !== spec.language),
    ...pool.filter((e) => e.intent !== spec.intent),
  ];
  return order.slice(0, n);
}

/** Cheap language guess for picking examples: Spanish punctuation and function words. */
function languageOf(text: string): Language {
  return /[¿¡ñáéíóú]|\b(que|los|las|una|por|para|pero|tengo|hace|sigue|el|la)\b/i.test(text) ? 'es' : 'en';
}
