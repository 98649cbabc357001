// The step-type registry: one line per type, loaded lazily so a run imports only the types it uses.
import type { StepType } from './contract.js';

type Loader = () => Promise<{ default: StepType<any> }>;

const loaders: Record<string, Loader> = {
  command: () => import('./command/index.js'),
  'debug/echo': () => import('./debug-echo/index.js'),
  'generate/conversations': () => import('./generate-conversations/index.js'),
  'generate/timeseries': () => import('./generate-timeseries/index.js'),
  'validate/conversations': () => import('./validate-conversations/index.js'),
  'validate/timeseries': () => import('./validate-timeseries/index.js'),
  'bias/conversations': () => import('./bias-conversations/index.js'),
  'train/intent-classifier': () => import('./train-intent-classifier/index.js'),
  'train/forecaster': () => import('./train-forecaster/index.js'),
  'register/dataset': () => import('./register-dataset/index.js'),
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
    t = (await loader()).default;
    cache.set(name, t);
  }
  return t;
}
