// What the fake Bedrock "model" answers: conversations for the item specs embedded in the prompt.
import type { ConversationSpec, Conversation, Turn } from '../../util/records.js';
import type { Rng } from '../../util/rng.js';

type Generator = (spec: ConversationSpec, rng: Rng) => Conversation;

let generator: Generator | undefined;

// The offline grammar generator is preferred; the specifier is a variable so this file still compiles
// (and the fake still answers) in a checkout where the offline provider is absent or broken.
async function loadGenerator(): Promise<Generator> {
  if (generator) return generator;
  const specifier = '../../providers/offline/conversations/index.js';
  try {
    const mod = (await import(specifier)) as { generateConversation?: Generator };
    generator = typeof mod.generateConversation === 'function' ? mod.generateConversation : simpleConversation;
  } catch {
    generator = simpleConversation;
  }
  return generator;
}

/** Item specs are embedded in the prompt as `<item>{json}</item>` (see providers/llm/conversation-prompt.ts). */
export function specsInPrompt(text: string): ConversationSpec[] {
  const out: ConversationSpec[] = [];
  for (const m of text.matchAll(/<item>(\{.*?\})<\/item>/g)) {
    try {
      const s = JSON.parse(m[1] as string) as Partial<ConversationSpec>;
      if (typeof s.conversation_id === 'string') out.push(normalizeSpec(s));
    } catch {
      // A spec the fake cannot read is simply not answered, like a model skipping an item.
    }
  }
  return out;
}

function normalizeSpec(s: Partial<ConversationSpec>): ConversationSpec {
  return {
    index: s.index ?? 0,
    conversation_id: s.conversation_id as string,
    intent: s.intent ?? 'card_arrival',
    category: s.category ?? 'cards',
    language: s.language === 'es' ? 'es' : 'en',
    sentiment: s.sentiment ?? 'neutral',
    complexity: s.complexity ?? 'simple',
    turns: s.turns ?? { min: 2, max: 4 },
    noise: s.noise ?? 0,
  };
}

export async function answerConversations(specs: ConversationSpec[], rng: Rng): Promise<Conversation[]> {
  const gen = await loadGenerator();
  return specs.map((spec) => {
    let c: Conversation;
    try {
      c = gen(spec, rng.fork(spec.conversation_id));
    } catch {
      // The offline generator is someone else's work in progress; the fake must keep answering.
      c = simpleConversation(spec, rng.fork(spec.conversation_id));
    }
    // A real model does not echo generator metadata.
    const { meta: _meta, ...rest } = c;
    return rest;
  });
}

const LINES: Record<'en' | 'es', { customer: string[]; agent: string[] }> = {
  en: {
    customer: ['Hi, I need help with {intent}.', 'It still is not sorted, can you check again?', 'Thanks, that helps.'],
    agent: ['Happy to help with that. Let me check your account.', 'I have looked into it and fixed it on our side.', 'Anything else I can do?'],
  },
  es: {
    customer: ['Hola, necesito ayuda con {intent}.', 'Sigue sin resolverse, ¿puedes revisarlo otra vez?', 'Gracias, me sirve.'],
    agent: ['Claro, te ayudo. Reviso tu cuenta.', 'Lo he revisado y ya está corregido.', '¿Algo más en lo que te pueda ayudar?'],
  },
};

/** Fallback when the offline generator is unavailable: short, valid, alternating turns. */
function simpleConversation(spec: ConversationSpec, rng: Rng): Conversation {
  const n = rng.int(spec.turns.min, spec.turns.max);
  const lines = LINES[spec.language];
  const turns: Turn[] = [];
  for (let i = 0; i < n; i++) {
    const speaker = i % 2 === 0 ? 'customer' : 'agent';
    const pool = lines[speaker];
    turns.push({ speaker, text: (pool[Math.floor(i / 2) % pool.length] as string).replace('{intent}', spec.intent.replace(/_/g, ' ')) });
  }
  return {
    conversation_id: spec.conversation_id,
    intent: spec.intent,
    category: spec.category,
    sentiment: spec.sentiment,
    complexity: spec.complexity,
    emotion_arc: spec.sentiment === 'negative' ? 'frustrated_to_calm' : 'steady',
    language: spec.language,
    turn_count: turns.length,
    resolution_status: 'resolved',
    turns,
  };
}
