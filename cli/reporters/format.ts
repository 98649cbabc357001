// Formatting shared by reporters: durations, step outcome lines, run summaries.
import type { RunReport, StepReport } from '../../runner/events.js';

export function duration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)}s`;
  return `${Math.floor(ms / 60_000)}m${Math.round((ms % 60_000) / 1000)}s`;
}

export function stepLine(r: StepReport): string {
  switch (r.status) {
    case 'ran':
      return `ran in ${duration(r.durationMs)}${r.summary ? `: ${r.summary}` : ''}`;
    case 'cached':
      return r.summary ? `cached: ${r.summary}` : 'cached';
    case 'failed':
      return `FAILED: ${r.error ?? 'unknown error'}`;
    case 'interrupted':
      return `stopped: ${r.error ?? 'interrupted'}`;
    case 'skipped':
      return `skipped: ${r.reason ?? ''}`;
  }
}

function costLine(c: NonNullable<RunReport['cost']>): string {
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  const batch = c.batchRecords !== undefined ? `, ${plural(c.batchRecords, 'batch record')} (${plural(c.batchJobs ?? 0, 'job')} created)` : '';
  const cache = c.cacheSavedUsd !== undefined ? `; prompt cache saved $${c.cacheSavedUsd.toFixed(4)}` : '';
  return `${c.requests} requests${batch}, ${c.inputTokens + c.outputTokens} tokens, $${c.usd.toFixed(4)}${cache}`;
}

export function runSummary(report: RunReport, elapsedMs: number): string {
  const count = (s: string) => report.steps.filter((x) => x.status === s).length;
  const parts = ['ran', 'cached', 'failed', 'interrupted', 'skipped'].map((s) => [s, count(s)] as const).filter(([, n]) => n > 0).map(([s, n]) => `${n} ${s}`);
  let line = `${report.status}: ${parts.join(', ') || 'nothing to do'} in ${duration(elapsedMs)}`;
  if (report.cost) line += ` — ${costLine(report.cost)}`;
  if (report.resumable) line += '\nthe run stopped in a resumable state: finished items are saved; run the same command again to continue';
  return line;
}
