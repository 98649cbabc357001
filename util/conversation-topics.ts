// Agent-question topics (amount, card digits, date…) and the intents each fits, from data/conversation-topics.json.
import { existsSync } from 'node:fs';
import { dataPath, loadData } from './paths.js';

export interface TopicSource {
  /** The fact the question asks for; a question is not asked again once the customer gave it. */
  slot?: string;
  /** A fact the question repeats back ("was this on Tuesday?"): only asked once the customer gave it. */
  requires?: string;
  en: string;
  es: string;
  intents: string[];
}
export interface TopicsFile {
  kinds: { problem: string[] };
  topics: Record<string, TopicSource>;
}

export interface Topic extends TopicSource {
  name: string;
  re: { en: RegExp; es: RegExp };
  fits: ReadonlySet<string>;
}

let cached: { topics: Topic[]; problem: ReadonlySet<string> } | undefined;

/** The topic table; undefined when the data file is absent (checks that need it are then skipped). */
export function loadTopics(): { topics: Topic[]; problem: ReadonlySet<string> } | undefined {
  if (cached) return cached;
  if (!existsSync(dataPath('conversation-topics.json'))) return undefined;
  const f = loadData<TopicsFile>('conversation-topics.json');
  const topics = Object.entries(f.topics).map(([name, t]) => ({
    ...t,
    name,
    re: { en: new RegExp(t.en, 'iu'), es: new RegExp(t.es, 'iu') },
    fits: new Set(t.intents),
  }));
  cached = { topics, problem: new Set(f.kinds.problem) };
  return cached;
}
