// The LLM prompt for a batch of conversation specs, built from data/prompts/conversations.json.
import type { ChatRequest } from '../contract.js';
import type { ConversationSpec, Language } from '../../util/records.js';
import { canonicalJson } from '../../util/canonical-json.js';
import { sha256 } from '../../util/hash.js';
import { loadData } from '../../util/paths.js';
import { prefixedRequest } from './prefixed-request.js';

interface PromptTemplate {
  version: string;
  system: { common: string; languages: Record<Language, string> };
  instructions: string;
  catalogue_header: string;
  output: string;
  request: string;
  item: string;
  examples_header: string;
  examples: Array<{ text: string; intent: string }>;
}

interface IntentCatalogue {
  intents: Array<{ name: string; category: string; description_en?: string; description_es?: string }>;
}

const template = (): PromptTemplate => loadData<PromptTemplate>('prompts', 'conversations.json');

let catalogue: IntentCatalogue['intents'] | undefined;
function intentCatalogue(): IntentCatalogue['intents'] {
  if (!catalogue) {
    try {
      catalogue = loadData<IntentCatalogue>('intents.json').intents;
    } catch {
      // Without the catalogue the spec alone still asks for the right intent.
      catalogue = [];
    }
  }
  return catalogue;
}

/** The spec fields the model (and the fake server) read; `index` is plan bookkeeping, not content. */
function specJson(spec: ConversationSpec): string {
  const { conversation_id, intent, category, language, sentiment, complexity, turns, noise } = spec;
  return canonicalJson({ conversation_id, intent, category, language, sentiment, complexity, turns, noise });
}

/** An item's line; without the intent list in the prefix, it carries its intent's description itself. */
function itemLine(t: PromptTemplate, spec: ConversationSpec, scope: PromptScope): string {
  const d = scope.intentList === false ? describe(spec.intent, spec.language) : undefined;
  return t.item.replace('{spec}', specJson(spec)).replace('{description}', d ? ` ${d}` : '');
}

function describe(intent: string, language: Language): string | undefined {
  const i = intentCatalogue().find((x) => x.name === intent);
  return language === 'en' ? i?.description_en : i?.description_es;
}

export type Example = { text: string; intent: string };
export interface FewShot {
  /** The user's examples (a CSV's rows); the template's own when absent. */
  examples?: Example[];
  /** Examples per item (of its own intent first). */
  fewShot: number;
}

/**
 * What every request of a step shares: the intents and languages it generates (default: the whole catalogue, both
 * languages). It decides the static prefix, so it must be the step's, not a batch's, or the prefix would not be shared.
 */
export interface PromptScope {
  intents?: readonly string[];
  languages?: readonly Language[];
  /**
   * The intent list (with descriptions) in the prefix (default true). It is what makes the prefix long enough to
   * cache; for a model that can't cache it (no caching, or a minimum above it) it is left out and each item line
   * carries its own intent's description instead, so uncached requests stay ~3.4× smaller.
   */
  intentList?: boolean;
}

export type ConversationPromptOptions = FewShot & PromptScope;

/** Sampling settings sent with every batch: part of each item's key, since they shape the answer. */
export const CONVERSATION_INFERENCE = { temperature: 0.9 } as const;

/**
 * The static prefix of every request of a step: persona, the step's language notes, instructions, the intent list
 * (with descriptions in the step's languages) and the output format. Nothing in it depends on the batch, so Bedrock
 * can cache it; the intent list is what makes it long enough to reach a model's minimum cacheable length.
 */
export function conversationPrefix(scope: PromptScope = {}): string {
  const t = template();
  const languages = [...new Set(scope.languages ?? (['en', 'es'] as const))].sort();
  const wanted = scope.intents ? new Set(scope.intents) : undefined;
  const intents = intentCatalogue().filter((i) => !wanted || wanted.has(i.name));
  const describeAll = (i: IntentCatalogue['intents'][number]) =>
    languages.map((l) => (l === 'en' ? i.description_en : i.description_es)).filter(Boolean).join(' / ');
  const list = scope.intentList === false ? [] : intents.map((i) => `- ${i.name} (${i.category})${describeAll(i) ? `: ${describeAll(i)}` : ''}`);
  return [
    t.system.common,
    ...languages.map((l) => t.system.languages[l]),
    t.instructions,
    ...(list.length ? [[t.catalogue_header, ...list].join('\n')] : []),
    t.output,
  ].join('\n\n');
}

/**
 * Everything in the request that shapes this one item: template version, the step's static prefix (by hash: it is
 * the same for every item), its own line and its own few-shot examples. Hashed into the item's checkpoint key (with
 * the model identity and CONVERSATION_INFERENCE), so editing any of it regenerates exactly the items it affects.
 */
export function conversationItemPrompt(spec: ConversationSpec, opts: ConversationPromptOptions = { fewShot: 0 }): string {
  const t = template();
  const examples = itemExamples(opts.examples ?? t.examples, spec, opts.fewShot).map(exampleLine);
  return [`v${t.version}`, `prefix ${prefixHash(opts)}`, itemLine(t, spec, opts), ...examples].join('\n');
}

// Keys are computed for every item of a step with the same scope: build and hash its prefix once.
let lastPrefix: { scope: string; hash: string } | undefined;
function prefixHash(scope: PromptScope): string {
  const id = JSON.stringify([scope.intents ?? null, scope.languages ?? null, scope.intentList !== false]);
  if (lastPrefix?.scope !== id) lastPrefix = { scope: id, hash: sha256(conversationPrefix(scope)) };
  return lastPrefix.hash;
}

/**
 * Whether the intent list goes in the prefix for a model caching prefixes of at least `minTokens` (undefined: it
 * can't cache): only when the prefix with it reaches that minimum, as the provider counts tokens (~4 chars each).
 */
export function withIntentList(scope: PromptScope, minTokens: number | undefined): boolean {
  return minTokens !== undefined && Math.ceil(conversationPrefix({ ...scope, intentList: true }).length / 4) >= minTokens;
}

/** Output budget per item: a turn is rarely over 60 tokens, plus ~100 for the JSON fields. */
export function conversationMaxTokens(specs: ConversationSpec[]): number {
  return Math.max(512, specs.reduce((a, s) => a + 100 + s.turns.max * 60, 0));
}

export function renderConversationBatch(specs: ConversationSpec[], opts: ConversationPromptOptions): ChatRequest {
  const t = template();
  const count = String(specs.length);
  // Each item brings its own examples (so they can be part of its key); the batch shows each one once.
  const shots = [...new Set(specs.flatMap((s) => itemExamples(opts.examples ?? t.examples, s, opts.fewShot).map(exampleLine)))];
  const parts = [t.request.replaceAll('{count}', count)];
  if (shots.length) parts.push([t.examples_header, ...shots].join('\n'));
  parts.push(['Items:', ...specs.map((s) => itemLine(t, s, opts))].join('\n'));
  return prefixedRequest({ prefix: conversationPrefix(opts), suffix: parts.join('\n\n'), maxTokens: conversationMaxTokens(specs), ...CONVERSATION_INFERENCE });
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
