// Validates generated conversations (schema + semantics) and repairs the few mistakes that are safe to fix.
import { readFileSync } from 'node:fs';
import AjvModule, { type ValidateFunction } from 'ajv';
import { schemaPath } from '../../util/paths.js';
import type { Conversation, Turn } from '../../util/records.js';
import { categoryOf } from './params.js';

export type CheckResult =
  | { ok: true; record: Conversation }
  | { ok: true; record: Conversation; corrected: string[] }
  | { ok: false; errors: string[] };

let validate: ValidateFunction | undefined;

// Compiled on first use, once per process; import this module lazily (inside run()) to keep CLI start fast.
function validator(): ValidateFunction {
  if (validate) return validate;
  const Ajv = AjvModule.default;
  const ajv = new Ajv({ allErrors: true, strict: true });
  validate = ajv.compile(JSON.parse(readFileSync(schemaPath('conversation.schema.json'), 'utf8')) as object);
  return validate;
}

/**
 * Auto-corrections (each reported in `corrected`), chosen because none can change what was said:
 * - turn_count is set to turns.length;
 * - category is set from the intent when the intent is in the catalogue;
 * - a turn that repeats the previous turn's speaker AND text (a duplicated message) is dropped.
 * Anything else — customer not first, speakers not alternating after de-duplication, unknown intent,
 * schema violations — is an error: repairing it would mean inventing or reassigning dialogue.
 */
export function checkConversation(record: unknown): CheckResult {
  const validate = validator();
  const errors: string[] = [];
  const corrected: string[] = [];
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return { ok: false, errors: ['record is not an object'] };
  const rec = structuredClone(record) as Conversation;

  if (Array.isArray(rec.turns)) {
    const kept: Turn[] = [];
    for (const t of rec.turns) {
      const prev = kept[kept.length - 1];
      if (prev && t && prev.speaker === t.speaker && prev.text === t.text) {
        corrected.push(`dropped duplicated ${t.speaker} turn ${kept.length + 1}`);
        continue;
      }
      kept.push(t);
    }
    rec.turns = kept;
    if (rec.turn_count !== kept.length) {
      corrected.push(`turn_count ${JSON.stringify(rec.turn_count)} → ${kept.length}`);
      rec.turn_count = kept.length;
    }
  }
  if (typeof rec.intent === 'string') {
    const cat = categoryOf(rec.intent);
    if (cat === undefined) errors.push(`intent '${rec.intent}' is not in the catalogue`);
    else if (rec.category !== cat) {
      corrected.push(`category ${JSON.stringify(rec.category)} → '${cat}' (from intent)`);
      rec.category = cat;
    }
  }

  if (!validate(rec)) {
    for (const e of validate.errors ?? []) errors.push(`${e.instancePath || '/'} ${e.message ?? 'is invalid'}`);
  }
  if (Array.isArray(rec.turns) && rec.turns.length > 0) {
    if (rec.turns[0]?.speaker !== 'customer') errors.push('the first turn must be the customer');
    for (let i = 1; i < rec.turns.length; i++) {
      if (rec.turns[i]?.speaker === rec.turns[i - 1]?.speaker) {
        errors.push(`turns ${i} and ${i + 1} are both ${rec.turns[i]?.speaker}: speakers must alternate`);
        break;
      }
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  return corrected.length > 0 ? { ok: true, record: rec, corrected } : { ok: true, record: rec };
}
