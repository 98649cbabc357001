// Per-conversation completeness and consistency checks (schema, turn order, counts, language, catalogue).
import { detectLanguage } from './language.js';
import { normalizeIntent } from './text-profile.js';

export const REQUIRED_FIELDS = [
  'conversation_id', 'intent', 'category', 'sentiment', 'complexity', 'emotion_arc', 'language', 'turn_count', 'resolution_status', 'turns',
] as const;

export const CHECKS = ['schema', 'customer_first', 'alternation', 'turn_count', 'language', 'catalogue'] as const;
export type CheckName = (typeof CHECKS)[number];

// The enums of schemas/conversation.schema.json. The check is otherwise lenient on purpose (extra fields are fine):
// datasets made elsewhere are validated with the same metrics.
const ENUMS: Record<string, readonly string[]> = {
  sentiment: ['positive', 'neutral', 'negative'],
  complexity: ['simple', 'medium', 'complex'],
  language: ['en', 'es'],
  resolution_status: ['resolved', 'pending', 'unresolved', 'escalated'],
};

/** Intent name → category id, from data/intents.json when present. */
export type Catalogue = ReadonlyMap<string, string>;

export interface ConversationCheck {
  /** Filled required fields over required fields (turns count only when non-empty with all texts non-empty). */
  completeness: number;
  /** Checks that failed; those that could not apply (e.g. no catalogue) are absent from both lists. */
  failed: CheckName[];
  applied: CheckName[];
}

function filled(v: unknown): boolean {
  if (v === undefined || v === null) return false;
  if (typeof v === 'string') return v.trim() !== '';
  if (Array.isArray(v)) return v.length > 0;
  return true;
}

export function checkConversation(c: Record<string, unknown>, catalogue?: Catalogue): ConversationCheck {
  const turns = Array.isArray(c.turns) ? (c.turns as unknown[]) : [];
  const turnObjs = turns.map((t) => (t !== null && typeof t === 'object' ? (t as Record<string, unknown>) : {}));
  let have = 0;
  for (const f of REQUIRED_FIELDS) {
    if (f === 'turns') {
      if (turnObjs.length > 0 && turnObjs.every((t) => filled(t.text) && filled(t.speaker))) have++;
    } else if (filled(c[f])) have++;
  }
  const failed: CheckName[] = [];
  const applied: CheckName[] = [];
  const check = (name: CheckName, ok: boolean) => {
    applied.push(name);
    if (!ok) failed.push(name);
  };
  const schemaOk =
    typeof c.conversation_id === 'string' &&
    typeof c.intent === 'string' &&
    typeof c.category === 'string' &&
    typeof c.emotion_arc === 'string' &&
    Object.entries(ENUMS).every(([k, vals]) => typeof c[k] === 'string' && vals.includes(c[k] as string)) &&
    Number.isInteger(c.turn_count) &&
    Array.isArray(c.turns) &&
    turnObjs.every((t) => (t.speaker === 'customer' || t.speaker === 'agent') && typeof t.text === 'string');
  check('schema', schemaOk);
  check('customer_first', turnObjs[0]?.speaker === 'customer');
  check('alternation', turnObjs.every((t, i) => i === 0 || t.speaker !== turnObjs[i - 1]?.speaker));
  check('turn_count', c.turn_count === turnObjs.length);
  if (c.language === 'en' || c.language === 'es') {
    const other = c.language === 'en' ? 'es' : 'en';
    check('language', turnObjs.every((t) => typeof t.text !== 'string' || detectLanguage(t.text).language !== other));
  }
  if (catalogue && typeof c.intent === 'string') {
    const cat = catalogue.get(normalizeIntent(c.intent));
    check('catalogue', cat !== undefined && (typeof c.category !== 'string' || cat === c.category));
  }
  return { completeness: have / REQUIRED_FIELDS.length, failed, applied };
}
