// The batch side of a dry-run estimate: jobs, records, tokens and cost at the batch price, beside the on-demand figure.
import type { BedrockOptions } from './options.js';
import { DEFAULT_MAX_RECORDS, DEFAULT_MIN_RECORDS } from './batch-options.js';
import { groupKeys, itemsPerRecord } from '../llm/batch-records.js';

export interface ItemTokens {
  inputTokens: number;
  outputTokens: number;
}

/**
 * Items grouped into records and jobs as the run would (providers/llm/batch-jobs-runner.ts): up to `batchSize` items a
 * record, at most max_records records a job, a last job below min_records asked on-demand instead (its cost is not in
 * this figure). `recordTokens` prices one record holding these items.
 */
export function batchEstimate<T>(options: BedrockOptions, items: T[], batchSize: number, recordTokens: (items: T[]) => ItemTokens): string {
  const min = options.batch?.minRecords ?? DEFAULT_MIN_RECORDS;
  const max = options.batch?.maxRecords ?? DEFAULT_MAX_RECORDS;
  const per = itemsPerRecord(items.length, batchSize, min);
  let jobs = 0;
  let records = 0;
  let batchedItems = 0;
  let input = 0;
  let output = 0;
  for (let i = 0; i < items.length; i += max * per) {
    const group = items.slice(i, i + max * per);
    const count = Math.ceil(group.length / per);
    if (count < min) continue;
    jobs++;
    records += count;
    batchedItems += group.length;
    for (const r of groupKeys(group, count)) {
      const t = recordTokens(r);
      input += t.inputTokens;
      output += t.outputTokens;
    }
  }
  const marker = options.mode === 'batch' ? ' (this run)' : '';
  if (!jobs) return `batch${marker}: ${items.length} items are fewer than min_records (${min}): all on-demand`;
  const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
  const rest = items.length - batchedItems;
  const where = `${jobs} job${jobs > 1 ? 's' : ''} of ${fmt(records)} records${per > 1 ? ` (${per} items each at most)` : ''}${rest ? ` (+${rest} items on-demand, below min_records)` : ''}`;
  const p = options.batchPrices;
  if (!p) return `batch${marker}: ${where}, ~${fmt(input + output)} tokens, price unknown for ${options.model} (add prices.batch_input_per_1k / batch_output_per_1k)`;
  const usd = (input * p.input_per_1k + output * p.output_per_1k) / 1000;
  return `batch${marker}: ${where}, ~${fmt(input + output)} tokens, ~$${usd.toFixed(2)}, typically hours (outside the per-minute quota)`;
}
