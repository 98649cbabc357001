// Read-side queries over run history: runs with their step counts, one run's steps, and what a running run has done so far.
import type { Db } from './db.js';

export interface RunRow {
  id: string;
  pipeline: string;
  pipelineFile: string;
  status: string;
  startedAt: string;
  finishedAt: string | null;
  ran: number | null;
  cached: number | null;
  failed: number | null;
}

export interface StepRunRow {
  stepId: string;
  uses: string;
  status: string;
  durationMs: number | null;
  summary: string | null;
  error: string | null;
  outputHash: string | null;
}

/** Newest first; of one pipeline file when given. */
export function listRuns(db: Db, opts: { file?: string; limit: number }): RunRow[] {
  return db
    .prepare(
      `SELECT r.id, r.pipeline_name AS pipeline, r.pipeline_file AS pipelineFile, r.status, r.started_at AS startedAt, r.finished_at AS finishedAt,
        SUM(s.status = 'ran') AS ran, SUM(s.status = 'cached') AS cached, SUM(s.status = 'failed') AS failed
       FROM runs r LEFT JOIN step_runs s ON s.run_id = r.id ${opts.file ? 'WHERE r.pipeline_file = ?' : ''}
       GROUP BY r.id ORDER BY r.started_at DESC, r.rowid DESC LIMIT ?`,
    )
    .all(...(opts.file ? [opts.file] : []), opts.limit) as RunRow[];
}

export function runById(db: Db, id: string): RunRow | undefined {
  return db
    .prepare(`SELECT id, pipeline_name AS pipeline, pipeline_file AS pipelineFile, status, started_at AS startedAt, finished_at AS finishedAt, NULL AS ran, NULL AS cached, NULL AS failed FROM runs WHERE id = ?`)
    .get(id) as RunRow | undefined;
}

export function stepRunsOf(db: Db, runId: string): StepRunRow[] {
  return db
    .prepare('SELECT step_id AS stepId, uses, status, duration_ms AS durationMs, summary, error, output_hash AS outputHash FROM step_runs WHERE run_id = ? ORDER BY rowid')
    .all(runId) as StepRunRow[];
}

export interface RunningProgress {
  run: RunRow;
  /** Steps whose output was committed since the run started (a run's step history is written at its end). */
  stepsDone: string[];
  /** Item checkpoints written since the run started: under the lock only this run writes them. */
  items: number;
}

/** The pipeline's run recorded as running, and what it has committed so far; undefined when none is. */
export function runningProgress(db: Db, file: string): RunningProgress | undefined {
  const run = db
    .prepare(`SELECT id, pipeline_name AS pipeline, pipeline_file AS pipelineFile, status, started_at AS startedAt, finished_at AS finishedAt, NULL AS ran, NULL AS cached, NULL AS failed
      FROM runs WHERE pipeline_file = ? AND status = 'running' ORDER BY started_at DESC, rowid DESC LIMIT 1`)
    .get(file) as RunRow | undefined;
  if (!run) return undefined;
  const steps = db.prepare('SELECT step_id AS id FROM step_state WHERE pipeline_file = ? AND updated_at >= ? ORDER BY updated_at').all(file, run.startedAt) as Array<{ id: string }>;
  const { n } = db.prepare('SELECT COUNT(*) AS n FROM items WHERE updated_at >= ?').get(run.startedAt) as { n: number };
  return { run, stepsDone: steps.map((s) => s.id), items: n };
}
