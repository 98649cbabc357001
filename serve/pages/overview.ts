// The front page: every pipeline of the folder with its last run, its status and its steps.
import { listRuns, stepRunsOf } from '../../store/history.js';
import { html, page, when } from '../html.js';
import { readState } from '../state-db.js';
import type { PipelineEntry } from '../workspace.js';
import { statusBadge } from './parts.js';

export function overviewPage(root: string, entries: PipelineEntry[]): string {
  const cards = entries.map((e) => {
    const href = `/pipeline?file=${encodeURIComponent(e.key)}`;
    if (!e.analyzed) return html`<section class="card"><h2>${e.key}</h2><p class="error">does not load: <code>${e.error}</code></p></section>`;
    const last = readState(e.stateDir, undefined, (db) => {
      const run = listRuns(db, { file: e.file, limit: 1 })[0];
      return run ? { run, steps: new Map(stepRunsOf(db, run.id).map((s) => [s.stepId, s.status])) } : undefined;
    });
    const steps = e.analyzed.order.map((id) => html`<li>${statusBadge(last?.steps.get(id) ?? 'never')} ${id} <span class="muted">${e.analyzed!.pipeline.steps.find((s) => s.id === id)?.uses}</span></li>`);
    return html`<section class="card" data-pipeline-card="${e.key}">
  <h2><a href="${href}">${e.analyzed.pipeline.name}</a> <span class="muted">${e.key}</span></h2>
  <p>${last ? html`last run ${statusBadge(last.run.status)} <a href="/run?file=${encodeURIComponent(e.key)}&amp;id=${encodeURIComponent(last.run.id)}">${last.run.id}</a>, started ${when(last.run.startedAt)}` : html`<span class="muted">never run</span>`}</p>
  <ul class="steps">${steps}</ul>
</section>`;
  });
  return page('pipelines', html`<h1>Pipelines in <code>${root}</code></h1>${entries.length ? cards : html`<p>No pipeline files (*.yaml with <code>steps:</code>) here.</p>`}`);
}
