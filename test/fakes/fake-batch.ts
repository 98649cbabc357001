// The fake Bedrock control plane's batch inference: jobs that read JSONL from the fake S3, progress, and write output.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Http2ServerRequest, Http2ServerResponse } from 'node:http2';
import { createRng } from '../../util/rng.js';
import { answerConversations, specsInPrompt } from './fake-bedrock-content.js';
import { parseS3Uri, type FakeS3 } from './fake-s3.js';
import { answerSeriesPrompt, seriesSpecsInPrompt, type SeriesMisbehaviour } from './fake-series-content.js';

type Req = IncomingMessage | Http2ServerRequest;
type Res = ServerResponse | Http2ServerResponse;

export interface FakeBatchOptions {
  /** Time from CreateModelInvocationJob to Completed: Submitted for the first 10 %, then InProgress (default 20 s). */
  jobMs?: number;
  /** Probability that a record comes back with `error` instead of `modelOutput` (default 0). */
  recordErrors?: number;
  /** Fewest records a job accepts (the real default quota is 100); fewer fail validation. */
  minRecords?: number;
  /** Most records a job accepts (default 50,000). */
  maxRecords?: number;
  /** Output records in another order than the input's (the real service does not promise order; default on). */
  shuffle?: boolean;
  seed?: number;
  /** Probability that a record asking for several items answers all but its last one, as a model sometimes skips one (default 0). */
  dropItems?: number;
  /** What the "model" does wrong in time-series records (the runtime fake's setting; default fake-series-content.ts). */
  series?: Partial<SeriesMisbehaviour>;
}

interface Job {
  arn: string;
  id: string;
  name: string;
  modelId: string;
  roleArn: string;
  token?: string;
  input: string;
  output: string;
  timeoutHours: number;
  invocationType: string;
  submitted: Date;
  status: string;
  message?: string;
  total: number;
  processed: number;
  success: number;
  errors: number;
  ended?: Date;
  finishing?: Promise<void>;
}

const NAME = /^[a-zA-Z0-9]{1,63}(-*[a-zA-Z0-9+\-.]){0,63}$/;
const ROLE = /^arn:aws(-[^:]+)?:iam::([0-9]{12})?:role\/.+$/;
const ACCOUNT = '123456789012';

export interface FakeBatch {
  handle(req: Req, res: Res, body: Buffer): Promise<boolean>;
  stats(): Record<string, number>;
}

