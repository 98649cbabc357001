// A StepContext for unit tests of step types: temp folders, in-memory checkpoints, no database.
import { mkdtempSync, mkdirSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, isAbsolute } from 'node:path';
import type { Checkpoints, ItemRecord, ItemStore, StepContext, StepInput } from '../../steps/contract.js';
import { createRng } from '../../util/rng.js';

export class MemoryItemStore implements ItemStore {
  readonly items = new Map<string, ItemRecord>();
  get(key: string): ItemRecord | undefined {
    return this.items.get(key);
  }
  putDone(key: string, value: string): void {
    this.items.set(key, { key, status: 'done', value, attempts: (this.items.get(key)?.attempts ?? 0) + 1 });
  }
  putFailed(key: string, error: string): void {
    this.items.set(key, { key, status: 'failed', error, attempts: (this.items.get(key)?.attempts ?? 0) + 1 });
  }
  flush(): void {}
}

export function memoryCheckpoints(retryFailed = false): Checkpoints & { stores: Map<string, MemoryItemStore> } {
  const stores = new Map<string, MemoryItemStore>();
  return {
    stores,
    retryFailed,
    scope(name: string) {
      let s = stores.get(name);
      if (!s) stores.set(name, (s = new MemoryItemStore()));
      return s;
    },
  };
}

/** Describes a folder as an upstream StepInput (files listed recursively). */
export function inputFrom(dir: string, stepId = 'upstream', uses = 'test/upstream'): StepInput {
  const files: string[] = [];
  const walk = (rel: string) => {
    for (const e of readdirSync(join(dir, rel), { withFileTypes: true })) {
      const p = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(p);
      else files.push(p);
    }
  };
  walk('');
  return { stepId, uses, dir, files: files.sort(), outputHash: 'test', needs: [] };
}

export function testContext<P>(params: P, overrides: Partial<StepContext<P>> = {}): StepContext<P> & { logs: string[] } {
  const root = mkdtempSync(join(tmpdir(), 'genesis-step-'));
  const outDir = join(root, 'out');
  mkdirSync(outDir);
  const logs: string[] = [];
  const seed = overrides.seed ?? 42;
  const ctx: StepContext<P> & { logs: string[] } = {
    stepId: 'step',
    pipelineName: 'test',
    params,
    seed,
    inputs: [],
    outDir,
    pipelineDir: root,
    resolvePath: (p: string) => (isAbsolute(p) ? p : resolve(root, p)),
    rng: (...labels) => createRng(seed, 'step', ...labels),
    log: { info: (m) => logs.push(`info: ${m}`), warn: (m) => logs.push(`warn: ${m}`) },
    progress: () => {},
    signal: new AbortController().signal,
    checkpoints: memoryCheckpoints(),
    provider: async () => {
      throw new Error('no provider in this test context');
    },
    providerConfig: (name = 'default') => ({ name, type: 'offline', options: {} }),
    services: {
      stateDir: root,
      get db(): never {
        throw new Error('no database in this test context');
      },
      pipelineFile: join(root, 'pipeline.yaml'),
      pipelineHash: 'test',
      fingerprint: {},
      runId: 'test-run',
      recordStats: () => {},
    },
    logs,
    ...overrides,
  };
  return ctx;
}
