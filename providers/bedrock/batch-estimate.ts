// The batch side of a dry-run estimate: jobs, records, tokens and cost at the batch price, beside the on-demand figure.
import type { BedrockOptions } from './options.js';
import { DEFAULT_MAX_RECORDS, DEFAULT_MIN_RECORDS } from './batch-options.js';

export interface ItemTokens {
  inputTokens: number;
  outputTokens: number;
}

/**
 * One record per item (batch records are not grouped like on-demand requests), grouped into jobs as the run would:
 * at most max_records each, a last group below min_records asked on-demand instead (its cost is not in this figure).
 */
export function batchEstimate(options: BedrockOptions, items: ItemTokens[]): string {
  const min = options.batch?.minRecords ?? DEFAULT_MIN_RECORDS;
  const max = options.batch?.maxRecords ?? DEFAULT_MAX_RECORDS;
  let jobs = 0;
  let records = 0;
  for (let i = 0; i < items.length; i += max) {
    const n = Math.min(max, items.length - i);
    if (n >= min) {
      jobs++;
      records += n;
    }
  }
  const marker = options.mode === 'batch' ? ' (this run)' : '';
  if (!jobs) return `batch${marker}: ${items.length} items are fewer than min_records (${min}): all on-demand`;
  const batched = items.slice(0, records);
  const input = batched.reduce((a, t) => a + t.inputTokens, 0);
  const output = batched.reduce((a, t) => a + t.outputTokens, 0);
  const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
  const rest = items.length - records;
  const where = `${jobs} job${jobs > 1 ? 's' : ''} of ${fmt(records)} records${rest ? ` (+${rest} items on-demand, below min_records)` : ''}`;
  const p = options.batchPrices;
  if (!p) return `batch${marker}: ${where}, ~${fmt(input + output)} tokens, price unknown for ${options.model} (add prices.batch_input_per_1k / batch_output_per_1k)`;
  const usd = (input * p.input_per_1k + output * p.output_per_1k) / 1000;
  return `batch${marker}: ${where}, ~${fmt(input + output)} tokens, ~$${usd.toFixed(2)}, typically hours (outside the per-minute quota)`;
}
