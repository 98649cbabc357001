// Loads the hand-written phrase grammar (data/grammar/*.json) once and compiles every template in it.
import { readdirSync } from 'node:fs';
import { dataPath, loadData } from '../../../util/paths.js';
import type { Language, Sentiment } from '../../../util/records.js';
import { compileTemplate, type Template } from './template.js';
import type { SlotTables } from './slots.js';

type Pair<T> = readonly [T, T];

export interface IntentLangSource {
  ask: string[];
  context?: string[];
  answer: string[];
  followups?: Array<Pair<string>>;
}
export interface CategorySource {
  category: string;
  followups: Record<Language, Array<Pair<string>>>;
  /** Clarifying questions (agent) and answers (customer) that fit this category's intents. */
  clarify?: Record<Language, Array<Pair<string>>>;
  intents: Record<string, Record<Language, IntentLangSource>>;
}
export interface ArcSource {
  arc: string;
  start: string;
  end: string;
  resolution: string;
  weight?: number;
}
export interface LangCommonSource {
  greeting: string[];
  opener: Record<string, string[]>;
  closer: string[];
  agent_greeting: string[];
  agent_ack: Record<string, string[]>;
  clarify: Array<Pair<string>>;
  after_clarify: string[];
  followups: Array<Pair<string>>;
  followup_lead: Record<string, string[]>;
  closing: Record<string, string[]>;
  agent_close: Record<string, string[]>;
  agent_offer: string[];
  /** Factual detail sentences (amount, date, place…) by category id, plus 'any' for all. */
  details?: Record<string, string[]>;
  /** One- or two-word sign-offs that replace the full closing turn some of the time. */
  closing_short?: string[];
}
export interface CommonSource {
  slots: SlotTables;
  arcs: Record<Sentiment, ArcSource[]>;
  en: LangCommonSource;
  es: LangCommonSource;
}

export interface CompiledIntent {
  ask: Template[];
  context: Template[];
  answer: Template[];
  followups: Array<Pair<Template>>;
}
export interface CompiledLang {
  greeting: Template[];
  opener: Map<string, Template[]>;
  closer: Template[];
  agentGreeting: Template[];
  agentAck: Map<string, Template[]>;
  clarify: Array<Pair<Template>>;
  afterClarify: Template[];
  followups: Array<Pair<Template>>;
  followupLead: Map<string, Template[]>;
  closing: Map<string, Template[]>;
  agentClose: Map<string, Template[]>;
  agentOffer: Template[];
  details: Map<string, Template[]>;
  closingShort: Template[];
  /** intent → its own templates. */
  intents: Map<string, CompiledIntent>;
  /** category id → follow-up pairs shared by its intents. */
  categoryFollowups: Map<string, Array<Pair<Template>>>;
  /** category id → clarifying pairs specific to it (joined with the generic ones). */
  categoryClarify: Map<string, Array<Pair<Template>>>;
}
export interface CompiledGrammar {
  slots: SlotTables;
  arcs: Record<Sentiment, ArcSource[]>;
  lang: Record<Language, CompiledLang>;
}

const all = (xs: readonly string[] | undefined): Template[] => (xs ?? []).map(compileTemplate);
const pairs = (xs: ReadonlyArray<Pair<string>> | undefined): Array<Pair<Template>> =>
  (xs ?? []).map(([q, a]) => [compileTemplate(q), compileTemplate(a)] as const);
const map = (rec: Record<string, string[]>): Map<string, Template[]> => new Map(Object.entries(rec).map(([k, v]) => [k, all(v)]));

/** Reads the category files listed in data/grammar (everything but common.json). */
export function loadCategorySources(): CategorySource[] {
  const files = readdirSync(dataPath('grammar'))
    .filter((f) => f.endsWith('.json') && f !== 'common.json')
    .sort();
  return files.map((f) => loadData<CategorySource>('grammar', f));
}

let compiled: CompiledGrammar | undefined;

/** The compiled grammar; built on first use and kept for the life of the process. */
export function grammar(): CompiledGrammar {
  if (compiled) return compiled;
  const common = loadData<CommonSource>('grammar', 'common.json');
  const categories = loadCategorySources();
  const build = (lang: Language): CompiledLang => {
    const c = common[lang];
    const intents = new Map<string, CompiledIntent>();
    const categoryFollowups = new Map<string, Array<Pair<Template>>>();
    const categoryClarify = new Map<string, Array<Pair<Template>>>();
    for (const cat of categories) {
      categoryFollowups.set(cat.category, pairs(cat.followups[lang]));
      categoryClarify.set(cat.category, pairs(cat.clarify?.[lang]));
      for (const [name, byLang] of Object.entries(cat.intents)) {
        const src = byLang[lang];
        intents.set(name, { ask: all(src.ask), context: all(src.context), answer: all(src.answer), followups: pairs(src.followups) });
      }
    }
    return {
      greeting: all(c.greeting),
      opener: map(c.opener),
      closer: all(c.closer),
      agentGreeting: all(c.agent_greeting),
      agentAck: map(c.agent_ack),
      clarify: pairs(c.clarify),
      afterClarify: all(c.after_clarify),
      followups: pairs(c.followups),
      followupLead: map(c.followup_lead),
      closing: map(c.closing),
      agentClose: map(c.agent_close),
      agentOffer: all(c.agent_offer),
      details: map(c.details ?? {}),
      closingShort: all(c.closing_short),
      intents,
      categoryFollowups,
      categoryClarify,
    };
  };
  compiled = { slots: common.slots, arcs: common.arcs, lang: { en: build('en'), es: build('es') } };
  return compiled;
}
