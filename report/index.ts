// `genesis report` as a module: gather what a pipeline's runs stored, build its sections, assemble one HTML page.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyze } from '../runner/analyze.js';
import { parsePipeline } from '../runner/load.js';
import type { Pipeline, StepDef } from '../runner/pipeline.js';
import { readPipelineSource } from '../runner/source.js';
import { FAILED_MARK } from '../runner/failed-report.js';
import { listFiles } from '../store/outputs.js';
import { loadCatalogue } from '../metrics/catalogue.js';
import { normalizeIntent } from '../metrics/text-profile.js';
import { ExitCode, GenesisError } from '../util/errors.js';
import { gatherConversations } from './gather/conversations.js';
import { gatherForecaster } from './gather/forecaster.js';
import { gatherRegistry } from './gather/registry.js';
import { gatherRun } from './gather/run.js';
import { StoredState } from './gather/stored.js';
import { gatherTimeseries } from './gather/timeseries.js';
import { renderPage } from './html/page.js';
import { classifierSection } from './sections/classifier.js';
import { conversationsSection } from './sections/conversations.js';
import { forecasterSection } from './sections/forecaster.js';
import { biasSection, conversationQualitySection, seriesQualitySection } from './sections/quality.js';
import { registrySection } from './sections/registry.js';
import { runSection } from './sections/run.js';
import { timeseriesSection } from './sections/timeseries.js';
import type { ClientData, Section } from './types.js';

export type { Chart, ClientData, Headline, Mark, SampleConversation, Section } from './types.js';
export { renderBody, renderPage } from './html/page.js';
export { chartLibrary, clientScript, clientStyle } from './html/assets.js';
export { classifierSection, conversationsSection, forecasterSection, biasSection, conversationQualitySection, seriesQualitySection, registrySection, runSection, timeseriesSection };
export { gatherConversations, gatherForecaster, gatherRegistry, gatherRun, gatherTimeseries, StoredState };

export interface ReportOptions {
  pipelineFile: string;
  /** State folder (default: .genesis beside the pipeline file). */
  stateDir?: string;
}

export interface ReportSections {
  pipeline: Pipeline;
  title: string;
  subtitle: string;
  /** In pipeline order; the page puts sections that need attention first. */
  sections: Section[];
  data: ClientData;
  /** Steps of the pipeline with no stored output (never ran, or failed before committing one). */
  missing: string[];
}

export interface Report extends ReportSections {
  html: string;
  /** Where `genesis report` writes by default: <outputs folder>/<pipeline name>/report.html (out/ beside the pipeline file). */
  defaultOut: string;
}

/** The pipeline has no stored run: nothing to show, and the user is told how to make one. */
export class NeverRanError extends GenesisError {
  constructor(file: string, name: string) {
    super(`${file}: pipeline "${name}" has never run here, so there is nothing to report; run \`genesis run ${file}\` first`, ExitCode.failed);
  }
}

/** Gathers and builds every section (no HTML page): what `genesis serve` embeds with renderBody. */
export async function buildSections(opts: ReportOptions): Promise<ReportSections> {
  const analyzed = await analyze(parsePipeline(readPipelineSource(opts.pipelineFile)));
  const pipeline = analyzed.pipeline;
  const stateDir = opts.stateDir ? resolve(opts.stateDir) : join(pipeline.dir, '.genesis');
  const state = StoredState.open(stateDir, pipeline.file);
  if (!state) throw new NeverRanError(opts.pipelineFile, pipeline.name);
  try {
    const run = gatherRun(state, pipeline.steps);
    if (!run.latest) throw new NeverRanError(opts.pipelineFile, pipeline.name);
    const sections: Section[] = [runSection(pipeline.name, run)];
    const data: ClientData = { samples: {} };
    const missing: string[] = [];
    let registered = false;
    for (const def of pipeline.steps) {
      const latest = run.steps.find((s) => s.stepId === def.id);
      const files = latest?.status === 'failed' ? failedReportFiles(pipeline, def.id, run.latest.id) : undefined;
      const stored = files ?? state.step(def.id)?.files;
      if (!stored) {
        missing.push(def.id);
        continue;
      }
      const view = STEP_VIEWS[def.uses];
      if (!view) continue;
      const file = (name: string) => stored.get(name);
      const json = (name: string) => {
        const p = file(name);
        return p ? (JSON.parse(readFileSync(p, 'utf8')) as Record<string, unknown>) : undefined;
      };
      const upstream = (name: string) => upstreamFile(state, pipeline, def, name);
      const s = await view({ stepId: def.id, seed: pipeline.seed, file, json, upstream, samples: data.samples });
      if (s === 'registry') registered = true;
      else if (s) sections.push(s);
    }
    if (registered) {
      const versions = gatherRegistry(state);
      if (versions.length) sections.push(registrySection(versions));
    }
    const when = run.latest.finishedAt ?? run.latest.startedAt;
    return {
      pipeline,
      title: `genesis report: ${pipeline.name}`,
      subtitle: `${opts.pipelineFile} · seed ${pipeline.seed} · latest run ${run.latest.id} (${run.latest.status}, ${when})`,
      sections,
      data,
      missing,
    };
  } finally {
    state.close();
  }
}

