// What the runner's own tables say about the step that made the dataset: its fingerprint and what it cost.
import type { Db } from '../../store/db.js';

export interface ProducerState {
  fingerprintHash: string | null;
  fingerprint: Record<string, unknown>;
}

export interface Spend {
  inputTokens: number;
  outputTokens: number;
  requests: number;
  /** Batch-inference records, apart from on-demand requests (0 before state version 4, which counted them as requests). */
  batchRecords: number;
  usd: number;
}

/** The fingerprint under which a step made this output (its last state, else any run that made it). */
export function producerState(db: Db, pipelineFile: string, stepId: string, outputHash: string): ProducerState {
  const last = db
    .prepare('SELECT fingerprint_hash AS fingerprintHash, fingerprint FROM step_state WHERE pipeline_file = ? AND step_id = ? AND output_hash = ?')
    .get(pipelineFile, stepId, outputHash) as { fingerprintHash: string; fingerprint: string } | undefined;
  if (last) return { fingerprintHash: last.fingerprintHash, fingerprint: JSON.parse(last.fingerprint) as Record<string, unknown> };
  const any = db
    .prepare("SELECT fingerprint_hash AS fingerprintHash FROM step_runs WHERE step_id = ? AND output_hash = ? AND fingerprint_hash IS NOT NULL ORDER BY status = 'ran' DESC LIMIT 1")
    .get(stepId, outputHash) as { fingerprintHash: string } | undefined;
  return { fingerprintHash: any?.fingerprintHash ?? null, fingerprint: {} };
}

/**
 * Tokens and money spent making this output: every attempt (interrupted ones included, since a resumed
 * run pays only for what was missing) under any fingerprint that produced it. Cached reruns spend nothing.
 */
export function producerSpend(db: Db, stepId: string, outputHash: string): Spend {
  const rows = db
    .prepare(
      `SELECT metrics FROM step_runs WHERE step_id = ? AND metrics IS NOT NULL AND fingerprint_hash IN
         (SELECT fingerprint_hash FROM step_runs WHERE step_id = ? AND output_hash = ? AND status = 'ran')`,
    )
    .all(stepId, stepId, outputHash) as Array<{ metrics: string }>;
  const total: Spend = { inputTokens: 0, outputTokens: 0, requests: 0, batchRecords: 0, usd: 0 };
  for (const r of rows) {
    const cost = (JSON.parse(r.metrics) as { cost?: Partial<Spend> }).cost;
    if (!cost) continue;
    total.inputTokens += num(cost.inputTokens);
    total.outputTokens += num(cost.outputTokens);
    total.requests += num(cost.requests);
    total.batchRecords += num(cost.batchRecords);
    total.usd += num(cost.usd);
  }
  return total;
}

/**
 * Whether a step's output was computed from the dataset's output, per its recorded fingerprint. Unknown
 * (no recorded fingerprint) counts as yes: the pipeline's needs already say so.
 */
export function consumed(db: Db, pipelineFile: string, stepId: string, outputHash: string, datasetOutputHash: string): boolean {
  const { fingerprint } = producerState(db, pipelineFile, stepId, outputHash);
  const inputs = fingerprint.inputs;
  if (!Array.isArray(inputs)) return true;
  return inputs.some((i) => (i as { output?: unknown }).output === datasetOutputHash);
}

function num(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : 0;
}
