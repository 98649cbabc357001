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

/**
 * Everything in the prompt that shapes this one item: template version, system text for its
 * language, instructions and its own line. Hashed into the item's checkpoint key, so editing any of
 * it regenerates exactly the items it affects. (Few-shot examples are per batch and left out.)
 */
export function conversationItemPrompt(spec: ConversationSpec): string {
  const t = template();
  return [`v${t.version}`, t.system.common, t.system.languages[spec.language], t.instructions, t.output, itemLine(t, spec)].join('\n');
}

/** Output budget per item: a turn is rarely over 60 tokens, plus ~100 for the JSON fields. */
export function conversationMaxTokens(specs: ConversationSpec[]): number {
  return Math.max(512, specs.reduce((a, s) => a + 100 + s.turns.max * 60, 0));
}

export function renderConversationBatch(
  specs: ConversationSpec[],
  opts: { examples?: Array<{ text: string; intent: string }>; fewShot: number },
): ChatRequest {
  const t = template();
  const languages = [...new Set(specs.map((s) => s.language))].sort();
  const system = [t.system.common, ...languages.map((l) => t.system.languages[l])].join('\n\n');
  const count = String(specs.length);
  const shots = pickExamples(opts.examples ?? t.examples, specs, opts.fewShot);
  const parts = [t.instructions.replaceAll('{count}', count)];
  if (shots.length) parts.push([t.examples_header, ...shots.map((e) => `- [${e.intent}] ${JSON.stringify(e.text)}`)].join('\n'));
  parts.push(['Items:', ...specs.map((s) => itemLine(t, s))].join('\n'));
  parts.push(t.output.replaceAll('{count}', count));
  return { system, messages: [{ role: 'user', text: parts.join('\n\n') }], maxTokens: conversationMaxTokens(specs), temperature: 0.9 };
}

/** Examples of the batch's own intents first (one per intent, in item order), then others in file order. */
function pickExamples(pool: Array<{ text: string; intent: string }>, specs: ConversationSpec[], n: number) {
  if (n <= 0 || pool.length === 0) return [];
  const chosen: Array<{ text: string; intent: string }> = [];
  const used = new Set<number>();
  for (const s of specs) {
    if (chosen.length >= n) break;
    const free = (e: { intent: string }, j: number) => !used.has(j) && e.intent === s.intent;
    let i = pool.findIndex((e, j) => free(e, j) && languageOf(e.text) === s.language);
    if (i < 0) i = pool.findIndex(free);
    if (i >= 0) {
      used.add(i);
      chosen.push(pool[i] as { text: string; intent: string });
    }
  }
  for (let j = 0; j < pool.length && chosen.length < n; j++) {
    if (!used.has(j)) {
      used.add(j);
      chosen.push(pool[j] as { text: string; intent: string });
    }
  }
  return chosen;
}

/** Cheap language guess for picking examples: Spanish punctuation and function words. */
function languageOf(text: string): Language {
  return /[¿¡ñáéíóú]|\b(que|los|las|una|por|para|pero|tengo|hace|sigue|el|la)\b/i.test(text) ? 'es' : 'en';
}
