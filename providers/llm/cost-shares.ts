// Splits what paid replies cost over the items kept from them, so stored item costs add up to every reply paid for.
import type { ItemCost } from '../../steps/contract.js';

/** The cost of replies not yet carried by a kept item. */
export type CostDebt = Required<ItemCost>;

export const noDebt = (): CostDebt => ({ inputTokens: 0, outputTokens: 0, usd: 0, requests: 0, batchRecords: 0 });

/**
 * Adds a reply's cost to `debt`, then splits the debt over the `n` items kept from the reply, in whole tokens. A reply
 * that kept nothing leaves its cost in the debt for the next items (or the ledger). A reply is one on-demand request, or
 * (`unit: 'batchRecords'`) one record of a batch job, which is billed at the batch price and counted apart.
 */
export function costShares(
  reply: { usage: { inputTokens: number; outputTokens: number }; costUsd: number },
  n: number,
  debt: CostDebt,
  unit: 'requests' | 'batchRecords' = 'requests',
): ItemCost[] {
  debt.inputTokens += reply.usage.inputTokens;
  debt.outputTokens += reply.usage.outputTokens;
  debt.usd += reply.costUsd;
  debt[unit] += 1;
  if (n === 0) return [];
  const split = (total: number) => Array.from({ length: n }, (_, i) => Math.floor(total / n) + (i < total % n ? 1 : 0));
  const input = split(debt.inputTokens);
  const output = split(debt.outputTokens);
  const requests = split(debt.requests);
  const records = split(debt.batchRecords);
  const tokens = debt.inputTokens + debt.outputTokens;
  const shares = Array.from({ length: n }, (_, i) => {
    const share = tokens > 0 ? ((input[i] as number) + (output[i] as number)) / tokens : 1 / n;
    return { inputTokens: input[i], outputTokens: output[i], usd: debt.usd * share, requests: requests[i], ...(records[i] ? { batchRecords: records[i] } : {}) };
  });
  Object.assign(debt, noDebt());
  return shares;
}
