// What makes a line of a user's dataset a record of the kind a step reads (before any quality scoring).
// A record that is merely incomplete is data to score; one that is not a conversation or series at all is an input error.
import { describeJson, objectProblem } from './tabular.js';

export type RecordKind = 'conversation' | 'series';

export function conversationProblem(value: unknown): string | undefined {
  if (objectProblem(value)) return `expected a conversation (a JSON object), got ${describeJson(value)}`;
  const c = value as Record<string, unknown>;
  if (typeof c.text === 'string') return undefined; // a labelled text (text, category), as CSV datasets hold
  if (!Array.isArray(c.turns)) return `not a conversation: no \`turns\` array${fieldsOf(c)}`;
  const i = c.turns.findIndex((t) => t === null || typeof t !== 'object' || Array.isArray(t));
  if (i >= 0) return `turn ${i + 1} is ${describeJson(c.turns[i])}, expected an object {speaker, text}`;
  return undefined;
}

export function seriesProblem(value: unknown): string | undefined {
  if (objectProblem(value)) return `expected a series (a JSON object), got ${describeJson(value)}`;
  const s = value as Record<string, unknown>;
  return 'target' in s ? undefined : `not a series: no \`target\`${fieldsOf(s)}`;
}

export const RECORD_CHECKS: Record<RecordKind, (value: unknown) => string | undefined> = { conversation: conversationProblem, series: seriesProblem };

function fieldsOf(o: Record<string, unknown>): string {
  const keys = Object.keys(o);
  return ` (fields: ${keys.length ? keys.slice(0, 8).join(', ') + (keys.length > 8 ? ', …' : '') : 'none'})`;
}
