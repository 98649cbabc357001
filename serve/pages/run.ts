// One run: when it started and ended, and each step's outcome, duration, summary or error.
import { duration } from '../../cli/reporters/format.js';
import { runById, stepRunsOf } from '../../store/history.js';
import { html, page, when } from '../html.js';
import { readState } from '../state-db.js';
import type { PipelineEntry } from '../workspace.js';
import { statusBadge, took } from './parts.js';

export function runPage(e: PipelineEntry, id: string): string | undefined {
  const found = readState(e.stateDir, undefined, (db) => {
    const run = runById(db, id);
    return run && run.pipelineFile === e.file ? { run, steps: stepRunsOf(db, id) } : undefined;
  });
  if (!found) return undefined;
  const { run, steps } = found;
  const rows = steps.map((s) => html`<tr><td>${s.stepId}</td><td class="muted">${s.uses}</td><td>${statusBadge(s.status)}</td><td>${s.durationMs === null ? '–' : duration(s.durationMs)}</td><td>${s.error ? html`<span class="error">${s.error}</span>` : s.summary ?? ''}</td></tr>`);
  return page(`run ${id}`, html`<h1>Run ${id} ${statusBadge(run.status)}</h1>
<p><a href="/pipeline?file=${encodeURIComponent(e.key)}">${run.pipeline}</a> · started ${when(run.startedAt)} · finished ${when(run.finishedAt)} · took ${took(run)}</p>
<section class="card">${steps.length ? html`<table><thead><tr><th>step</th><th>type</th><th>status</th><th>took</th><th>summary</th></tr></thead><tbody>${rows}</tbody></table>` : html`<p class="muted">No step history recorded${run.status === 'running' ? ' yet (it is written when the run ends)' : ''}.</p>`}</section>`);
}
