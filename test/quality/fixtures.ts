// Builds conversation datasets for quality/bias tests: clean and balanced, or with one planted defect.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCatalogue } from '../../metrics/catalogue.js';
import type { Conversation, Sentiment } from '../../util/records.js';
import { createRng } from '../../util/rng.js';

const FALLBACK_CATEGORIES = ['cards', 'transfers', 'top_ups', 'cash_atm', 'exchange', 'account_security', 'payments', 'refunds_disputes', 'fees', 'identity_verification', 'other'];

/** 77 intents with categories: the shipped catalogue when present, else made-up names. */
export function intents(): Array<{ name: string; category: string }> {
  const cat = loadCatalogue();
  if (cat) return cat.intents.map((name) => ({ name, category: cat.intentCategory.get(name.toLowerCase().replace(/[^a-z0-9_]/g, '')) as string }));
  return Array.from({ length: 77 }, (_, i) => ({ name: `intent_${i}`, category: FALLBACK_CATEGORIES[i % 11] as string }));
}

const EN_WORDS = 'card payment transfer account balance money app phone bank week yesterday today morning euros dollars pounds refund charge fee limit online shop store cash machine statement pending declined blocked new old virtual physical address name details number code pin password help please still again already never always since twice once really quite very'.split(' ');
const ES_WORDS = 'tarjeta pago transferencia cuenta saldo dinero aplicación teléfono banco semana ayer hoy mañana euros dólares reembolso cargo comisión límite tienda efectivo cajero extracto pendiente rechazado bloqueada nueva vieja virtual física dirección nombre datos número código contraseña ayuda todavía otra vez nunca siempre desde dos veces muy bastante'.split(' ');

export interface FixtureOptions {
  count?: number;
  seed?: number;
  /** Share of conversations replaced by copies of earlier ones. */
  duplicateRate?: number;
  /** Every Spanish conversation is negative. */
  spanishNegative?: boolean;
  /** Leave out this many intents entirely. */
  dropIntents?: number;
  /** The agent speaks first in every conversation. */
  agentFirst?: boolean;
}

export function makeConversations(o: FixtureOptions = {}): Conversation[] {
  const rng = createRng(o.seed ?? 7, 'fixtures');
  const all = intents().slice(0, 77 - (o.dropIntents ?? 0));
  const out: Conversation[] = [];
  const n = o.count ?? 770;
  for (let i = 0; i < n; i++) {
    const intent = all[i % all.length] as { name: string; category: string };
    const language = rng.chance(0.5) ? 'en' : 'es';
    const sentiment: Sentiment = o.spanishNegative && language === 'es' ? 'negative' : rng.pick(['positive', 'neutral', 'negative'] as const);
    const words = language === 'en' ? EN_WORDS : ES_WORDS;
    const phrase = (k: number) => Array.from({ length: k }, () => rng.pick(words)).join(' ');
    const customer = () =>
      language === 'en'
        ? `Hi, I have a problem with my ${phrase(rng.int(3, 9))} and it is ${rng.int(1, 999)} for the ${phrase(2)}?`
        : `Hola, tengo un problema con mi ${phrase(rng.int(3, 9))} y es de ${rng.int(1, 999)} para la ${phrase(2)}.`;
    const agent = () =>
      language === 'en'
        ? `Thank you for waiting, I can see the ${phrase(rng.int(4, 10))} and will ${phrase(3)} for you.`
        : `Gracias por esperar, puedo ver la ${phrase(rng.int(4, 10))} y voy a ${phrase(3)} para usted.`;
    const turnCount = 2 * rng.int(1, 3);
    const turns = Array.from({ length: turnCount }, (_, t) => {
      const customerTurn = o.agentFirst ? t % 2 === 1 : t % 2 === 0;
      return { speaker: customerTurn ? ('customer' as const) : ('agent' as const), text: customerTurn ? customer() : agent() };
    });
    out.push({
      conversation_id: `conv_${String(i).padStart(6, '0')}`,
      intent: intent.name,
      category: intent.category,
      sentiment,
      complexity: rng.pick(['simple', 'medium', 'complex'] as const),
      emotion_arc: 'stable',
      language,
      turn_count: turnCount,
      resolution_status: rng.pick(['resolved', 'escalated', 'unresolved']),
      turns,
    });
  }
  const dups = Math.round(n * (o.duplicateRate ?? 0));
  for (let k = 0; k < dups; k++) {
    const src = out[k] as Conversation;
    out[n - 1 - k] = { ...src, conversation_id: `conv_dup_${k}` };
  }
  return out;
}

/** Writes conversations.jsonl (+ generation.json with balanced targets) into a fresh temp folder. */
export function writeDataset(convs: readonly Conversation[], withGeneration = true): string {
  const dir = mkdtempSync(join(tmpdir(), 'genesis-quality-'));
  writeFileSync(join(dir, 'conversations.jsonl'), convs.map((c) => JSON.stringify(c)).join('\n') + '\n');
  if (withGeneration) {
    const targets = {
      language: { en: 0.5, es: 0.5 },
      sentiment: { positive: 1, neutral: 1, negative: 1 },
      complexity: { simple: 1, medium: 1, complex: 1 },
      intent: Object.fromEntries(intents().map((i) => [i.name, 1])),
    };
    writeFileSync(join(dir, 'generation.json'), JSON.stringify({ type: 'generate/conversations', count: convs.length, targets }));
  }
  return dir;
}
