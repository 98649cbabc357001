// Batch inference jobs in the state database: recorded before and after creation, so any rerun re-attaches to them.
import type { Db } from './db.js';
import { nowIso } from './db.js';

export interface BatchJobRecord {
  /** Deterministic from the job's item keys: the same items always make the same name. */
  name: string;
  model: string;
  /** `creating` until CreateModelInvocationJob answered, then the service's status; `collected` once read back. */
  status: string;
  arn?: string;
  inputUri: string;
  outputUri: string;
  /** The item keys, in input order. */
  keys: string[];
  /** How many records hold them: the keys cut in order into this many groups (providers/llm/batch-records.ts). */
  records: number;
  processed: number;
  message?: string;
  createdAt: string;
}

export interface BatchJobStore {
  /** Jobs not yet collected, oldest first. */
  open(): BatchJobRecord[];
  get(name: string): BatchJobRecord | undefined;
  /** Before CreateModelInvocationJob: a crash after this leaves a name to look for. */
  putCreating(job: Omit<BatchJobRecord, 'status' | 'processed' | 'createdAt' | 'arn'>): void;
  /** After CreateModelInvocationJob (or once found by name). */
  putArn(name: string, arn: string): void;
  update(name: string, status: string, processed: number, message?: string): void;
  /** Read back and checkpointed (or given up on): the job no longer holds its items. */
  markCollected(name: string, status: string, message?: string): void;
}

interface Row {
  name: string;
  model: string;
  status: string;
  job_arn: string | null;
  input_uri: string;
  output_uri: string;
  item_keys: string;
  record_count: number;
  processed: number;
  message: string | null;
  created_at: string;
}

export function dbBatchJobs(db: Db): BatchJobStore {
  const q = {
    open: db.prepare('SELECT * FROM batch_jobs WHERE collected_at IS NULL ORDER BY created_at, name'),
    get: db.prepare('SELECT * FROM batch_jobs WHERE name = ?'),
    put: db.prepare(
      `INSERT INTO batch_jobs (name, model, status, job_arn, input_uri, output_uri, item_keys, record_count, processed, message, created_at, updated_at, collected_at)
       VALUES (?, ?, 'creating', NULL, ?, ?, ?, ?, 0, NULL, ?, ?, NULL)
       ON CONFLICT (name) DO UPDATE SET collected_at = NULL, status = 'creating', job_arn = NULL, updated_at = excluded.updated_at`,
    ),
    arn: db.prepare('UPDATE batch_jobs SET job_arn = ?, status = ?, updated_at = ? WHERE name = ?'),
    update: db.prepare('UPDATE batch_jobs SET status = ?, processed = ?, message = ?, updated_at = ? WHERE name = ?'),
    collected: db.prepare('UPDATE batch_jobs SET status = ?, message = ?, collected_at = ?, updated_at = ? WHERE name = ?'),
  };
  const fromRow = (r: Row): BatchJobRecord => ({
    name: r.name,
    model: r.model,
    status: r.status,
    ...(r.job_arn ? { arn: r.job_arn } : {}),
    inputUri: r.input_uri,
    outputUri: r.output_uri,
    keys: JSON.parse(r.item_keys) as string[],
    records: r.record_count,
    processed: r.processed,
    ...(r.message ? { message: r.message } : {}),
    createdAt: r.created_at,
  });
  return {
    open: () => (q.open.all() as Row[]).map(fromRow),
    get: (name) => {
      const r = q.get.get(name) as Row | undefined;
      return r ? fromRow(r) : undefined;
    },
    putCreating(job) {
      const now = nowIso();
      q.put.run(job.name, job.model, job.inputUri, job.outputUri, JSON.stringify(job.keys), job.records, now, now);
    },
    putArn: (name, arn) => void q.arn.run(arn, 'Submitted', nowIso(), name),
    update: (name, status, processed, message) => void q.update.run(status, processed, message ?? null, nowIso(), name),
    markCollected: (name, status, message) => {
      const now = nowIso();
      q.collected.run(status, message ?? null, now, now, name);
    },
  };
}
