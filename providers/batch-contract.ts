// What a provider offers for batch inference (Bedrock batch jobs): submit records, watch a job, read its results.
import type { ChatRequest, ChatResponse } from './contract.js';

export interface BatchRecordResult {
  recordId: string;
  /** The model's answer, costed at the batch price. */
  response?: ChatResponse;
  /** Why the service could not answer this record (it is asked again). */
  error?: string;
}

export interface BatchJobProgress {
  status: string;
  processed?: number;
  total?: number;
  message?: string;
  /** No further change will come: results can be read (Completed, PartiallyCompleted) or never will. */
  terminal: boolean;
  /** Terminal with results to read. */
  readable: boolean;
}

export interface BatchInference {
  readonly model: string;
  readonly minRecords: number;
  readonly maxRecords: number;
  readonly waitMs: number;
  readonly pollMs: number;
  /** Where a job's input file and output folder go, from its name. */
  locate(name: string): { inputUri: string; outputUri: string };
  /** The job's name for these item keys: deterministic, within the API's 63 characters and pattern. */
  jobName(keys: readonly string[], generation: number): string;
  /** ARN of the job with exactly this name, if the service has one. */
  find(name: string): Promise<string | undefined>;
  /** Uploads the records (unless already there) and creates the job; returns its ARN. */
  submit(job: { name: string; inputUri: string; outputUri: string; records: Array<{ recordId: string; request: ChatRequest }> }): Promise<string>;
  progress(arn: string): Promise<BatchJobProgress>;
  results(arn: string): Promise<BatchRecordResult[]>;
  /** Worst-case batch price of a request (input estimate, full output budget), for the budget check. */
  worstUsd(request: ChatRequest): number;
  readonly budgetUsd: number;
  stats(): Record<string, number>;
  close(): void;
}
