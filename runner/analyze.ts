// Analyze: check the pipeline as a graph — step types, `with:` per type, needs, cycles — as diagnostics.
import { Graph, alg } from '@dagrejs/graphlib';
import { existsSync } from 'node:fs';
import { isAbsolute, normalize, resolve } from 'node:path';
import type { Diagnostic } from '../util/diagnostics.js';
import { InputError, OptionError } from '../util/errors.js';
import { didYouMean } from '../util/suggest.js';
import { hasStepType, loadStepType, stepTypeNames } from '../steps/registry.js';
import type { StepType } from '../steps/contract.js';
import { compileCheck, problemToDiagnostic } from './schema-check.js';
import { stepProvider } from './step-provider.js';
import type { Pipeline, StepDef, StepId } from './pipeline.js';

export interface AnalyzedPipeline {
  pipeline: Pipeline;
  /** Step types by step id. */
  types: Map<StepId, StepType<any>>;
  graph: Graph;
  /** Step ids in a topological order (file order among independent steps). */
  order: StepId[];
  /** Located warnings (e.g. weights normalized); the CLI prints them, the pipeline still runs. */
  warnings: Diagnostic[];
}

export async function analyze(pipeline: Pipeline): Promise<AnalyzedPipeline> {
  const diagnostics: Diagnostic[] = [];
  // Read lazily: a pipeline from the cache has no source map until a diagnostic needs one.
  const source = { locate: (...a: Parameters<Pipeline['source']['locate']>) => pipeline.source.locate(...a) } as Pipeline['source'];
  const ids = new Set(pipeline.steps.map((s) => s.id as string));
  const types = new Map<StepId, StepType<any>>();

  for (const step of pipeline.steps) {
    const at = ['steps', step.id];
    if (!hasStepType(step.uses)) {
      diagnostics.push({
        severity: 'error',
        message: `unknown step type "${step.uses}"${didYouMean(step.uses, stepTypeNames())}; known types: ${stepTypeNames().join(', ')}`,
        location: source.locate([...at, 'uses']),
      });
    } else {
      const type = await loadStepType(step.uses);
      types.set(step.id, type);
      const problems = compileCheck(type.schema)(step.with);
      for (const p of problems) diagnostics.push(problemToDiagnostic(p, source, [...at, 'with']));
      for (const key of type.pathParams ?? []) {
        const v = step.with[key];
        if (typeof v === 'string' && !existsSync(resolve(pipeline.dir, v))) {
          diagnostics.push({ severity: 'error', message: `\`${key}\`: no such file: ${v} (relative paths start at the pipeline's folder)`, location: source.locate([...at, 'with', key]) });
        }
      }
      if (!problems.length && type.check) {
        for (const p of type.check(step.with)) diagnostics.push({ severity: p.severity ?? 'error', message: p.message, location: source.locate([...at, 'with', ...p.path]) });
      }
      const provider = stepProvider(type, step.with);
      const config = provider && pipeline.providers.get(provider.name);
      // An implicit `default` is always defined; only a name the user wrote can be unknown.
      if (provider && !config && (provider.path.length > 1 || typeof step.with.provider === 'string')) {
        diagnostics.push({
          severity: 'error',
          message: `unknown provider "${provider.name}"${didYouMean(provider.name, pipeline.providers.keys())}; define it under \`providers:\``,
          location: source.locate([...at, 'with', ...provider.path]),
        });
      } else if (provider && config?.type === 'offline' && type.needsChatProvider) {
        diagnostics.push({
          severity: 'error',
          message: `provider "${provider.name}" is the offline generator, which has no chat API: ${step.uses} needs an LLM provider here (e.g. \`type: bedrock\` under \`providers:\`)`,
          location: source.locate([...at, 'with', ...provider.path]),
        });
      }
    }
    diagnostics.push(...commandChecks(step, pipeline));
    step.needs.forEach((need, i) => {
      if (need === step.id) {
        diagnostics.push({ severity: 'error', message: `step "${step.id}" needs itself`, location: source.locate([...at, 'needs', i]) });
      } else if (!ids.has(need)) {
        diagnostics.push({
          severity: 'error',
          message: `step "${step.id}" needs unknown step "${need}"${didYouMean(need, [...ids].filter((x) => x !== step.id))}`,
          location: source.locate(needsPath(pipeline, step, i)),
        });
      }
    });
  }

  diagnostics.push(...(await providerChecks(pipeline)));

  const graph = new Graph({ directed: true });
  for (const s of pipeline.steps) graph.setNode(s.id);
  for (const s of pipeline.steps) for (const n of s.needs) if (ids.has(n) && n !== s.id) graph.setEdge(n, s.id);
  for (const cycle of alg.findCycles(graph)) {
    // findCycles returns members in reverse; rebuild a readable path a → b → … → a along `needs`.
    const path = orderCycle(cycle, pipeline);
    const first = pipeline.steps.find((s) => s.id === path[0]) as StepDef;
    const idx = first.needs.findIndex((n) => n === path[path.length - 2]);
    diagnostics.push({
      severity: 'error',
      message: `dependency cycle: ${path.join(' → ')}`,
      location: source.locate(needsPath(pipeline, first, Math.max(0, idx))),
    });
  }

  if (diagnostics.some((d) => d.severity === 'error')) throw new InputError('invalid pipeline', sortDiagnostics(diagnostics));
  return { pipeline, types, graph, order: topoOrder(pipeline), warnings: sortDiagnostics(diagnostics) };
}

