// Reads one record's scores out of a judge's answer object: untrusted input, so every score is checked.
import type { ParseOutcome } from './batch-runner.js';
import type { JudgeCriterion } from './judge-prompt.js';

export interface JudgeScores {
  /** Per criterion, in [0, 1]. */
  scores: Partial<Record<JudgeCriterion, number>>;
  reason?: string;
}

/** "8", "8/10", 8 → 8; anything else → NaN. */
function numberOf(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v !== 'string') return Number.NaN;
  const m = /^\s*(-?\d+(?:\.\d+)?)\s*(?:\/\s*10)?\s*$/.exec(v);
  return m ? Number(m[1]) : Number.NaN;
}

/**
 * The prompt asks for whole numbers 0–10 under `scores`; models also answer flat ({"realism": 8}) or on a 0–1 scale
 * (every score ≤ 1 and one a fraction). A missing or out-of-range score makes the item invalid (it is asked again).
 */
export function parseJudgeItem(obj: unknown, criteria: readonly JudgeCriterion[]): ParseOutcome<JudgeScores> {
  if (obj === null || typeof obj !== 'object') return { ok: false, errors: ['not an object'] };
  const o = obj as Record<string, unknown>;
  const holder = o.scores !== null && typeof o.scores === 'object' ? (o.scores as Record<string, unknown>) : o;
  const raw = criteria.map((c) => numberOf(holder[c]));
  const errors = criteria.flatMap((c, i) => (Number.isFinite(raw[i]) && (raw[i] as number) >= 0 && (raw[i] as number) <= 10 ? [] : [`score ${c}: ${JSON.stringify(holder[c] ?? null)} is not a number from 0 to 10`]));
  if (errors.length > 0) return { ok: false, errors };
  const fractions = raw.every((x) => x <= 1) && raw.some((x) => !Number.isInteger(x));
  const scores = Object.fromEntries(criteria.map((c, i) => [c, fractions ? (raw[i] as number) : (raw[i] as number) / 10]));
  const reason = typeof o.reason === 'string' ? o.reason.slice(0, 300) : undefined;
  return { ok: true, record: { scores, ...(reason ? { reason } : {}) } };
}
