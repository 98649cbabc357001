// The step-type registry: one line per type, loaded lazily so a run imports only the types it uses.
import type { StepDefinition, StepType } from './contract.js';
import { codeVersion } from '../util/code-versions.js';

type Loader = () => Promise<{ default: StepDefinition<any> }>;

const loaders: Record<string, Loader> = {
  command: () => import('./command/index.js'),
  'debug/echo': () => import('./debug-echo/index.js'),
  'generate/conversations': () => import('./generate-conversations/index.js'),
  'generate/timeseries': () => import('./generate-timeseries/index.js'),
  'validate/conversations': () => import('./validate-conversations/index.js'),
  'filter/conversations': () => import('./filter-conversations/index.js'),
  'validate/timeseries': () => import('./validate-timeseries/index.js'),
  'filter/timeseries': () => import('./filter-timeseries/index.js'),
  'bias/conversations': () => import('./bias-conversations/index.js'),
  'train/intent-classifier': () => import('./train-intent-classifier/index.js'),
  'train/forecaster': () => import('./train-forecaster/index.js'),
  'register/dataset': () => import('./register-dataset/index.js'),
  'export/huggingface': () => import('./export-huggingface/index.js'),
};

export function stepTypeNames(): string[] {
  return Object.keys(loaders);
}

export function hasStepType(name: string): boolean {
  return Object.prototype.hasOwnProperty.call(loaders, name);
}

const cache = new Map<string, StepType<any>>();

export async function loadStepType(name: string): Promise<StepType<any>> {
  let t = cache.get(name);
  if (!t) {
    const loader = loaders[name];
    if (!loader) throw new Error(`unknown step type ${name}`);
    // The version is derived from content at build time (scripts/build-versions.mjs), never declared by the step.
    t = { ...(await loader()).default, version: codeVersion(`step:${name}`) };
    cache.set(name, t);
  }
  return t;
}
