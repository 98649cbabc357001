// Aggregates of a stored conversations.jsonl (one streaming pass) and a seeded reservoir sample of whole conversations.
import { readFileSync } from 'node:fs';
import { loadData } from '../../util/paths.js';
import { createRng } from '../../util/rng.js';
import { readJsonl } from '../../util/tabular.js';
import { Reservoir } from '../../metrics/reservoir.js';
import { tokenize } from '../../metrics/text.js';
import { LENGTH_EDGES, lengthBin, type TextProfile } from '../../metrics/text-profile.js';
import type { Conversation } from '../../util/records.js';
import type { SampleConversation } from '../types.js';

export interface ConversationsData {
  count: number;
  targets: Record<string, Record<string, number>>;
  intents: Record<string, number>;
  categories: Record<string, number>;
  /** Category of each intent seen, for the intent chart's colours. */
  intentCategory: Record<string, string>;
  /** `${row}\u0000${col}` → count. */
  languageBySentiment: Record<string, number>;
  complexityBySentiment: Record<string, number>;
  turns: Record<string, number>;
  /** Words per customer turn over LENGTH_EDGES, by language; the reference profile's histogram beside them. */
  customerTurnWords: Record<string, number[]>;
  reference: { source: string; language: string; turnWords: number[] };
  edges: readonly number[];
  sample: SampleConversation[];
}

/** Conversations kept for the browsable sample: enough to filter by intent and language, small on 100k datasets. */
export const SAMPLE_SIZE = 300;

export async function gatherConversations(file: string, generationFile: string | undefined, seed: number): Promise<ConversationsData> {
  const d: ConversationsData = {
    count: 0,
    targets: {},
    intents: {},
    categories: {},
    intentCategory: {},
    languageBySentiment: {},
    complexityBySentiment: {},
    turns: {},
    customerTurnWords: {},
    reference: referenceOf(loadData<TextProfile>('profiles', 'banking77.json')),
    edges: LENGTH_EDGES,
    sample: [],
  };
  if (generationFile) {
    const g = JSON.parse(readFileSync(generationFile, 'utf8')) as { targets?: Record<string, Record<string, number> | null> };
    for (const [k, v] of Object.entries(g.targets ?? {})) if (v) d.targets[k] = v;
  }
  const bump = (m: Record<string, number>, k: string) => (m[k] = (m[k] ?? 0) + 1);
  // Seeded from the pipeline's seed: the same run gives the same sample, so two reports of it compare.
  const reservoir = new Reservoir<SampleConversation>(SAMPLE_SIZE, createRng(seed, 'report-sample'));
  for await (const c of readJsonl<Conversation>(file, { onInvalid: 'skip' })) {
    d.count++;
    bump(d.intents, String(c.intent));
    bump(d.categories, String(c.category));
    d.intentCategory[String(c.intent)] = String(c.category);
    bump(d.languageBySentiment, `${c.language}\u0000${c.sentiment}`);
    bump(d.complexityBySentiment, `${c.complexity}\u0000${c.sentiment}`);
    bump(d.turns, String(Array.isArray(c.turns) ? c.turns.length : c.turn_count));
    const hist = (d.customerTurnWords[String(c.language)] ??= new Array<number>(LENGTH_EDGES.length).fill(0));
    for (const t of c.turns ?? []) if (t.speaker === 'customer') hist[lengthBin(tokenize(t.text).length)]!++;
    reservoir.offer(() => ({
      id: String(c.conversation_id),
      intent: String(c.intent),
      category: String(c.category),
      language: String(c.language),
      sentiment: String(c.sentiment),
      complexity: String(c.complexity),
      resolution: String(c.resolution_status),
      turns: (c.turns ?? []).map((t) => [t.speaker, t.text] as [string, string]),
    }));
  }
  d.sample = reservoir.items.sort((a, b) => a.id.localeCompare(b.id));
  return d;
}

function referenceOf(p: TextProfile): ConversationsData['reference'] {
  return { source: p.source, language: p.language, turnWords: p.turn_words };
}
