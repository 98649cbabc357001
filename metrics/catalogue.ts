// The shipped intent catalogue (data/intents.json) as lookups; absent catalogue → undefined, checks skipped.
import { existsSync } from 'node:fs';
import { dataPath, loadData } from '../util/paths.js';
import { normalizeIntent } from './text-profile.js';

interface IntentsFile {
  categories?: Array<{ id: string }>;
  intents?: Array<{ name: string; category: string }>;
}

export interface IntentCatalogue {
  /** normalised intent name → category id */
  intentCategory: Map<string, string>;
  /** intent names as spelled in the catalogue */
  intents: string[];
  categories: string[];
}

export function loadCatalogue(): IntentCatalogue | undefined {
  if (!existsSync(dataPath('intents.json'))) return undefined;
  const f = loadData<IntentsFile>('intents.json');
  const intents = (f.intents ?? []).filter((i) => typeof i.name === 'string');
  if (intents.length === 0) return undefined;
  return {
    intentCategory: new Map(intents.map((i) => [normalizeIntent(i.name), i.category])),
    intents: intents.map((i) => i.name),
    categories: (f.categories ?? []).map((c) => c.id),
  };
}
