// Events the executor streams to reporters; the executor itself never prints.
import type { StepId } from './pipeline.js';

export type StepStatus = 'ran' | 'cached' | 'failed' | 'skipped' | 'interrupted';
export type RunStatus = 'succeeded' | 'failed' | 'interrupted';

export interface StepReport {
  id: StepId;
  uses: string;
  status: StepStatus;
  durationMs: number;
  outputHash: string | null;
  summary?: string;
  error?: string;
  /** Why it ran (or why it was skipped). */
  reason?: string;
  metrics?: Record<string, unknown>;
  outputDir?: string;
}

export interface RunReport {
  pipeline: string;
  runId: string;
  status: RunStatus;
  steps: StepReport[];
  /** A step stopped in a resumable state (budget, throttling): exit 75 unless something failed. */
  resumable: boolean;
  /**
   * What the run paid for: `requests` are on-demand requests; batch records (and the jobs created) are counted apart;
   * `cacheSavedUsd` is what prompt caching took off the input cost.
   */
  cost?: { inputTokens: number; outputTokens: number; usd: number; requests: number; batchRecords?: number; batchJobs?: number; cacheSavedUsd?: number };
  /** A fault of the environment (disk full, read-only state) that failed a step or the run's history: reported after the summary (exit 74). */
  fault?: unknown;
}

export type RunEvent =
  | { kind: 'run-start'; runId: string; pipeline: string; steps: Array<{ id: StepId; uses: string }> }
  | { kind: 'step-start'; id: StepId; reason: string }
  | { kind: 'step-progress'; id: StepId; done: number; total?: number; note?: string }
  | { kind: 'step-log'; id: StepId; level: 'info' | 'warn'; message: string }
  | { kind: 'step-finish'; report: StepReport }
  | { kind: 'run-finish'; report: RunReport };

export type Reporter = (event: RunEvent) => void;
