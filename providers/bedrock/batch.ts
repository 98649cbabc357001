// Bedrock batch inference for the provider: JSONL records to S3, one model invocation job per group, results costed.
import type { ChatRequest } from '../contract.js';
import type { BatchInference, BatchJobProgress, BatchRecordResult } from '../batch-contract.js';
import { hashJson } from '../../util/hash.js';
import { GenesisError, ResumableStop, StepFailure } from '../../util/errors.js';
import type { BatchClient } from './batch-client.js';
import type { BatchOptions, Prices } from './batch-options.js';
import { converseBody } from './converse-body.js';
import { estimateInputTokens } from './provider.js';

const READABLE = new Set(['Completed', 'PartiallyCompleted']);
const TERMINAL = new Set(['Completed', 'PartiallyCompleted', 'Failed', 'Stopped', 'Expired']);

export class BedrockBatch implements BatchInference {
  readonly minRecords: number;
  readonly maxRecords: number;
  readonly waitMs: number;
  readonly pollMs: number;
  private client: Promise<BatchClient> | undefined;
  private readonly counts = { jobsCreated: 0, jobsFound: 0, records: 0, recordErrors: 0, inputTokens: 0, outputTokens: 0, usd: 0 };

  constructor(
    readonly model: string,
    private readonly opts: BatchOptions,
    private readonly prices: Prices,
    private readonly maxOutputTokens: number,
    readonly budgetUsd: number,
    private readonly clientFactory: () => Promise<BatchClient>,
  ) {
    this.minRecords = opts.minRecords;
    this.maxRecords = opts.maxRecords;
    this.waitMs = opts.waitMs;
    this.pollMs = opts.pollMs;
  }

  locate(name: string): { inputUri: string; outputUri: string } {
    return { inputUri: `${this.opts.s3Uri}${name}/records.jsonl`, outputUri: `${this.opts.s3Uri}${name}/output/` };
  }

  jobName(keys: readonly string[], generation: number): string {
    // Sorted: the same items make the same job whatever order the plan listed them in.
    const h = hashJson({ model: this.model, keys: [...keys].sort(), generation }).slice(0, 40);
    return `genesis-${h}`;
  }

  find(name: string): Promise<string | undefined> {
    return this.guard('ListModelInvocationJobs', () => this.findJob(name));
  }

  submit(job: { name: string; inputUri: string; outputUri: string; records: Array<{ recordId: string; request: ChatRequest }> }): Promise<string> {
    return this.guard(`job ${job.name}`, () => this.submitJob(job));
  }

  progress(arn: string): Promise<BatchJobProgress> {
    return this.guard('GetModelInvocationJob', () => this.jobProgress(arn));
  }

  results(arn: string): Promise<BatchRecordResult[]> {
    return this.guard('output read', () => this.readResults(arn));
  }

  private async findJob(name: string): Promise<string | undefined> {
    const c = await this.getClient();
    const found = (await c.findByName(name)).find((j) => j.name === name);
    if (found) this.counts.jobsFound++;
    return found?.arn;
  }

  private async submitJob(job: { name: string; inputUri: string; outputUri: string; records: Array<{ recordId: string; request: ChatRequest }> }): Promise<string> {
    const c = await this.getClient();
    // Rendering is deterministic, so an input already uploaded by an interrupted run is the same file.
    if (!(await c.exists(job.inputUri))) {
      const lines = job.records.map((r) => JSON.stringify({ recordId: r.recordId, modelInput: converseBody(r.request, this.maxTokens(r.request)) }));
      await c.put(job.inputUri, lines.join('\n') + '\n');
    }
    const arn = await c.create({ name: job.name, model: this.model, roleArn: this.opts.roleArn, inputUri: job.inputUri, outputUri: job.outputUri, timeoutHours: this.opts.timeoutHours });
    if (!arn) throw new StepFailure(`CreateModelInvocationJob for ${job.name} returned no job ARN`);
    this.counts.jobsCreated++;
    return arn;
  }

