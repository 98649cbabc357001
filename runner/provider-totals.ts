// What the run's LLM providers did beyond item costs: batch jobs created, and what prompt caching saved.
import type { ChatProvider } from '../providers/contract.js';

export interface ProviderTotals {
  /** Batch jobs created this run. */
  batchJobs: number;
  /** Input cost prompt caching saved this run (cache reads minus the extra of cache writes), USD. */
  cacheSavedUsd: number;
  cacheReadTokens: number;
}

/** Totals over every provider the run opened (one that failed to open counts nothing). */
export async function providerTotals(providers: Iterable<Promise<ChatProvider>>): Promise<ProviderTotals> {
  const t: ProviderTotals = { batchJobs: 0, cacheSavedUsd: 0, cacheReadTokens: 0 };
  for (const pending of providers) {
    const p = await pending.catch(() => undefined);
    if (!p) continue;
    const s = p.stats();
    t.cacheSavedUsd += s.cacheSavedUsd ?? 0;
    t.cacheReadTokens += s.cacheReadTokens ?? 0;
    const b = p.batch?.stats();
    if (b) t.batchJobs += b.jobsCreated ?? 0;
  }
  return t;
}