export async function buildReport(opts: ReportOptions): Promise<Report> {
  const built = await buildSections(opts);
  const html = renderPage({ title: built.title, subtitle: built.subtitle, sections: built.sections, data: built.data });
  return { ...built, html, defaultOut: join(built.pipeline.outputsDir, built.pipeline.name, 'report.html') };
}

interface ViewInput {
  stepId: string;
  seed: number;
  /** A file of this step's stored output, by name. */
  file(name: string): string | undefined;
  json(name: string): Record<string, unknown> | undefined;
  /** A file of the nearest step this one needs that stored it. */
  upstream(name: string): string | undefined;
  samples: ClientData['samples'];
}

type StepView = (v: ViewInput) => Promise<Section | 'registry' | undefined>;

const conversationsView: StepView = async (v) => {
  const f = v.file('conversations.jsonl');
  if (!f) return undefined;
  const d = await gatherConversations(f, v.file('generation.json') ?? v.upstream('generation.json'), v.seed);
  const s = conversationsSection(v.stepId, d);
  v.samples[s.id] = d.sample;
  return s;
};

/** What each step type shows: one line per type; a type not here has no section (the run section still lists it). */
const STEP_VIEWS: Record<string, StepView> = {
  'generate/conversations': conversationsView,
  'filter/conversations': conversationsView,
  'validate/conversations': async (v) => ifThere(v.json('quality.json'), (q) => conversationQualitySection(v.stepId, q)),
  'bias/conversations': async (v) => ifThere(v.json('bias.json'), (b) => biasSection(v.stepId, b)),
  'generate/timeseries': async (v) => ifThere(v.file('series.jsonl'), async (f) => timeseriesSection(v.stepId, await gatherTimeseries(f))),
  'validate/timeseries': async (v) => ifThere(v.json('quality.json'), (q) => seriesQualitySection(v.stepId, q)),
  'train/intent-classifier': async (v) => ifThere(v.json('metrics.json'), (m) => classifierSection(v.stepId, m, intentCategories())),
  'train/forecaster': async (v) =>
    ifThere(v.file('metrics.json'), async (f) => forecasterSection(v.stepId, await gatherForecaster(f, v.file('forecaster.json'), v.upstream('series.jsonl')))),
  // Registered versions are one section for the whole pipeline, built after the steps.
  'register/dataset': async () => 'registry',
};

function ifThere<T, R>(value: T | undefined, make: (value: T) => R): R | undefined {
  return value === undefined ? undefined : make(value);
}

/**
 * A step that failed its gates in the latest run has no stored output from it: its report was kept in its out/
 * folder beside FAILED.txt naming the run (runner/failed-report.ts). Reading it there shows the gates that failed,
 * instead of an older run's passing report.
 */
function failedReportFiles(pipeline: Pipeline, stepId: string, runId: string): Map<string, string> | undefined {
  // The runner's output folder (runner/execute.ts outputDirOf), spelled here to keep the runner's executor unloaded.
  const dir = join(pipeline.outputsDir, pipeline.name, stepId);
  try {
    if (!readFileSync(join(dir, FAILED_MARK), 'utf8').startsWith(`run ${runId} `)) return undefined;
  } catch {
    return undefined;
  }
  return new Map(listFiles(dir).map((f) => [f, join(dir, f)]));
}

/** A file of the nearest step this one needs (transitively) that stored it. */
function upstreamFile(state: StoredState, pipeline: Pipeline, def: StepDef, name: string): string | undefined {
  const byId = new Map(pipeline.steps.map((s) => [s.id as string, s]));
  const queue = [...def.needs];
  const seen = new Set<string>();
  while (queue.length) {
    const id = queue.shift()!;
    if (seen.has(id)) continue;
    seen.add(id);
    const f = state.step(id)?.files.get(name);
    if (f) return f;
    queue.push(...(byId.get(id)?.needs ?? []));
  }
  return undefined;
}

/** Intent → category from the shipped catalogue, under both spellings a model may use (as named, normalised). */
function intentCategories(): Record<string, string> {
  const c = loadCatalogue();
  const out: Record<string, string> = {};
  if (!c) return out;
  for (const name of c.intents) {
    const cat = c.intentCategory.get(normalizeIntent(name));
    if (cat) out[name] = out[normalizeIntent(name)] = cat;
  }
  return out;
}
