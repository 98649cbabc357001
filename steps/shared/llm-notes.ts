// What an LLM step's provider reports at its end (prompt-cache saving, batch jobs): phrases for the step summary and log.
import type { ChatProvider } from '../../providers/contract.js';

/** Undefined when nothing was read from or written to a prompt cache (caching off, unsupported, or below minimum). */
export function cacheNote(stats: Record<string, number>): string | undefined {
  const read = stats.cacheReadTokens ?? 0;
  const written = stats.cacheWriteTokens ?? 0;
  if (read + written === 0) return undefined;
  const saved = stats.cacheSavedUsd ?? 0;
  const without = (stats.inputUsd ?? 0) + saved;
  const pct = without > 0 ? Math.round((saved / without) * 100) : 0;
  const n = (v: number) => v.toLocaleString('en-US');
  return `prompt cache: ${n(read)} input tokens read, ${n(written)} written; input cost $${(stats.inputUsd ?? 0).toFixed(4)} instead of $${without.toFixed(4)} (saved $${saved.toFixed(4)}, ${pct} %)`;
}

/** The batch jobs' totals, or undefined when the provider is not in batch mode. */
export function batchNote(provider: ChatProvider): string | undefined {
  const b = provider.batch?.stats();
  return b ? `batch: ${b.jobsCreated} jobs created, ${b.records} records read (${b.recordErrors} with errors), $${b.usd} at the batch price` : undefined;
}
