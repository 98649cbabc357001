// The report view of a pipeline: the very HTML `genesis report` writes (report/index.ts), built from what the runs stored.
import { html, page } from '../html.js';
import type { PipelineEntry } from '../workspace.js';

interface ReportModule {
  buildReport(opts: { pipelineFile: string; stateDir?: string }): { html: string } | Promise<{ html: string }>;
}

export async function reportPage(e: PipelineEntry): Promise<string> {
  // Resolved at run time: the report builder lives on its own branch until it is merged (see the final report).
  const specifier = '../../report/index.js';
  let mod: ReportModule;
  try {
    mod = (await import(specifier)) as ReportModule;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ERR_MODULE_NOT_FOUND') throw err;
    return page('report', html`<h1>Report</h1><p>This build of genesis has no report builder (<code>genesis report</code>) yet.</p><p><a href="/pipeline?file=${encodeURIComponent(e.key)}">back</a></p>`);
  }
  return (await mod.buildReport({ pipelineFile: e.file, stateDir: e.stateDir })).html;
}
