// Shared by commands: load + analyze a pipeline file and find (or open) its state folder.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { analyze, type AnalyzedPipeline } from '../runner/analyze.js';
import { readCachedPipeline, SourceNeeded, writeCachedPipeline } from '../runner/pipeline-cache.js';
import { readPipelineSource } from '../runner/source.js';
import { DB_FILE } from '../store/db.js';
import { StateStore } from '../store/state.js';
import { environmentFault, isEnvironmentFault } from '../util/env-faults.js';

export async function loadAnalyzed(file: string): Promise<AnalyzedPipeline> {
  const { parsePipeline } = await import('../runner/load.js');
  return analyze(parsePipeline(readPipelineSource(file)));
}

/**
 * Like loadAnalyzed, but reuses the state folder's cache of validated pipelines: an unchanged file is not parsed
 * again (YAML and schema checks are most of a no-op's start-up). Returns a function that records the pipeline in
 * the cache once the state folder is ours (so bad input never writes into .genesis).
 */
export async function loadAnalyzedCached(file: string, stateDirOverride: string | undefined): Promise<{ analyzed: AnalyzedPipeline; remember(): void }> {
  const src = readPipelineSource(file);
  const stateDir = stateDirOverride ? resolve(stateDirOverride) : join(dirname(src.file), '.genesis');
  const cached = readCachedPipeline(stateDir, src);
  if (cached) {
    try {
      return { analyzed: await analyze(cached), remember: () => {} };
    } catch (e) {
      // A cached pipeline that now has a problem (a changed environment): parse it for located diagnostics.
      if (!(e instanceof SourceNeeded)) throw e;
    }
  }
  const { parsePipeline } = await import('../runner/load.js');
  const analyzed = await analyze(parsePipeline(src));
  return { analyzed, remember: () => writeCachedPipeline(stateDir, src, analyzed.pipeline) };
}

export function stateDirFor(a: AnalyzedPipeline, override: string | undefined): string {
  return override ? resolve(override) : join(a.pipeline.dir, '.genesis');
}

/** Opens the state for reading; undefined when nothing has run yet (read-only commands create nothing). */
export function openExistingState(dir: string): StateStore | undefined {
  if (!existsSync(join(dir, DB_FILE))) return undefined;
  try {
    return StateStore.open(dir);
  } catch (e) {
    // status, runs and --dry-run only read: on a read-only or unwritable state they read a copy instead of failing.
    if (!isEnvironmentFault(e)) throw e;
    try {
      return StateStore.openCopy(dir);
    } catch (copyFailed) {
      throw environmentFault(copyFailed, join(dir, DB_FILE)) ?? copyFailed; // unreadable too: say which file
    }
  }
}
