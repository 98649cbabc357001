// The run's history as stored: the latest run's steps (status, duration, tokens, cost) and the runs before it.
import type { StepDef } from '../../runner/pipeline.js';
import type { RunRow, StoredState } from './stored.js';

export interface StepTiming {
  stepId: string;
  uses: string;
  status: string;
  durationMs: number;
  /** Inferred: a step starts when the last of its needs ends (the scheduler starts ready steps at once). */
  startMs: number;
  summary: string;
  error: string | null;
  inputTokens: number;
  outputTokens: number;
  requests: number;
  /** Batch-inference records, apart from on-demand requests. */
  batchRecords: number;
  usd: number;
}

export interface RunData {
  latest: RunRow | undefined;
  steps: StepTiming[];
  history: Array<RunRow & { durationMs: number | null }>;
}

export function gatherRun(state: StoredState, defs: readonly StepDef[]): RunData {
  const history = state.runs(20).map((r) => ({ ...r, durationMs: r.finishedAt ? Date.parse(r.finishedAt) - Date.parse(r.startedAt) : null }));
  const latest = history[0];
  const rows = latest ? state.stepRuns(latest.id) : [];
  const byId = new Map(rows.map((r) => [r.stepId, r]));
  const ends = new Map<string, number>();
  const steps: StepTiming[] = [];
  // Visited needs-first, so every need's end is known when a step is reached.
  for (const def of topological(defs)) {
    const r = byId.get(def.id);
    if (!r) continue;
    const startMs = Math.max(0, ...def.needs.map((n) => ends.get(n) ?? 0));
    const durationMs = r.durationMs ?? 0;
    ends.set(def.id, startMs + durationMs);
    const cost = (r.metrics?.cost ?? {}) as { inputTokens?: number; outputTokens?: number; requests?: number; batchRecords?: number; usd?: number };
    steps.push({
      stepId: r.stepId,
      uses: r.uses,
      status: r.status,
      durationMs,
      startMs,
      summary: r.summary ?? '',
      error: r.error,
      inputTokens: cost.inputTokens ?? 0,
      outputTokens: cost.outputTokens ?? 0,
      requests: cost.requests ?? 0,
      batchRecords: cost.batchRecords ?? 0,
      usd: cost.usd ?? 0,
    });
  }
  return { latest, steps, history };
}

function topological(defs: readonly StepDef[]): StepDef[] {
  const done = new Set<string>();
  const out: StepDef[] = [];
  const byId = new Map(defs.map((d) => [d.id as string, d]));
  const visit = (d: StepDef) => {
    if (done.has(d.id)) return;
    done.add(d.id);
    for (const n of d.needs) {
      const dep = byId.get(n);
      if (dep) visit(dep);
    }
    out.push(d);
  };
  defs.forEach(visit);
  return out;
}