/** Provider entries checked before anything runs: a missing price or region is an input error, not a failed step. */
async function providerChecks(pipeline: Pipeline): Promise<Diagnostic[]> {
  const out: Diagnostic[] = [];
  for (const config of pipeline.providers.values()) {
    if (config.type !== 'bedrock') continue;
    const { resolveBedrockOptions, retirementWarning } = await import('../providers/bedrock/options.js');
    try {
      resolveBedrockOptions(config);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      const path = e instanceof OptionError ? e.path : [];
      out.push({ severity: 'error', message: e.message, location: pipeline.source.locate(['providers', config.name, ...path]) });
    }
    // Date-dependent, so never part of a fingerprint: only a warning, at run and dry-run alike.
    const retired = typeof config.options.model === 'string' ? retirementWarning(config.options.model) : undefined;
    if (retired) out.push({ severity: 'warning', message: `provider "${config.name}": ${retired}`, location: pipeline.source.locate(['providers', config.name, 'model']) });
  }
  return out;
}

function needsPath(pipeline: Pipeline, step: StepDef, i: number): Array<string | number> {
  // `needs: x` (a string) has no index to point into.
  const raw = pipeline.source.doc.getIn(['steps', step.id, 'needs']);
  return typeof raw === 'string' ? ['steps', step.id, 'needs'] : ['steps', step.id, 'needs', i];
}

function commandChecks(step: StepDef, pipeline: Pipeline): Diagnostic[] {
  const at = ['steps', step.id];
  const out: Diagnostic[] = [];
  if (step.uses === 'command') {
    if (!step.run) out.push({ severity: 'error', message: `command step "${step.id}" needs a \`run:\` command`, location: pipeline.source.locate(at, 'key') });
    step.outputs.forEach((o, i) => {
      const n = normalize(o);
      if (isAbsolute(o) || n.startsWith('..')) {
        out.push({ severity: 'error', message: `output "${o}" must be a path inside the pipeline's folder`, location: pipeline.source.locate([...at, 'outputs', i]) });
      }
    });
  } else {
    // Check the normalized step, not the document: walking the YAML per step made analysis quadratic.
    const given = { run: step.run !== undefined, inputs: step.inputs.length > 0, outputs: step.outputs.length > 0, env: Object.keys(step.env).length > 0 };
    for (const key of ['run', 'inputs', 'outputs', 'env'] as const) {
      if (given[key]) {
        out.push({ severity: 'error', message: `\`${key}\` is only allowed on \`uses: command\` steps`, location: pipeline.source.locate([...at, key], 'key') });
      }
    }
  }
  return out;
}

function orderCycle(members: string[], pipeline: Pipeline): string[] {
  const set = new Set(members);
  const start = pipeline.steps.find((s) => set.has(s.id))!.id as string;
  const path = [start];
  let cur = start;
  for (let guard = 0; guard < members.length; guard++) {
    const step = pipeline.steps.find((s) => s.id === cur)!;
    const next = step.needs.find((n) => set.has(n) && !path.includes(n)) ?? step.needs.find((n) => n === start);
    if (!next || next === start) break;
    path.push(next);
    cur = next;
  }
  path.push(start);
  return path;
}

function topoOrder(pipeline: Pipeline): StepId[] {
  // Kahn's algorithm with in-degree counts (linear), seeded in file order so output and scheduling are stable.
  const dependants = new Map<StepId, StepId[]>(pipeline.steps.map((s) => [s.id, []]));
  const indegree = new Map<StepId, number>();
  for (const s of pipeline.steps) {
    indegree.set(s.id, s.needs.length);
    for (const n of s.needs) dependants.get(n)!.push(s.id);
  }
  const order: StepId[] = pipeline.steps.filter((s) => s.needs.length === 0).map((s) => s.id);
  for (let i = 0; i < order.length; i++) {
    for (const d of dependants.get(order[i]!)!) {
      const left = indegree.get(d)! - 1;
      indegree.set(d, left);
      if (left === 0) order.push(d);
    }
  }
  if (order.length !== pipeline.steps.length) throw new Error('cycle survived analysis');
  return order;
}

function sortDiagnostics(ds: Diagnostic[]): Diagnostic[] {
  return ds.sort((a, b) => (a.location?.line ?? 0) - (b.location?.line ?? 0) || (a.location?.column ?? 0) - (b.location?.column ?? 0));
}
