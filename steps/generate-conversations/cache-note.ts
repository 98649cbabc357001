// What prompt caching saved in an LLM step, from the provider's totals: one phrase for the step summary and log.

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
