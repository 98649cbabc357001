// Loads the hand-written phrase grammar (data/grammar/*.json) once and compiles every template in it.
import { readdirSync } from 'node:fs';
import { dataPath, loadData } from '../../../util/paths.js';
import type { Language, Sentiment } from '../../../util/records.js';
import { loadTopics, type Topic } from '../../../util/conversation-topics.js';
import { compileTemplate, templateSlots, type Template } from './template.js';
import type { SlotTables } from './slots.js';

type Pair<T> = readonly [T, T];

/** A clarifying question scoped to a topic (data/conversation-topics.json says which intents it fits). */
export interface TopicPairSource {
  q: string;
  a: string;
  topic: string;
}
/** A generic follow-up: `problem` ones only make sense when something went wrong ("And if it happens again?"). */
export interface ScopedPairSource {
  q: string;
  a: string;
  for: 'any' | 'problem';
}

/**
 * Answers for first messages the intent's general answers would miss: when the customer's words match `when` (a
 * case-insensitive regular expression over the ask, context and detail as written), the agent answers from these
 * instead. "Can other people top up with their card?" was answered "The card must be in your name" after "Sure
 * thing" (review 2026-12-07, #27): each kind of question an intent gets needs an answer that answers it.
 */
export interface AnswerWhenSource {
  when: string;
  answer: string[];
}
export interface IntentLangSource {
  ask: string[];
  context?: string[];
  answer: string[];
  answer_when?: AnswerWhenSource[];
  followups?: Array<Pair<string>>;
}
export interface CategorySource {
  category: string;
  followups: Record<Language, Array<Pair<string>>>;
  /** Clarifying questions (agent) and answers (customer) that fit this category's intents. */
  clarify?: Record<Language, TopicPairSource[]>;
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
  clarify: TopicPairSource[];
  after_clarify: string[];
  followups: ScopedPairSource[];
  followup_lead: Record<string, string[]>;
  closing: Record<string, string[]>;
  agent_close: Record<string, string[]>;
  agent_offer: string[];
  /** Factual detail sentences (amount, date, place…) by category id, plus 'any' for all. */
  details?: Record<string, string[]>;
  /** One- or two-word sign-offs that replace the full closing turn some of the time. */
  closing_short?: string[];
  /** A positive customer's last words: praise a reader sees at once, not a bare "Ok thanks" (2026-12-02 review). */
  closing_positive?: string[];
  /** Parts of the final agent turn of a resolved conversation: reply to thanks, recap by category, offer, sign-off. */
  close_reply: string[];
  /** Replies that presuppose thanks ("You're welcome!"): only after a customer who thanked. */
  close_reply_thanks: string[];
  close_recap: Record<string, string[]>;
  close_offer: string[];
  close_signoff: string[];
  /** What the agent says before answering again a customer who said the last answer did not help. */
  followup_ack?: string[];
  /** A customer's reaction to what the agent's last turn did (no, steps, action, wait): a follow-up's lead. */
  reaction?: Record<string, string[]>;
  /** A customer's last words after the agent's last turn did one of those things. */
  closing_after?: Record<string, string[]>;
}
export interface CommonSource {
  slots: SlotTables;
  arcs: Record<Sentiment, ArcSource[]>;
  en: LangCommonSource;
  es: LangCommonSource;
}

/** A compiled template with the slots it mentions. */
export interface AgentLine {
  t: Template;
  slots: ReadonlySet<string>;
}
export interface TopicPair {
  q: AgentLine;
  a: Template;
  /** The facts the customer's reply gives: the question is only worth asking when the answer then uses one. */
  aSlots: ReadonlySet<string>;
  topic: Topic;
}
export interface ScopedPair {
  q: Template;
  a: AgentLine;
  problemOnly: boolean;
}

export interface AnswerWhen {
  when: RegExp;
  answer: AgentLine[];
}
export interface CompiledIntent {
  ask: Template[];
  context: Template[];
  answer: AgentLine[];
  /** Answers for the first messages that match, tried in order before the general ones. */
  answerWhen: AnswerWhen[];
  /** Every slot any of its answers mentions. */
  answerSlots: ReadonlySet<string>;
  /** Every slot its own asks, contexts and answers mention: the facts this intent's story is made of. */
  ownSlots: ReadonlySet<string>;
  followups: Array<Pair<Template>>;
}
export interface CompiledLang {
  greeting: Template[];
  opener: Map<string, Template[]>;
  closer: Template[];
  agentGreeting: Template[];
  agentAck: Map<string, Template[]>;
  clarify: TopicPair[];
  afterClarify: Template[];
  followups: ScopedPair[];
  followupLead: Map<string, Template[]>;
  closing: Map<string, Template[]>;
  agentClose: Map<string, Template[]>;
  agentOffer: Template[];
  details: Map<string, Template[]>;
  closingShort: Template[];
  closingPositive: Template[];
  closeReply: Template[];
  closeReplyThanks: Template[];
  closeRecap: Map<string, Template[]>;
  closeOffer: Template[];
  closeSignoff: Template[];
  followupAck: Template[];
  reaction: Map<string, Template[]>;
  closingAfter: Map<string, Template[]>;
  /** intent → its own templates. */
  intents: Map<string, CompiledIntent>;
  /** category id → follow-up pairs shared by its intents. */
  categoryFollowups: Map<string, Array<Pair<Template>>>;
  /** category id → clarifying pairs specific to it (joined with the generic ones). */
  categoryClarify: Map<string, TopicPair[]>;
}
export interface CompiledGrammar {
  slots: SlotTables;
  /** Intents where something went wrong (a complaint, not a how-to question). */
  problem: ReadonlySet<string>;
  arcs: Record<Sentiment, ArcSource[]>;
  lang: Record<Language, CompiledLang>;
}