  private async jobProgress(arn: string): Promise<BatchJobProgress> {
    const s = await (await this.getClient()).status(arn);
    return {
      status: s.status,
      ...(s.processed !== undefined ? { processed: s.processed } : {}),
      ...(s.total !== undefined ? { total: s.total } : {}),
      ...(s.message ? { message: s.message } : {}),
      terminal: TERMINAL.has(s.status),
      readable: READABLE.has(s.status),
    };
  }

  /** Every `*.jsonl.out` under `<output>/<job id>/`; records come in any order and are joined on recordId by the caller. */
  private async readResults(arn: string): Promise<BatchRecordResult[]> {
    const c = await this.getClient();
    const s = await c.status(arn);
    const files = (await c.list(s.outputUri)).filter((u) => u.endsWith('.jsonl.out'));
    const out: BatchRecordResult[] = [];
    for (const file of files) {
      for (const line of (await c.get(file)).split('\n')) {
        if (!line.trim()) continue;
        let rec: OutputRecord;
        try {
          rec = JSON.parse(line) as OutputRecord;
        } catch {
          continue; // a torn line answers nothing; its item is asked again
        }
        if (typeof rec.recordId !== 'string') continue;
        this.counts.records++;
        if (rec.error !== undefined || !rec.modelOutput) {
          this.counts.recordErrors++;
          const e = rec.error;
          const why = typeof e === 'string' ? e : e ? `${e.errorCode ?? ''} ${e.errorMessage ?? ''}`.trim() : 'no modelOutput';
          out.push({ recordId: rec.recordId, error: why || 'error' });
          continue;
        }
        const m = rec.modelOutput;
        const text = (m.output?.message?.content ?? []).map((b) => (typeof b.text === 'string' ? b.text : '')).join('');
        const inputTokens = m.usage?.inputTokens ?? 0;
        const outputTokens = m.usage?.outputTokens ?? 0;
        const usd = (inputTokens * this.prices.input_per_1k + outputTokens * this.prices.output_per_1k) / 1000;
        this.counts.inputTokens += inputTokens;
        this.counts.outputTokens += outputTokens;
        this.counts.usd += usd;
        out.push({ recordId: rec.recordId, response: { text, stopReason: m.stopReason ?? 'end_turn', usage: { inputTokens, outputTokens }, costUsd: usd } });
      }
    }
    return out;
  }

  worstUsd(request: ChatRequest): number {
    return (estimateInputTokens(request) * this.prices.input_per_1k + this.maxTokens(request) * this.prices.output_per_1k) / 1000;
  }

  stats(): Record<string, number> {
    return { ...this.counts, usd: Math.round(this.counts.usd * 1e6) / 1e6 };
  }

  close(): void {
    const c = this.client;
    this.client = undefined;
    void c?.then((x) => x.destroy()).catch(() => undefined);
  }

  private maxTokens(request: ChatRequest): number {
    return Math.min(request.maxTokens ?? this.maxOutputTokens, this.maxOutputTokens);
  }

  /** An SDK error as what the user must do: retry later (service or network trouble) or fix something (access, input). */
  private failure(op: string, e: unknown): Error {
    if (e instanceof GenesisError) return e;
    const err = e as { name?: string; message?: string; code?: string; $metadata?: { httpStatusCode?: number } };
    const status = err.$metadata?.httpStatusCode;
    const why = `${err.name ?? 'Error'}: ${(err.message ?? String(e)).split('\n')[0]}`;
    if (status === undefined || status === 429 || status >= 500 || /Throttl|Timeout|ServiceUnavailable|ECONN|EPIPE|socket/i.test(`${err.name} ${err.code} ${err.message}`)) {
      return new ResumableStop(`Bedrock batch ${op} failed (${why}); jobs already created are recorded — rerun to continue`, 0);
    }
    return new StepFailure(`Bedrock batch ${op} failed: ${why}`);
  }

  private async guard<T>(op: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      throw this.failure(op, e);
    }
  }

  private getClient(): Promise<BatchClient> {
    this.client ??= this.clientFactory();
    return this.client;
  }
}

interface OutputRecord {
  recordId?: unknown;
  error?: string | { errorCode?: number | string; errorMessage?: string };
  modelOutput?: {
    output?: { message?: { content?: Array<{ text?: unknown }> } };
    stopReason?: string;
    usage?: { inputTokens?: number; outputTokens?: number };
  };
}
