// Dry-run estimate of the LLM judge: records still unscored, requests, tokens, cost and time at the provider's quota.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { EstimateInput } from '../contract.js';
import type { FilterConversationsParams } from './params.js';
import { JUDGE_SCOPE, judgeItems } from './judge-items.js';

/** Rough size of one answer: an object of scores and a sentence. */
const OUTPUT_TOKENS_PER_RECORD = 45;

/** The conversations the judge would be shown if the step ran now (an upper bound: other rules go first), or undefined when not on disk yet. */
export async function judgedRecords(input: EstimateInput): Promise<Array<{ rec: Record<string, unknown>; index: number }> | undefined> {
  const p = input.params as unknown as FilterConversationsParams;
  const path = typeof p.input === 'string' ? resolve(input.pipelineDir ?? '.', p.input) : input.upstreamFile?.('conversations.jsonl');
  if (path === undefined || !existsSync(path)) return undefined;
  const { readJsonl } = await import('../../util/tabular.js');
  const records: Array<{ rec: Record<string, unknown>; index: number }> = [];
  for await (const rec of readJsonl(path, { onInvalid: 'skip' })) records.push({ rec, index: records.length });
  return records;
}

export async function estimateJudge(input: EstimateInput): Promise<string | undefined> {
  const p = input.params as unknown as FilterConversationsParams;
  if (!p.judge) return undefined;
  // Schema defaults are already in place: analysis fills them into `with:`.
  const judge = p.judge;
  const config = input.providers.get(judge.provider);
  if (!config || config.type === 'offline') return undefined;
  const [{ describeLlmWork, requestTokens }, { renderJudgeBatch }] = await Promise.all([import('../../providers/llm/estimate-line.js'), import('../../providers/llm/judge-prompt.js')]);
  const records = await judgedRecords(input);
  if (records === undefined) {
    // Without the records the count is unknown: the price of a typical thousand still tells the user what to expect.
    return `judge: records unknown until the upstream step has run; per 1,000 conversations: ${await describeLlmWork(config, perThousand())}`;
  }
  const has = input.db?.prepare(`SELECT 1 FROM items WHERE scope = '${JUDGE_SCOPE}' AND key = ? AND status = 'done'`);
  const missing = judgeItems(records, judge.criteria, config).filter((it) => !has?.get(it.key));
  // The other rules run first, so the judge sees at most these.
  if (missing.length === 0) return `judge: all ${records.length} conversations already scored: no requests`;
  let requests = 0;
  let inputTokens = 0;
  for (let i = 0; i < missing.length; i += judge.batch_size) {
    requests++;
    inputTokens += requestTokens(renderJudgeBatch(missing.slice(i, i + judge.batch_size).map((m) => m.spec), judge.criteria));
  }
  const work = { requests, inputTokens, outputTokens: missing.length * OUTPUT_TOKENS_PER_RECORD };
  return `judge: up to ${missing.length} of ${records.length} conversations to score (${records.length - missing.length} checkpointed): ${await describeLlmWork(config, work)}`;

  function perThousand() {
    // A typical conversation as the judge sees it: ~6 turns of ~25 tokens, plus the rubric once per batch.
    const batches = Math.ceil(1000 / judge.batch_size);
    return { requests: batches, inputTokens: 1000 * 170 + batches * 250, outputTokens: 1000 * OUTPUT_TOKENS_PER_RECORD };
  }
}
