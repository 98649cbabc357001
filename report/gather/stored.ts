// What a pipeline's runs stored, read-only: its runs and step runs, each step's last output files in the object store.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DB_FILE, openDb, openDbCopy, type Db } from '../../store/db.js';
import type { Manifest } from '../../store/outputs.js';
import type { StepRunRow as HistoryStepRunRow } from '../../store/history.js';
import { isEnvironmentFault } from '../../util/env-faults.js';

export interface RunRow {
  id: string;
  startedAt: string;
  finishedAt: string | null;
  status: string;
  options: string;
}

/** A step run as the history shows it, with the metrics the step recorded. */
export interface StepRunRow extends HistoryStepRunRow {
  metrics: Record<string, unknown> | null;
}

export interface StoredStep {
  stepId: string;
  outputHash: string;
  updatedAt: string;
  /** Output file name → its path in the object store (read there: out/ may have been replaced or removed). */
  files: Map<string, string>;
}

export class StoredState {
  private constructor(readonly db: Db, readonly dir: string, readonly pipelineFile: string) {}

  /** Undefined when the folder holds no state database (nothing ever ran there). */
  static open(stateDir: string, pipelineFile: string): StoredState | undefined {
    if (!existsSync(join(stateDir, DB_FILE))) return undefined;
    let db: Db;
    try {
      db = openDb(stateDir, { readonly: true });
      db.prepare('SELECT 1 FROM runs LIMIT 1').get(); // a read-only open fails lazily; fail here, where we can fall back
    } catch (e) {
      if (!isEnvironmentFault(e) && !/readonly|read-only|unable to open/i.test(String(e))) throw e;
      db = openDbCopy(stateDir);
    }
    return new StoredState(db, stateDir, pipelineFile);
  }

  /** Newest first. */
  runs(limit = 20): RunRow[] {
    return this.db
      .prepare('SELECT id, started_at AS startedAt, finished_at AS finishedAt, status, options FROM runs WHERE pipeline_file = ? ORDER BY started_at DESC, rowid DESC LIMIT ?')
      .all(this.pipelineFile, limit) as RunRow[];
  }

  stepRuns(runId: string): StepRunRow[] {
    const rows = this.db
      .prepare(
        'SELECT step_id AS stepId, uses, status, duration_ms AS durationMs, summary, metrics, error, output_hash AS outputHash FROM step_runs WHERE run_id = ? ORDER BY rowid',
      )
      .all(runId) as Array<Omit<StepRunRow, 'metrics'> & { metrics: string | null }>;
    return rows.map((r) => ({ ...r, metrics: r.metrics ? (JSON.parse(r.metrics) as Record<string, unknown>) : null }));
  }

  /** The output each step of this pipeline last committed (what `out/<pipeline>/<step>` holds after a run). */
  step(stepId: string): StoredStep | undefined {
    const row = this.db
      .prepare(
        'SELECT s.output_hash AS outputHash, s.updated_at AS updatedAt, o.manifest AS manifest FROM step_state s JOIN outputs o ON o.output_hash = s.output_hash WHERE s.pipeline_file = ? AND s.step_id = ?',
      )
      .get(this.pipelineFile, stepId) as { outputHash: string; updatedAt: string; manifest: string } | undefined;
    if (!row) return undefined;
    const manifest = JSON.parse(row.manifest) as Manifest;
    const files = new Map<string, string>();
    for (const f of manifest.files) {
      const p = join(this.dir, 'objects', f.sha256.slice(0, 2), f.sha256.slice(2));
      if (existsSync(p)) files.set(f.path, p);
    }
    return { stepId, outputHash: row.outputHash, updatedAt: row.updatedAt, files };
  }

  close(): void {
    this.db.close();
  }
}
