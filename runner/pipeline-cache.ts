// A cache of validated, normalized pipelines keyed by the file's path and bytes and the genesis build, so a
// rerun of an unchanged file skips YAML parsing and schema checks (the largest start-up cost of a no-op).
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hashJson, sha256 } from '../util/hash.js';
import { packageRoot } from '../util/paths.js';
import { codeVersion } from '../util/code-versions.js';
import type { ProviderConfig } from '../providers/contract.js';
import type { Pipeline, SourceMap, StepDef } from './pipeline.js';
import type { PipelineSource } from './source.js';

/** Thrown when a cached pipeline needs source positions (a new diagnostic): the caller parses the file. */
export class SourceNeeded extends Error {}

let build: string | undefined;

/** Changes whenever genesis's version, any schema it validates with, or the loader's code (derived version) changes. */
function buildId(): string {
  if (build) return build;
  const root = packageRoot();
  let validators: string[] = [];
  try {
    validators = readdirSync(join(root, 'dist', 'validators')).sort();
  } catch {
    // Running from source: no precompiled validators, the version alone keys the cache.
  }
  const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
  // The loader's code decides what a cached entry holds: a change to it must not serve entries it made before.
  return (build = hashJson({ version, validators, loader: codeVersion('pipeline-loader') }).slice(0, 16));
}

function entryPath(stateDir: string, src: PipelineSource): string {
  return join(stateDir, 'pipelines', `${sha256(`${src.file}\u0000${buildId()}\u0000`).slice(0, 16)}-${sha256(src.bytes).slice(0, 32)}.json`);
}

interface Entry {
  name: string;
  seed: number;
  outputsDir: string;
  concurrency?: number;
  providers: ProviderConfig[];
  steps: StepDef[];
}

export function readCachedPipeline(stateDir: string, src: PipelineSource): Pipeline | undefined {
  let entry: Entry;
  try {
    entry = JSON.parse(readFileSync(entryPath(stateDir, src), 'utf8')) as Entry;
  } catch {
    return undefined;
  }
  const pipeline: Omit<Pipeline, 'source'> = {
    file: src.file,
    displayFile: src.display,
    dir: join(src.file, '..'),
    name: entry.name,
    seed: entry.seed,
    outputsDir: entry.outputsDir,
    concurrency: entry.concurrency,
    providers: new Map(entry.providers.map((p) => [p.name, p])),
    steps: entry.steps,
    fileHash: sha256(src.bytes),
  };
  return Object.defineProperty(pipeline, 'source', {
    get(): SourceMap {
      throw new SourceNeeded();
    },
  }) as Pipeline;
}

/** Records a pipeline that analyzed cleanly (its `with:` now carries the schema defaults). */
export function writeCachedPipeline(stateDir: string, src: PipelineSource, p: Pipeline): void {
  const entry: Entry = { name: p.name, seed: p.seed, outputsDir: p.outputsDir, concurrency: p.concurrency, providers: [...p.providers.values()], steps: p.steps };
  const path = entryPath(stateDir, src);
  mkdirSync(join(stateDir, 'pipelines'), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(entry));
  renameSync(tmp, path);
}
