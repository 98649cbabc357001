// Registered datasets of every state folder the served pipelines use: versions, headlines, and a compare form.
import { reportHeadline } from '../../cli/headlines.js';
import { datasetMetrics, listDatasets, type DatasetRow } from '../../store/registry.js';
import { html, page, when } from '../html.js';
import { readState } from '../state-db.js';
import type { PipelineEntry } from '../workspace.js';

export function datasetsPage(entries: PipelineEntry[]): string {
  // Pipelines of one folder share its .genesis: list each state folder once, named by its first pipeline.
  const byState = new Map<string, PipelineEntry>();
  for (const e of entries) if (!byState.has(e.stateDir)) byState.set(e.stateDir, e);
  const sections = [...byState.values()].map((e) => {
    const rows = readState(e.stateDir, [] as Array<DatasetRow & { headlines: string[] }>, (db) =>
      listDatasets(db).map((d) => ({ ...d, headlines: datasetMetrics(db, d.id).map((m) => `${m.kind}: ${reportHeadline(m.kind, m.metrics)}`) })),
    );
    const names = [...new Set(rows.map((r) => r.name))];
    const blocks = names.map((name) => {
      const versions = rows.filter((r) => r.name === name);
      const compare =
        versions.length > 1
          ? html`<form class="compare" action="/compare" method="get"><input type="hidden" name="file" value="${e.key}"><input type="hidden" name="name" value="${name}">
compare <select name="a">${versions.map((v, i) => html`<option value="${v.version}"${i === 1 ? html` selected` : ''}>v${v.version}</option>`)}</select>
with <select name="b">${versions.map((v, i) => html`<option value="${v.version}"${i === 0 ? html` selected` : ''}>v${v.version}</option>`)}</select> <button type="submit">what changed</button></form>`
          : '';
      return html`<section class="card" id="${name}"><h2>${name}</h2>${compare}
<table><thead><tr><th>version</th><th>records</th><th>made</th><th>by</th><th>provider / model</th><th>reports</th></tr></thead><tbody>
${versions.map((v) => html`<tr><td>v${v.version}</td><td>${v.recordCount}</td><td>${when(v.createdAt)}</td><td>${v.pipelineName} · ${v.producerStep}</td><td>${v.provider ?? '–'} / ${v.model ?? '–'}</td><td>${v.headlines.map((h) => html`<div>${h}</div>`)}</td></tr>`)}
</tbody></table></section>`;
    });
    return html`<h2 class="state">State folder <code>${e.stateDir}</code></h2>${blocks.length ? blocks : html`<p class="muted">Nothing registered here yet.</p>`}`;
  });
  return page('datasets', html`<h1>Registered datasets</h1>${sections}`);
}
