// One pipeline: its steps with their last status and live progress, the Run form, its runs and its datasets.
import { listRuns, stepRunsOf } from '../../store/history.js';
import { listDatasets } from '../../store/registry.js';
import { html, page, when } from '../html.js';
import { readState } from '../state-db.js';
import type { PipelineEntry } from '../workspace.js';
import { runsTable, statusBadge } from './parts.js';

export function pipelinePage(e: PipelineEntry): string {
  const a = e.analyzed!;
  const q = encodeURIComponent(e.key);
  const { runs, lastSteps, datasets } = readState(e.stateDir, { runs: [], lastSteps: new Map<string, string>(), datasets: [] as ReturnType<typeof listDatasets> }, (db) => {
    const runs = listRuns(db, { file: e.file, limit: 20 });
    const last = runs.find((r) => r.status !== 'running');
    return {
      runs,
      lastSteps: new Map(last ? stepRunsOf(db, last.id).map((s) => [s.stepId, s.status]) : []),
      datasets: listDatasets(db).filter((d) => d.pipelineFile === e.file),
    };
  });
  const byId = new Map(a.pipeline.steps.map((s) => [s.id as string, s]));
  const rows = a.order.map((id) => {
    const s = byId.get(id)!;
    return html`<tr data-step="${id}"><td>${id}</td><td class="muted">${s.uses}</td><td class="muted">${s.needs.join(', ')}</td><td>${statusBadge(lastSteps.get(id) ?? 'never')}</td>
<td class="live"><span class="live-status">–</span> <progress max="1" value="0" hidden></progress> <span class="live-note"></span></td></tr>`;
  });
  const form = html`<form id="run-form" class="card">
  <h2>Run</h2>
  <label><input type="checkbox" name="force"> <code>--force</code> rerun even when cached (finished items are still reused)</label>
  <label><input type="checkbox" name="retryFailed"> <code>--retry-failed</code> try again items that failed last time</label>
  <label>step <select name="step"><option value="">all steps</option>${a.order.map((id) => html`<option value="${id}">${id}</option>`)}</select></label>
  <label><input type="radio" name="mode" value="until" checked> <code>--until</code> it and what it needs</label>
  <label><input type="radio" name="mode" value="only"> <code>--only</code> just it (inputs from the cache)</label>
  <p><button type="submit" id="run-button">Run ${a.pipeline.name}</button></p>
  <p id="run-message" role="status"></p>
</form>`;
  const ds = datasets.length
    ? html`<ul>${datasets.map((d) => html`<li><a href="/datasets#${d.name}">${d.name}@${d.version}</a> — ${d.recordCount} records, ${when(d.createdAt)}</li>`)}</ul>`
    : html`<p class="muted">None registered yet.</p>`;
  const body = html`<h1>${a.pipeline.name} <span class="muted">${e.key}</span></h1>
<p><a href="/report?file=${q}">report</a> · state in <code>${e.stateDir}</code></p>
<div class="columns">
<section class="card grow"><h2>Steps</h2><p id="live-summary" role="status" class="muted">idle</p>
<table id="steps"><thead><tr><th>step</th><th>type</th><th>needs</th><th>last run</th><th>now</th></tr></thead><tbody>${rows}</tbody></table></section>
${form}
</div>
<section class="card"><h2>Runs</h2>${runsTable(e.key, runs)}</section>
<section class="card"><h2>Registered datasets</h2>${ds}</section>`;
  return page(a.pipeline.name, body, { data: { pipeline: e.key } });
}