export function createFakeBatch(s3: FakeS3, opts: FakeBatchOptions = {}): FakeBatch {
  const jobMs = opts.jobMs ?? 20_000;
  const rng = createRng(opts.seed ?? 1, 'fake-batch');
  const jobs: Job[] = [];
  const counts = { jobsCreated: 0, jobsCompleted: 0, jobsFailed: 0, recordsServed: 0, recordErrors: 0, itemsDropped: 0, inputTokens: 0, outputTokens: 0, createRequests: 0, getRequests: 0, listRequests: 0 };

  const send = (res: Res, status: number, body: unknown, type?: string) => {
    (res as ServerResponse).writeHead(status, {
      'content-type': 'application/json',
      'x-amzn-requestid': `fake-batch-${counts.createRequests + counts.getRequests + counts.listRequests}`,
      ...(type ? { 'x-amzn-errortype': `${type}:http://internal.amazon.com/coral/com.amazon.bedrock/` } : {}),
    });
    res.end(JSON.stringify(body));
  };
  const fail = (res: Res, status: number, type: string, message: string) => send(res, status, { message }, type);

  const inputRecords = (job: Job): Array<{ file: string; records: Array<Record<string, unknown>> }> | string => {
    const where = parseS3Uri(job.input);
    if (!where) return `invalid input S3 URI ${job.input}`;
    const keys = where.key.endsWith('.jsonl') ? [where.key] : s3.list(where.bucket, where.key).filter((k) => k.endsWith('.jsonl'));
    const files = [];
    for (const key of keys) {
      const body = s3.get(where.bucket, key);
      if (!body) continue;
      const records = [];
      for (const line of body.toString('utf8').split('\n')) {
        if (!line.trim()) continue;
        try {
          records.push(JSON.parse(line) as Record<string, unknown>);
        } catch {
          return `${key}: a line is not JSON`;
        }
      }
      files.push({ file: key, records });
    }
    if (!files.length) return `no .jsonl input found at ${job.input}`;
    return files;
  };

  /** Moves a job along the clock; the output is written once, when it completes. */
  const advance = async (job: Job): Promise<void> => {
    if (job.finishing) return job.finishing;
    if (['Completed', 'Failed', 'Stopped', 'PartiallyCompleted', 'Expired'].includes(job.status)) return;
    const elapsed = Date.now() - job.submitted.getTime();
    if (job.status === 'Submitted' && elapsed < jobMs * 0.1) return;
    const input = inputRecords(job);
    if (typeof input === 'string') return finish(job, 'Failed', input);
    const total = input.reduce((a, f) => a + f.records.length, 0);
    job.total = total;
    if (total < (opts.minRecords ?? 100)) return finish(job, 'Failed', `The number of records in the input (${total}) is below the minimum of ${opts.minRecords ?? 100} records per batch inference job.`);
    if (total > (opts.maxRecords ?? 50_000)) return finish(job, 'Failed', `The number of records in the input (${total}) exceeds the maximum of ${opts.maxRecords ?? 50_000} records per batch inference job.`);
    if (elapsed < jobMs) {
      job.status = 'InProgress';
      job.processed = Math.floor((total * (elapsed - jobMs * 0.1)) / (jobMs * 0.9));
      return;
    }
    job.finishing = writeOutput(job, input).then(() => finish(job, 'Completed'));
    return job.finishing;
  };

  const finish = (job: Job, status: string, message?: string) => {
    job.status = status;
    job.ended = new Date();
    if (message) job.message = message;
    if (status === 'Completed') counts.jobsCompleted++;
    else counts.jobsFailed++;
  };

  const writeOutput = async (job: Job, input: Array<{ file: string; records: Array<Record<string, unknown>> }>) => {
    const out = parseS3Uri(job.output) as { bucket: string; key: string };
    const base = out.key.replace(/\/?$/, '/');
    let inputTokens = 0;
    let outputTokens = 0;
    for (const { file, records } of input) {
      let lines: string[] = [];
      for (const [i, r] of records.entries()) {
        const recordId = typeof r.recordId === 'string' ? r.recordId : `${String(i).padStart(11, '0')}`;
        const modelInput = r.modelInput as ConverseBody | undefined;
        if (rng.chance(opts.recordErrors ?? 0) || !modelInput || !Array.isArray(modelInput.messages)) {
          counts.recordErrors++;
          job.errors++;
          lines.push(JSON.stringify({ recordId, modelInput, error: { errorCode: 500, errorMessage: 'The model encountered an internal error while processing this record.' } }));
          continue;
        }
        const reply = await answer(modelInput, rng.fork(`${job.id}:${i}`), opts.series, opts.dropItems ?? 0, () => counts.itemsDropped++);
        inputTokens += reply.usage.inputTokens;
        outputTokens += reply.usage.outputTokens;
        counts.inputTokens += reply.usage.inputTokens;
        counts.outputTokens += reply.usage.outputTokens;
        counts.recordsServed++;
        job.success++;
        lines.push(JSON.stringify({ recordId, modelInput, modelOutput: reply }));
      }
      if (opts.shuffle ?? true) lines = rng.shuffle(lines);
      s3.put(out.bucket, `${base}${job.id}/${file.split('/').pop()}.out`, lines.join('\n') + '\n');
    }
    job.processed = job.total;
    s3.put(
      out.bucket,
      `${base}${job.id}/manifest.json.out`,
      JSON.stringify({ totalRecordCount: job.total, processedRecordCount: job.processed, successRecordCount: job.success, errorRecordCount: job.errors, inputTokenCount: inputTokens, outputTokenCount: outputTokens }),
    );
  };

  const view = (job: Job) => ({
    jobArn: job.arn,
    jobName: job.name,
    modelId: job.modelId,
    roleArn: job.roleArn,
    ...(job.token ? { clientRequestToken: job.token } : {}),
    status: job.status,
    ...(job.message ? { message: job.message } : {}),
    submitTime: job.submitted.toISOString(),
    lastModifiedTime: new Date().toISOString(),
    ...(job.ended ? { endTime: job.ended.toISOString() } : {}),
    inputDataConfig: { s3InputDataConfig: { s3Uri: job.input, s3InputFormat: 'JSONL' } },
    outputDataConfig: { s3OutputDataConfig: { s3Uri: job.output } },
    timeoutDurationInHours: job.timeoutHours,
    modelInvocationType: job.invocationType,
    ...(job.total ? { totalRecordCount: job.total, processedRecordCount: job.processed, successRecordCount: job.success, errorRecordCount: job.errors } : {}),
  });

  const find = (identifier: string) => jobs.find((j) => j.arn === identifier || j.id === identifier);

  const create = (res: Res, body: Buffer) => {
    counts.createRequests++;
    let b: CreateBody;
    try {
      b = JSON.parse(body.toString('utf8')) as CreateBody;
    } catch {
      return fail(res, 400, 'ValidationException', 'Malformed request body.');
    }
    const input = b.inputDataConfig?.s3InputDataConfig?.s3Uri;
    const output = b.outputDataConfig?.s3OutputDataConfig?.s3Uri;
    const problems: string[] = [];
    if (typeof b.jobName !== 'string' || !NAME.test(b.jobName)) problems.push(`Value '${b.jobName}' at 'jobName' failed to satisfy constraint: Member must satisfy regular expression pattern: ${NAME.source}`);
    if (typeof b.roleArn !== 'string' || !ROLE.test(b.roleArn)) problems.push(`Value '${b.roleArn}' at 'roleArn' failed to satisfy constraint: Member must satisfy regular expression pattern: ${ROLE.source}`);
    if (typeof b.modelId !== 'string' || !b.modelId) problems.push("Value null at 'modelId' failed to satisfy constraint: Member must not be null");
    if (!input || !parseS3Uri(input)) problems.push("Value at 'inputDataConfig.s3InputDataConfig.s3Uri' must be an s3:// URI");
    if (!output || !parseS3Uri(output)) problems.push("Value at 'outputDataConfig.s3OutputDataConfig.s3Uri' must be an s3:// URI");
    if (b.timeoutDurationInHours !== undefined && !(b.timeoutDurationInHours >= 24 && b.timeoutDurationInHours <= 168)) {
      problems.push(`Value '${b.timeoutDurationInHours}' at 'timeoutDurationInHours' failed to satisfy constraint: Member must have value between 24 and 168`);
    }
    if (problems.length) return fail(res, 400, 'ValidationException', `${problems.length} validation error${problems.length > 1 ? 's' : ''} detected: ${problems.join('; ')}`);
    // Idempotent on clientRequestToken, as the real API: the same request twice is one job.
    const same = b.clientRequestToken ? jobs.find((j) => j.token === b.clientRequestToken) : undefined;
    if (same) return send(res, 200, { jobArn: same.arn });
    if (jobs.some((j) => j.name === b.jobName)) return fail(res, 409, 'ConflictException', `A batch inference job named ${b.jobName} already exists.`);
    const id = rng.fork(`job:${jobs.length}`).int(0, 36 ** 8).toString(36).padStart(8, '0') + String(jobs.length).padStart(4, '0');
    const job: Job = {
      arn: `arn:aws:bedrock:us-east-1:${ACCOUNT}:model-invocation-job/${id}`,
      id,
      name: b.jobName as string,
      modelId: b.modelId as string,
      roleArn: b.roleArn as string,
      ...(b.clientRequestToken ? { token: b.clientRequestToken } : {}),
      input: input as string,
      output: output as string,
      timeoutHours: b.timeoutDurationInHours ?? 24,
      invocationType: b.modelInvocationType ?? 'InvokeModel',
      submitted: new Date(),
      status: 'Submitted',
      total: 0,
      processed: 0,
      success: 0,
      errors: 0,
    };
    jobs.push(job);
    counts.jobsCreated++;
    send(res, 200, { jobArn: job.arn });
  };

  const handle = async (req: Req, res: Res, body: Buffer): Promise<boolean> => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const path = url.pathname;
    if (req.method === 'POST' && path === '/model-invocation-job') {
      create(res, body);
      return true;
    }
    const get = /^\/model-invocation-job\/([^/]+)(\/stop)?$/.exec(path);
    if (get) {
      counts.getRequests++;
      const job = find(decodeURIComponent(get[1] as string));
      if (!job) {
        fail(res, 404, 'ResourceNotFoundException', 'The specified batch inference job was not found.');
        return true;
      }
      if (get[2] && req.method === 'POST') {
        if (!['Completed', 'Failed', 'Stopped'].includes(job.status)) finish(job, 'Stopped');
        send(res, 200, {});
        return true;
      }
      await advance(job);
      send(res, 200, view(job));
      return true;
    }
    if (req.method === 'GET' && path === '/model-invocation-jobs') {
      counts.listRequests++;
      const contains = url.searchParams.get('nameContains') ?? '';
      const status = url.searchParams.get('statusEquals');
      const max = Number(url.searchParams.get('maxResults') ?? 1000);
      const start = Number(url.searchParams.get('nextToken') ?? 0);
      const matching = jobs.filter((j) => j.name.includes(contains) && (!status || j.status === status));
      for (const j of matching) await advance(j);
      const page = matching.slice(start, start + max);
      send(res, 200, { invocationJobSummaries: page.map(view), ...(start + max < matching.length ? { nextToken: String(start + max) } : {}) });
      return true;
    }
    return false;
  };

  return { handle, stats: () => ({ ...counts, jobs: jobs.length }) };
}

