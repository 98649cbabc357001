// What the judge is asked about each record, and its checkpoint key: shared by the run and the dry-run estimate.
import { hashJson } from '../../util/hash.js';
import { providerIdentity } from '../../providers/identity.js';
import type { ProviderConfig } from '../../providers/contract.js';
import { JUDGE_INFERENCE, judgeItemPrompt, type JudgeCriterion, type JudgeSpec } from '../../providers/llm/judge-prompt.js';
import { llmItemKey } from '../generate-conversations/keys.js';

/** Checkpoint family of judge scores; keys are the same kind generation uses, so the two never collide in meaning. */
export const JUDGE_SCOPE = 'judge';

export interface JudgeParams {
  provider: string;
  threshold: number;
  criteria: JudgeCriterion[];
  batch_size: number;
}

/** The record as the judge sees it; its id is the conversation_id (or its position when it has none). */
export function judgeSpecOf(rec: Record<string, unknown>, index: number): JudgeSpec {
  const turns = Array.isArray(rec.turns) ? (rec.turns as unknown[]) : [];
  return {
    id: typeof rec.conversation_id === 'string' ? rec.conversation_id : `record-${index + 1}`,
    intent: String(rec.intent ?? ''),
    language: String(rec.language ?? ''),
    turns: turns.map((t) => {
      const o = t !== null && typeof t === 'object' ? (t as Record<string, unknown>) : {};
      return { speaker: String(o.speaker ?? ''), text: typeof o.text === 'string' ? o.text : '' };
    }),
  };
}

/**
 * Each record's spec and key: who judges (provider identity), the record's rendered prompt (rubric included) and the
 * inference settings, as generation keys its items. The threshold is not in it: changing it re-asks nothing.
 */
export function judgeItems(records: ReadonlyArray<{ rec: Record<string, unknown>; index: number }>, criteria: readonly JudgeCriterion[], config: ProviderConfig): Array<{ key: string; spec: JudgeSpec }> {
  const identity = providerIdentity(config);
  return records.map(({ rec, index }) => {
    const spec = judgeSpecOf(rec, index);
    return { spec, key: hashJson(llmItemKey(identity, judgeItemPrompt(spec, criteria), JUDGE_INFERENCE, { id: spec.id })) };
  });
}
