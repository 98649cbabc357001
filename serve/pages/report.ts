// The report view of a pipeline: the very page `genesis report` writes (report/index.ts), built from what the runs stored.
import { buildReport, NeverRanError } from '../../report/index.js';
import { html, page } from '../html.js';
import type { PipelineEntry } from '../workspace.js';

export async function reportPage(e: PipelineEntry): Promise<string> {
  const back = html`<p style="margin:8px 16px;font:14px system-ui,sans-serif"><a href="/pipeline?file=${encodeURIComponent(e.key)}">← ${e.key} on the dashboard</a></p>`;
  try {
    const report = await buildReport({ pipelineFile: e.file, stateDir: e.stateDir });
    return report.html.replace(/<body[^>]*>/, (tag) => tag + back.text);
  } catch (err) {
    if (!(err instanceof NeverRanError)) throw err;
    return page('report', html`<h1>Report</h1><p>${err.message.replace(/^.*?: /, '')}, or press Run on its page.</p>${back}`);
  }
}
