// The LLM-judge rule: rubric scores per record from any configured provider, checkpointed and costed like generation.
import type { StepContext } from '../contract.js';
import { llmStepHooks } from '../shared/llm-step-hooks.js';
import type { JudgeScores } from '../../providers/llm/judge-parse.js';
import type { JudgeCriterion } from '../../providers/llm/judge-prompt.js';
import { JUDGE_SCOPE, judgeItems, type JudgeParams } from './judge-items.js';

export type Verdict = { ok: true; score: number; scores: JudgeScores['scores']; reason?: string } | { ok: false; error: string };

/** The record's score: the mean of the chosen criteria (each in [0, 1]), so one weak criterion pulls it down, not out. */
export function overallScore(scores: JudgeScores['scores'], criteria: readonly JudgeCriterion[]): number {
  return criteria.reduce((a, c) => a + (scores[c] ?? 0), 0) / Math.max(1, criteria.length);
}

/**
 * Scores every record given (only those still missing from the checkpoints are asked for), then reads all verdicts
 * back from the store: a record judged in an earlier, interrupted run is never paid for twice.
 */
export async function judgeRecords(ctx: StepContext<{ judge?: JudgeParams }>, records: ReadonlyArray<{ rec: Record<string, unknown>; index: number }>): Promise<{ verdicts: Verdict[]; asked: number; requests: number }> {
  const p = ctx.params.judge as JudgeParams;
  const [{ runLlmItems }, { renderJudgeBatch }, { parseJudgeItem }] = await Promise.all([
    import('../../providers/llm/batch-runner.js'),
    import('../../providers/llm/judge-prompt.js'),
    import('../../providers/llm/judge-parse.js'),
  ]);
  const items = judgeItems(records, p.criteria, ctx.providerConfig(p.provider));
  const store = ctx.checkpoints.scope(JUDGE_SCOPE);
  const retry = ctx.checkpoints.retryFailed;
  const missing = items.filter((it) => {
    const rec = store.get(it.key);
    return !rec || (rec.status === 'failed' && retry);
  });
  let requests = 0;
  if (missing.length > 0) {
    ctx.log.info(`judge: ${missing.length} of ${items.length} records to score (${items.length - missing.length} already checkpointed)`);
    const provider = await ctx.provider(p.provider);
    const r = await runLlmItems({
      items: missing,
      provider,
      store,
      batchSize: p.batch_size,
      render: (specs) => renderJudgeBatch(specs, p.criteria),
      parse: (obj) => parseJudgeItem(obj, p.criteria),
      ...llmStepHooks(ctx, JUDGE_SCOPE, missing.length, 'judged'),
      // Answers carry `record_id`; the judge's answers repeat no plan traits, so unmatched ids pair by position only.
      idOf: (v) => {
        const o = v !== null && typeof v === 'object' ? (v as Record<string, unknown>) : {};
        const id = o.record_id ?? o.id;
        return typeof id === 'string' ? id : undefined;
      },
      traitsOf: () => ({}),
    });
    requests = r.requests;
    ctx.log.info(`judge: ${r.requests} paid replies (${r.wastedReplies} kept no score), ${r.retriedInvalid} records asked again, ${r.failed} failed`);
  }
  store.flush();
  const verdicts = items.map((it): Verdict => {
    const rec = store.get(it.key);
    if (rec?.status !== 'done' || rec.value === undefined) return { ok: false, error: rec?.error ?? 'not scored (the run stopped first)' };
    const v = JSON.parse(rec.value) as JudgeScores;
    return { ok: true, score: overallScore(v.scores, p.criteria), scores: v.scores, ...(v.reason ? { reason: v.reason } : {}) };
  });
  return { verdicts, asked: missing.length, requests };
}
