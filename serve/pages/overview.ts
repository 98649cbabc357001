// The front page: every pipeline of the folder with its last run, its status and its steps.
import { listRuns, stepRunsOf } from '../../store/history.js';
import { listDatasets } from '../../store/registry.js';
import { html, page, when } from '../html.js';
import { readState } from '../state-db.js';
import type { PipelineEntry } from '../workspace.js';
import { statusBadge, took } from './parts.js';

export function overviewPage(root: string, entries: PipelineEntry[]): string {
  const cards = entries.map((e) => {
    const href = `/pipeline?file=${encodeURIComponent(e.key)}`;
    if (!e.analyzed) return html`<section class="card"><h2>${e.key}</h2><p class="error">does not load: <code>${e.error}</code></p></section>`;
    const last = readState(e.stateDir, undefined, (db) => {
      const runs = listRuns(db, { file: e.file, limit: 1000 });
      const run = runs[0];
      const datasets = new Set(listDatasets(db).filter((d) => d.pipelineFile === e.file).map((d) => d.name)).size;
      return run ? { run, runs: runs.length, datasets, steps: new Map(stepRunsOf(db, run.id).map((s) => [s.stepId, s.status])) } : undefined;
    });
    const steps = e.analyzed.order.map((id) => html`<li>${statusBadge(last?.steps.get(id) ?? 'never')} ${id} <span class="muted">${e.analyzed!.pipeline.steps.find((s) => s.id === id)?.uses}</span></li>`);
    return html`<section class="card" data-pipeline-card="${e.key}">
  <h2><a href="${href}">${e.analyzed.pipeline.name}</a> <span class="muted">${e.key}</span></h2>
  <p>${last ? html`last run ${statusBadge(last.run.status)} <a href="/run?file=${encodeURIComponent(e.key)}&amp;id=${encodeURIComponent(last.run.id)}">${last.run.id}</a>, started ${when(last.run.startedAt)}, took ${took(last.run)}` : html`<span class="muted">never run here</span>`}</p>
  ${last ? html`<p class="muted">${last.runs} run${last.runs === 1 ? '' : 's'} · ${last.datasets} registered dataset${last.datasets === 1 ? '' : 's'} · <a href="/report?file=${encodeURIComponent(e.key)}">report</a></p>` : ''}
  <ul class="steps">${steps}</ul>
</section>`;
  });
  return page('pipelines', html`<h1>Pipelines in <code>${root}</code></h1>${entries.length ? html`<div class="cards">${cards}</div>` : html`<p>No pipeline files (*.yaml with <code>steps:</code>) here.</p>`}`);
}