interface ConverseBody {
  messages: Array<{ role: string; content?: Array<{ text?: string }> }>;
  system?: Array<{ text?: string }>;
  inferenceConfig?: { maxTokens?: number };
}

interface CreateBody {
  jobName?: string;
  roleArn?: string;
  clientRequestToken?: string;
  modelId?: string;
  inputDataConfig?: { s3InputDataConfig?: { s3Uri?: string } };
  outputDataConfig?: { s3OutputDataConfig?: { s3Uri?: string } };
  timeoutDurationInHours?: number;
  modelInvocationType?: string;
}

/** A Converse response for one record, from the same "model" as the runtime fake. */
async function answer(body: ConverseBody, rng: ReturnType<typeof createRng>, series: Partial<SeriesMisbehaviour> | undefined, dropItems: number, dropped: () => void) {
  const prompt = [...(body.system ?? []).map((b) => b.text ?? ''), ...body.messages.flatMap((m) => (m.content ?? []).map((b) => b.text ?? ''))].join('\n');
  const specs = specsInPrompt(prompt);
  if (specs.length > 1 && rng.chance(dropItems)) (dropped(), specs.pop());
  const seriesSpecs = specs.length ? [] : seriesSpecsInPrompt(prompt);
  const text = specs.length
    ? JSON.stringify(await answerConversations(specs, rng), null, 1)
    : seriesSpecs.length
      ? answerSeriesPrompt(seriesSpecs, rng, { ...(series ? { misbehaviour: series } : {}) }, () => undefined).text
      : 'Hello from the fake Bedrock batch model.';
  const inputTokens = Math.ceil(prompt.length / 4);
  const outputTokens = Math.ceil(text.length / 4);
  return {
    output: { message: { role: 'assistant', content: [{ text }] } },
    stopReason: 'end_turn',
    usage: { inputTokens, outputTokens, totalTokens: inputTokens + outputTokens },
    metrics: { latencyMs: 1 },
  };
}
