// The offline conversation provider: renders a ConversationSpec into a Conversation from the phrase grammar.
import type { Conversation, ConversationSpec, Turn } from '../../../util/records.js';
import type { Rng } from '../../../util/rng.js';
import { InputError } from '../../../util/errors.js';
import { grammar, type ArcSource, type CompiledLang } from './grammar.js';
import { SlotBinder, type Dialect } from './slots.js';
import { renderTemplate, tidy, type RenderScope, type Template } from './template.js';
import { applyNoise } from './noise.js';
import { paraphrase } from './paraphrase.js';
import { chooseTurnCount, planExchanges } from './turns.js';

/** Derived at build time from this generator's code and data/grammar: part of every offline item key. */
export { OFFLINE_CONVERSATION_VERSION } from './version.js';

type Pair = readonly [Template, Template];

/** Turns a first-person possessive at the start of a slot value into the agent's second person. */
export function agentPerspective(value: string, language: 'en' | 'es', register: 0 | 1): string {
  if (language === 'en') return value.replace(/^my\b/i, 'your').replace(/^me\b/i, 'you');
  const formal = register === 1;
  return value.replace(/^mis\b/i, formal ? 'sus' : 'tus').replace(/^mi\b/i, formal ? 'su' : 'tu');
}

export function generateConversation(spec: ConversationSpec, rng: Rng): Conversation {
  const g = grammar();
  const L = g.lang[spec.language];
  const intent = L.intents.get(spec.intent);
  if (!intent) throw new InputError(`no offline grammar for intent '${spec.intent}' (${spec.language})`);

  const dialect: Dialect = spec.language === 'en' ? (rng.chance(0.5) ? 'en-US' : 'en-GB') : rng.chance(0.5) ? 'es-MX' : 'es-ES';
  const register: 0 | 1 = spec.language === 'es' && rng.chance(0.4) ? 1 : 0;
  const slots = new SlotBinder(rng.fork('slots'), dialect, g.slots);
  const scope: RenderScope = { rng, register, slot: (n) => slots.get(n) };
  const say = (t: Template): string => renderTemplate(t, scope);
  // Slot values are written from the customer's side ("my landlord"); the agent says "your landlord".
  const agentScope: RenderScope = { rng, register, slot: (n) => agentPerspective(slots.get(n), spec.language, register) };
  const sayAgent = (t: Template): string => renderTemplate(t, agentScope);
  const sayOne = (ts: readonly Template[] | undefined): string => (ts && ts.length > 0 ? say(rng.pick(ts)) : '');
  const join = (...parts: string[]): string => tidy(parts.filter((p) => p !== '').join(' '));
  const customer = (text: string): Turn => ({ speaker: 'customer', text: applyNoise(paraphrase(text, dialect, rng), spec.language, spec.noise, rng) });
  const agent = (text: string): Turn => ({ speaker: 'agent', text });

  const arc = pickArc(g.arcs[spec.sentiment], rng);
  const turnCount = chooseTurnCount(spec.complexity, spec.turns, rng);
  const exchanges = planExchanges(turnCount, spec.complexity, rng);
  const followups = followupQueue(L, spec.intent, spec.category, rng);

  const opening = (): string => {
    const emotional = arc.start !== 'neutral' && arc.start !== 'calm';
    const opener = rng.chance(emotional ? 0.6 : 0.2) ? sayOne(L.opener.get(arc.start)) : '';
    const greeting = rng.chance(0.4) ? sayOne(L.greeting) + rng.pick(['!', '.', ',']) : '';
    const ask = say(rng.pick(intent.ask));
    const wantsContext = spec.complexity === 'complex' ? 0.8 : spec.complexity === 'medium' ? 0.45 : 0.2;
    const context = rng.chance(wantsContext) ? sayOne(intent.context) : '';
    // Customers often add a concrete fact (amount, day, place); drawn from the category's own pool or the shared one.
    const detailPool = rng.chance(0.6) ? L.details.get(spec.category) : L.details.get('any');
    const detail = rng.chance(wantsContext + 0.2) ? sayOne(detailPool) : '';
    const closer = rng.chance(0.2) ? sayOne(L.closer) : '';
    const order = rng.int(0, 2);
    if (order === 0) return join(greeting, opener, context, ask, detail, closer);
    if (order === 1) return join(greeting, opener, ask, context, detail, closer);
    return join(greeting, opener, detail, ask, context, closer);
  };
  const agentAnswer = (lead: string, last: boolean): string => {
    const offer = !last && rng.chance(0.3) ? sayOne(L.agentOffer) : '';
    return join(lead, sayAgent(rng.pick(intent.answer)), offer);
  };

  const turns: Turn[] = [];
  exchanges.forEach((ex, i) => {
    const lastPair = i === exchanges.length - 1;
    const nextIsClosing = exchanges[i + 1] === 'closing';
    switch (ex) {
      case 'request':
        turns.push(customer(opening()));
        turns.push(agent(agentAnswer(join(rng.chance(0.4) ? sayOne(L.agentGreeting) : '', sayOne(L.agentAck.get(arc.start))), lastPair || !nextIsClosing)));
        break;
      case 'clarify': {
        const [q, a] = rng.pick([...L.clarify, ...(L.categoryClarify.get(spec.category) ?? [])]);
        turns.push(customer(opening()));
        turns.push(agent(join(rng.chance(0.4) ? sayOne(L.agentGreeting) : '', sayOne(L.agentAck.get(arc.start)), say(q))));
        turns.push(customer(say(a)));
        turns.push(agent(agentAnswer(sayOne(L.afterClarify), !nextIsClosing)));
        break;
      }
      case 'answer-after-clarify':
        break; // rendered together with 'clarify' so the question and its answer stay paired
      case 'followup': {
        const [q, a] = followups.next();
        const mood = i < exchanges.length / 2 ? arc.start : arc.end;
        const lead = rng.chance(0.45) ? sayOne(L.followupLead.get(mood)) : '';
        turns.push(customer(join(lead, say(q))));
        turns.push(agent(say(a)));
        break;
      }
      case 'closing':
        // Real chat sign-offs are mostly a word or two ("Cheers", "Sale, gracias"); the full closing line is kept for 40 %.
        turns.push(customer(rng.chance(0.6) ? sayOne(L.closingShort) : sayOne(L.closing.get(arc.end))));
        turns.push(agent(sayOne(L.agentClose.get(arc.resolution))));
        break;
    }
  });
  // An odd turn count ends on the customer's closing words.
  turns.length = Math.min(turns.length, turnCount);

  return {
    conversation_id: spec.conversation_id,
    intent: spec.intent,
    category: spec.category,
    sentiment: spec.sentiment,
    complexity: spec.complexity,
    emotion_arc: arc.arc,
    language: spec.language,
    turn_count: turns.length,
    resolution_status: arc.resolution,
    turns,
    // No version in the record: it is a code hash, and records naming it would change on every refactor.
    meta: { generator: 'offline', dialect, register: register === 1 ? 'formal' : 'informal' },
  };
}

function pickArc(arcs: readonly ArcSource[], rng: Rng): ArcSource {
  return arcs[rng.weightedIndex(arcs.map((a) => a.weight ?? 1))] as ArcSource;
}

/** Follow-up pairs in the order they will be used: intent's own first, then its category's, then generic. */
function followupQueue(L: CompiledLang, intent: string, category: string, rng: Rng): { next(): Pair } {
  const own = rng.shuffle([...(L.intents.get(intent)?.followups ?? [])]);
  const cat = rng.shuffle([...(L.categoryFollowups.get(category) ?? [])]);
  const generic = rng.shuffle([...L.followups]);
  const queue: Pair[] = [...own, ...cat, ...generic];
  let i = 0;
  return {
    next: () => {
      const p = queue[i % queue.length];
      i++;
      if (!p) throw new Error('grammar has no follow-up pairs');
      return p;
    },
  };
}
