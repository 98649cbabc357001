// Builds the StepContext a step type's run() receives, wiring it to the state store and events.
import { isAbsolute, resolve } from 'node:path';
import { createRng } from '../util/rng.js';
import type { Checkpoints, StepContext, StepInput, StepType } from '../steps/contract.js';
import type { ChatProvider } from '../providers/contract.js';
import { createProvider } from '../providers/factory.js';
import { InputError } from '../util/errors.js';
import type { Reporter } from './events.js';
import type { Pipeline, StepDef } from './pipeline.js';
import type { StateStore } from '../store/state.js';

export interface ContextDeps {
  pipeline: Pipeline;
  step: StepDef;
  type: StepType<any>;
  inputs: StepInput[];
  outDir: string;
  signal: AbortSignal;
  checkpoints: Checkpoints;
  store: StateStore;
  runId: string;
  fingerprint: Record<string, unknown>;
  report: Reporter;
  /** Providers are shared by every step of a run, so one limiter governs one quota. */
  providers: Map<string, Promise<ChatProvider>>;
  stats: Record<string, number>;
}

export function buildContext(d: ContextDeps): StepContext<any> {
  const { pipeline, step } = d;
  const params: Record<string, unknown> = step.uses === 'command' ? { run: step.run, outputs: step.outputs, env: step.env } : structuredClone(step.with);
  for (const key of d.type.pathParams ?? []) {
    const v = params[key];
    if (typeof v === 'string') params[key] = resolve(pipeline.dir, v);
  }
  const providerConfig = (name = 'default') => {
    const c = pipeline.providers.get(name);
    if (!c) throw new InputError(`unknown provider "${name}"`);
    return c;
  };
  return {
    stepId: step.id,
    pipelineName: pipeline.name,
    params,
    seed: pipeline.seed,
    inputs: d.inputs,
    outDir: d.outDir,
    pipelineDir: pipeline.dir,
    resolvePath: (p) => (isAbsolute(p) ? p : resolve(pipeline.dir, p)),
    rng: (...labels) => createRng(pipeline.seed, step.id, ...labels),
    log: {
      info: (message) => d.report({ kind: 'step-log', id: step.id, level: 'info', message }),
      warn: (message) => d.report({ kind: 'step-log', id: step.id, level: 'warn', message }),
    },
    progress: (done, total, note) => d.report({ kind: 'step-progress', id: step.id, done, total, note }),
    signal: d.signal,
    checkpoints: d.checkpoints,
    provider: (name = 'default') => {
      let p = d.providers.get(name);
      if (!p) d.providers.set(name, (p = createProvider(providerConfig(name))));
      return p;
    },
    providerConfig,
    services: {
      stateDir: d.store.dir,
      db: d.store.db,
      pipelineFile: pipeline.file,
      pipelineHash: pipeline.fileHash,
      fingerprint: d.fingerprint,
      runId: d.runId,
      recordStats: (s) => {
        for (const [k, v] of Object.entries(s)) d.stats[k] = (d.stats[k] ?? 0) + v;
      },
    },
  };
}
