// The state store: cache entries, last fingerprints, runs and step runs, over the database and objects.
import type { Db } from './db.js';
import { nowIso, openDb, openDbCopy } from './db.js';
import { FileHasher } from './file-hashes.js';
import { ObjectStore } from './objects.js';
import type { Manifest } from './outputs.js';

export interface CacheHit {
  outputHash: string;
  manifest: Manifest;
}

export interface LastStepState {
  fingerprintHash: string;
  fingerprint: Record<string, unknown>;
  outputHash: string;
  updatedAt: string;
}

export class StateStore {
  readonly objects: ObjectStore;
  /** One size-and-mtime memo for every file the run checks: inputs, materialized outputs, objects. */
  readonly files: FileHasher;
  private readonly q;

  constructor(readonly db: Db, readonly dir: string) {
    this.files = new FileHasher(db);
    this.objects = new ObjectStore(dir, this.files);
    this.q = {
      cacheGet: db.prepare(
        'SELECT c.output_hash AS outputHash, o.manifest AS manifest FROM cache c JOIN outputs o ON o.output_hash = c.output_hash WHERE c.fingerprint_hash = ?',
      ),
      cacheDel: db.prepare('DELETE FROM cache WHERE fingerprint_hash = ?'),
      outputPut: db.prepare('INSERT OR IGNORE INTO outputs (output_hash, manifest, created_at) VALUES (?, ?, ?)'),
      outputGet: db.prepare('SELECT manifest FROM outputs WHERE output_hash = ?'),
      cachePut: db.prepare('INSERT OR REPLACE INTO cache (fingerprint_hash, output_hash, uses, created_at) VALUES (?, ?, ?, ?)'),
      stateGet: db.prepare(
        'SELECT fingerprint_hash AS fingerprintHash, fingerprint, output_hash AS outputHash, updated_at AS updatedAt FROM step_state WHERE pipeline_file = ? AND step_id = ?',
      ),
      stateHash: db.prepare('SELECT fingerprint_hash AS h FROM step_state WHERE pipeline_file = ? AND step_id = ?'),
      statePut: db.prepare(
        'INSERT OR REPLACE INTO step_state (pipeline_file, step_id, fingerprint_hash, fingerprint, output_hash, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      runPut: db.prepare(
        'INSERT INTO runs (id, pipeline_file, pipeline_name, pipeline_hash, started_at, status, options) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      runFinish: db.prepare('UPDATE runs SET status = ?, finished_at = ? WHERE id = ?'),
      runsAbandoned: db.prepare("UPDATE runs SET status = 'interrupted', finished_at = ? WHERE status = 'running'"),
      lastRanMetrics: db.prepare(
        `SELECT s.metrics FROM step_runs s JOIN runs r ON r.id = s.run_id
         WHERE r.pipeline_file = ? AND s.step_id = ? AND s.status IN ('ran', 'interrupted', 'failed') ORDER BY r.started_at DESC, r.rowid DESC LIMIT 1`,
      ),
      producedBy: db.prepare(
        `SELECT s.run_id AS runId, r.started_at AS startedAt, s.summary FROM step_runs s JOIN runs r ON r.id = s.run_id
         WHERE s.step_id = ? AND s.output_hash = ? AND s.status = 'ran' ORDER BY r.started_at DESC, s.rowid DESC LIMIT 1`,
      ),
      stepRunPut: db.prepare(
        'INSERT OR REPLACE INTO step_runs (run_id, step_id, uses, status, fingerprint_hash, output_hash, duration_ms, summary, metrics, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ),
    };
  }

  static open(dir: string, opts: { readonly?: boolean } = {}): StateStore {
    return new StateStore(openDb(dir, opts), dir);
  }

  /** For read-only commands on a state folder they can't write (a read-only mount): a private copy of the database. */
  static openCopy(dir: string): StateStore {
    return new StateStore(openDbCopy(dir), dir);
  }

  lookup(fingerprintHash: string): CacheHit | undefined {
    const row = this.q.cacheGet.get(fingerprintHash) as { outputHash: string; manifest: string } | undefined;
    return row ? { outputHash: row.outputHash, manifest: JSON.parse(row.manifest) as Manifest } : undefined;
  }

  manifest(outputHash: string): Manifest | undefined {
    const row = this.q.outputGet.get(outputHash) as { manifest: string } | undefined;
    return row ? (JSON.parse(row.manifest) as Manifest) : undefined;
  }

  forget(fingerprintHash: string): void {
    this.q.cacheDel.run(fingerprintHash);
  }

  /** Records a finished step: output manifest, cache entry and last state, in one transaction. */
  commitStep(a: { pipelineFile: string; stepId: string; uses: string; fingerprintHash: string; fingerprint: unknown; outputHash: string; manifest?: Manifest }): void {
    const now = nowIso();
    this.db.transaction(() => {
      if (a.manifest) this.q.outputPut.run(a.outputHash, JSON.stringify(a.manifest), now);
      this.q.cachePut.run(a.fingerprintHash, a.outputHash, a.uses, now);
      this.q.statePut.run(a.pipelineFile, a.stepId, a.fingerprintHash, JSON.stringify(a.fingerprint), a.outputHash, now);
    })();
  }

  lastState(pipelineFile: string, stepId: string): LastStepState | undefined {
    const row = this.q.stateGet.get(pipelineFile, stepId) as (Omit<LastStepState, 'fingerprint'> & { fingerprint: string }) | undefined;
    return row ? { ...row, fingerprint: JSON.parse(row.fingerprint) as Record<string, unknown> } : undefined;
  }

  /** Items that failed permanently in the step's last run (its `counts.failed`), for --retry-failed. */
  lastFailedItems(pipelineFile: string, stepId: string): number {
    const row = this.q.lastRanMetrics.get(pipelineFile, stepId) as { metrics: string | null } | undefined;
    if (!row?.metrics) return 0;
    const m = JSON.parse(row.metrics) as { counts?: { failed?: number } };
    return m.counts?.failed ?? 0;
  }

  /** The run in which the step made this output, and the summary it printed (so a cached step can say what it holds). */
  producedBy(stepId: string, outputHash: string): { runId: string; startedAt: string; summary: string | null } | undefined {
    return this.q.producedBy.get(stepId, outputHash) as { runId: string; startedAt: string; summary: string | null } | undefined;
  }

  lastFingerprintHash(pipelineFile: string, stepId: string): string | undefined {
    return (this.q.stateHash.get(pipelineFile, stepId) as { h: string } | undefined)?.h;
  }

  /**
   * Records a run as started. The caller holds the state lock, so a run still `running` belongs to a process that
   * died without recording its end (SIGKILL, power loss): it is marked interrupted, once and for all.
   */
  startRun(r: { id: string; pipelineFile: string; pipelineName: string; pipelineHash: string; options: unknown }): void {
    this.q.runsAbandoned.run(nowIso());
    this.q.runPut.run(r.id, r.pipelineFile, r.pipelineName, r.pipelineHash, nowIso(), 'running', JSON.stringify(r.options));
  }

  /** Records how the run ended — even when its step history can't be written (disk full), the status is tried. */
  finishRun(id: string, status: string): void {
    try {
      this.flushStepRuns();
    } finally {
      this.q.runFinish.run(status, nowIso(), id);
    }
  }

  recordStepRun(r: {
    runId: string;
    stepId: string;
    uses: string;
    status: string;
    fingerprintHash?: string;
    outputHash?: string | null;
    durationMs: number;
    summary?: string;
    metrics?: unknown;
    error?: string;
  }): void {
    // History rows are batched: one transaction per 200 rows instead of one commit per step.
    this.pendingStepRuns.push([
      r.runId,
      r.stepId,
      r.uses,
      r.status,
      r.fingerprintHash ?? null,
      r.outputHash ?? null,
      Math.round(r.durationMs),
      r.summary ?? null,
      r.metrics === undefined ? null : JSON.stringify(r.metrics),
      r.error ?? null,
    ]);
    if (this.pendingStepRuns.length >= 200) this.flushStepRuns();
  }

  private pendingStepRuns: unknown[][] = [];

  flushStepRuns(): void {
    if (!this.pendingStepRuns.length) return;
    const rows = this.pendingStepRuns.splice(0);
    this.db.transaction(() => {
      for (const r of rows) this.q.stepRunPut.run(...r);
    })();
  }

  close(): void {
    try {
      this.flushStepRuns();
    } finally {
      this.db.close(); // even on a full disk: an open handle would keep the file system busy
    }
  }
}
