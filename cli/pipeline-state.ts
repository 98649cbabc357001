// Shared by commands: load + analyze a pipeline file and find (or open) its state folder.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyze, type AnalyzedPipeline } from '../runner/analyze.js';
import { loadPipeline } from '../runner/load.js';
import { DB_FILE } from '../store/db.js';
import { StateStore } from '../store/state.js';

export async function loadAnalyzed(file: string): Promise<AnalyzedPipeline> {
  return analyze(loadPipeline(file));
}

export function stateDirFor(a: AnalyzedPipeline, override: string | undefined): string {
  return override ? resolve(override) : join(a.pipeline.dir, '.genesis');
}

/** Opens the state for reading; undefined when nothing has run yet (read-only commands create nothing). */
export function openExistingState(dir: string): StateStore | undefined {
  if (!existsSync(join(dir, DB_FILE))) return undefined;
  return StateStore.open(dir);
}
