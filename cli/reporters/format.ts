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

export function runSummary(report: RunReport, elapsedMs: number): string {
  const count = (s: string) => report.steps.filter((x) => x.status === s).length;
  const parts = ['ran', 'cached', 'failed', 'interrupted', 'skipped'].map((s) => [s, count(s)] as const).filter(([, n]) => n > 0).map(([s, n]) => `${n} ${s}`);
  let line = `${report.status}: ${parts.join(', ') || 'nothing to do'} in ${duration(elapsedMs)}`;
  if (report.cost) line += ` — ${report.cost.requests} requests, ${report.cost.inputTokens + report.cost.outputTokens} tokens, $${report.cost.usd.toFixed(4)}`;
  if (report.resumable) line += '\nthe run stopped in a resumable state: finished items are saved; run the same command again to continue';
  return line;
}