const all = (xs: readonly string[] | undefined): Template[] => (xs ?? []).map(compileTemplate);
const pairs = (xs: ReadonlyArray<Pair<string>> | undefined): Array<Pair<Template>> =>
  (xs ?? []).map(([q, a]) => [compileTemplate(q), compileTemplate(a)] as const);
const line = (src: string): AgentLine => {
  const t = compileTemplate(src);
  return { t, slots: templateSlots(t) };
};
const map = (rec: Record<string, string[]>): Map<string, Template[]> => new Map(Object.entries(rec).map(([k, v]) => [k, all(v)]));

/** Reads the category files listed in data/grammar (everything but common.json). */
export function loadCategorySources(): CategorySource[] {
  const files = readdirSync(dataPath('grammar'))
    .filter((f) => f.endsWith('.json') && f !== 'common.json')
    .sort();
  return files.map((f) => loadData<CategorySource>('grammar', f));
}

/** An `answer_when` pattern; a malformed one is a bug in the shipped grammar, named with its intent. */
function whenPattern(src: string, intent: string): RegExp {
  try {
    return new RegExp(src, 'iu');
  } catch (e) {
    throw new Error(`grammar: bad answer_when pattern for ${intent}: ${src} (${(e as Error).message})`);
  }
}

/** The answers for a first message: those of the first `answer_when` entry it matches, else the intent's own. */
export function answersFor(intent: CompiledIntent, stated: string): AgentLine[] {
  return intent.answerWhen.find((w) => w.answer.length > 0 && w.when.test(stated))?.answer ?? intent.answer;
}

let compiled: CompiledGrammar | undefined;

/** The compiled grammar; built on first use and kept for the life of the process. */
export function grammar(): CompiledGrammar {
  if (compiled) return compiled;
  const common = loadData<CommonSource>('grammar', 'common.json');
  const categories = loadCategorySources();
  const topicTable = loadTopics();
  if (!topicTable) throw new Error('data/conversation-topics.json is missing');
  const topicByName = new Map(topicTable.topics.map((t) => [t.name, t]));
  const topicPairs = (xs: readonly TopicPairSource[] | undefined): TopicPair[] =>
    (xs ?? []).map((x) => {
      const topic = topicByName.get(x.topic);
      if (!topic) throw new Error(`grammar: unknown topic '${x.topic}' in clarifying question: ${x.q}`);
      const a = compileTemplate(x.a);
      return { q: line(x.q), a, aSlots: templateSlots(a), topic };
    });
  const build = (lang: Language): CompiledLang => {
    const c = common[lang];
    const intents = new Map<string, CompiledIntent>();
    const categoryFollowups = new Map<string, Array<Pair<Template>>>();
    const categoryClarify = new Map<string, TopicPair[]>();
    for (const cat of categories) {
      categoryFollowups.set(cat.category, pairs(cat.followups[lang]));
      categoryClarify.set(cat.category, topicPairs(cat.clarify?.[lang]));
      for (const [name, byLang] of Object.entries(cat.intents)) {
        const src = byLang[lang];
        const answer = src.answer.map(line);
        const answerWhen = (src.answer_when ?? []).map((w) => ({ when: whenPattern(w.when, name), answer: w.answer.map(line) }));
        const answerSlots = new Set([...answer, ...answerWhen.flatMap((w) => w.answer)].flatMap((l) => [...l.slots]));
        const ask = all(src.ask);
        const context = all(src.context);
        const ownSlots = new Set([...answerSlots, ...[...ask, ...context].flatMap((t) => [...templateSlots(t)])]);
        intents.set(name, { ask, context, answer, answerWhen, answerSlots, ownSlots, followups: pairs(src.followups) });
      }
    }
    return {
      greeting: all(c.greeting),
      opener: map(c.opener),
      closer: all(c.closer),
      agentGreeting: all(c.agent_greeting),
      agentAck: map(c.agent_ack),
      clarify: topicPairs(c.clarify),
      afterClarify: all(c.after_clarify),
      followups: c.followups.map((f) => ({ q: compileTemplate(f.q), a: line(f.a), problemOnly: f.for === 'problem' })),
      followupLead: map(c.followup_lead),
      closing: map(c.closing),
      agentClose: map(c.agent_close),
      agentOffer: all(c.agent_offer),
      details: map(c.details ?? {}),
      closingShort: all(c.closing_short),
      closingPositive: all(c.closing_positive),
      closeReply: all(c.close_reply),
      closeReplyThanks: all(c.close_reply_thanks),
      closeRecap: map(c.close_recap),
      closeOffer: all(c.close_offer),
      closeSignoff: all(c.close_signoff),
      followupAck: all(c.followup_ack),
      reaction: map(c.reaction ?? {}),
      closingAfter: map(c.closing_after ?? {}),
      intents,
      categoryFollowups,
      categoryClarify,
    };
  };
  compiled = { slots: common.slots, problem: topicTable.problem, arcs: common.arcs, lang: { en: build('en'), es: build('es') } };
  return compiled;
}
