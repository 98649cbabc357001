// Plain reporter for non-TTY output (and NO_COLOR, -q): one line per event, each labelled with its step id.
import type { Reporter } from '../../runner/events.js';
import type { Io } from '../io.js';
import { stepLine } from './format.js';

/** With `quiet`, only what needs attention: warnings, failures, stops (the run summary is printed by the command). */
export function plainReporter(io: Io, opts: { quiet?: boolean } = {}): Reporter {
  const lastProgress = new Map<string, { at: number; pct: number }>();
  return (e) => {
    if (opts.quiet && !needsAttention(e)) return;
    switch (e.kind) {
      case 'run-start':
        io.stderr(`genesis: running ${e.pipeline} (${e.steps.length} step${e.steps.length === 1 ? '' : 's'}, run ${e.runId})`);
        break;
      case 'step-start':
        io.stderr(`[${e.id}] running (${e.reason})`);
        break;
      case 'step-progress': {
        // Throttle: at most every 2 s or 10 %, so logs stay readable.
        const now = Date.now();
        const pct = e.total ? Math.floor((e.done / e.total) * 10) : -1;
        const last = lastProgress.get(e.id);
        if (last && now - last.at < 2000 && pct === last.pct) break;
        if (last && pct === last.pct && pct >= 0 && now - last.at < 2000) break;
        lastProgress.set(e.id, { at: now, pct });
        io.stderr(`[${e.id}] ${e.done}${e.total ? `/${e.total}` : ''}${e.note ? ` ${e.note}` : ''}`);
        break;
      }
      case 'step-log':
        io.stderr(`[${e.id}] ${e.level === 'warn' ? 'warning: ' : ''}${e.message}`);
        break;
      case 'step-finish':
        io.stderr(`[${e.report.id}] ${stepLine(e.report)}`);
        break;
      case 'run-finish':
        break;
    }
  };
}

function needsAttention(e: Parameters<Reporter>[0]): boolean {
  if (e.kind === 'step-log') return e.level === 'warn';
  if (e.kind === 'step-finish') return e.report.status === 'failed' || e.report.status === 'interrupted';
  return false;
}
