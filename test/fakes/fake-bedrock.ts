// A fake Amazon Bedrock Runtime (Converse) on 127.0.0.1: real wire protocol, quotas and injected faults.
import { createServer as createNetServer, type Socket } from 'node:net';
import { Duplex } from 'node:stream';
import { createServer as createHttp1Server, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttp2Server, type Http2ServerRequest, type Http2ServerResponse } from 'node:http2';
import { createRng } from '../../util/rng.js';
import { answerConversations, specsInPrompt } from './fake-bedrock-content.js';
import { answerSeriesPrompt, seriesSpecsInPrompt, type SeriesMisbehaviour } from './fake-series-content.js';
import { createFakePromptCache, type FakeCacheOptions } from './fake-bedrock-cache.js';
import { answerJudge } from './fake-bedrock-judge.js';
import type { Conversation, ConversationSpec } from '../../util/records.js';
import { createFakeS3 } from './fake-s3.js';
import { createFakeBatch, type FakeBatchOptions } from './fake-batch.js';

export type FaultName = '429' | '500' | '503' | 'timeout' | 'malformed' | 'truncate' | 'drop' | 'reset';
/** How the "model" writes conversation ids: as asked, its own numbering (conv_001… in every reply), none, or a mix. */
export type IdStyle = 'echo' | 'renumber' | 'omit' | 'mixed';
/** Scripted outcomes: a fault, `ok`, or a client error the real service would return. */
export type ScriptStep = FaultName | 'ok' | 'validation' | 'denied';

export interface FakeBedrockOptions {
  port?: number;
  /** Requests per minute accepted before real 429s (sliding window). */
  rpm?: number;
  /** Tokens (input + output) per minute accepted before real 429s. */
  tpm?: number;
  /** Length of the quota window; quotas scale with it (rpm 600 over 1 s = 10 requests/s window). */
  windowMs?: number;
  /** Probability of each fault per request, drawn from the seeded generator. */
  faults?: Partial<Record<FaultName, number>>;
  /** Outcomes consumed in order, one per request, before random faults apply. */
  script?: ScriptStep[] | string[];
  seed?: number;
  latencyMs?: number;
  /** Each reply's latency varies by up to ± this fraction of latencyMs (seeded). */
  latencyJitter?: number;
  /** How long a `timeout` request hangs before answering 408 ModelTimeoutException (the real one: up to minutes). */
  timeoutDelayMs?: number;
  /** Send `retry-after` (seconds) on quota 429s. Off by default: the real service does not. */
  retryAfter?: boolean;
  /** Ids in answers. Default `mixed`: like Claude, most replies echo them, some renumber, some leave them out. */
  ids?: IdStyle;
  /** Probability that a reply lists its items in another order. */
  reorder?: number;
  /** Probability that a reply leaves out one item (a model skipping one). */
  fewer?: number;
  /** Probability that a reply adds one item nobody asked for. */
  more?: number;
  /** Probability of prose and a code fence around the JSON (default 0.3). */
  prose?: number;
  /** What the "model" does wrong in time-series answers (defaults: fake-series-content.ts, on). */
  series?: Partial<SeriesMisbehaviour>;
  /** Prompt caching (cachePoint blocks): TTL and a minimum per checkpoint overriding the per-model one. */
  cache?: FakeCacheOptions;
  /** Batch inference jobs (control plane) and the S3 they read and write, on the same port. */
  batch?: FakeBatchOptions;
}

export interface FakeBedrock {
  url: string;
  close(): Promise<void>;
  stats(): Record<string, number>;
  /** Batch and S3 counters: `{ jobsCreated, recordsServed, … }`. */
  batchStats(): Record<string, number>;
  /** How many answered (HTTP 200) requests asked for each conversation_id (or, for judge prompts, each record_id). */
  itemRequests(): Record<string, number>;
}

export const FAULT_ORDER: FaultName[] = ['429', '500', '503', 'timeout', 'malformed', 'truncate', 'drop', 'reset'];
const ERRORS = {
  throttle: [429, 'ThrottlingException', 'Too many requests, please wait before trying again.'],
  '500': [500, 'InternalServerException', 'The server encountered an internal error while processing the request.'],
  '503': [503, 'ServiceUnavailableException', 'Bedrock is unable to process your request.'],
  timeout: [408, 'ModelTimeoutException', 'The request took too long to process. Processing time exceeded the model timeout length.'],
  denied: [403, 'AccessDeniedException', "You don't have access to the model with the specified model ID."],
} as const;

// Claude 3.5 Sonnet v2 is only served through an inference profile, as in the origin log.
const PROFILE_ONLY = /^anthropic\.claude-3-5-sonnet-20241022-v2:0$/;

type Req = IncomingMessage | Http2ServerRequest;
type Res = ServerResponse | Http2ServerResponse;

export async function startFakeBedrock(opts: FakeBedrockOptions = {}): Promise<FakeBedrock> {
  const windowMs = opts.windowMs ?? 60_000;
  const scale = windowMs / 60_000;
  const maxRequests = opts.rpm ? Math.max(1, Math.round(opts.rpm * scale)) : Infinity;
  const maxTokens = opts.tpm ? Math.max(1, Math.round(opts.tpm * scale)) : Infinity;
  const rng = createRng(opts.seed ?? 1, 'fake-bedrock');
  const script = [...(opts.script ?? [])] as ScriptStep[];
  const counters: Record<string, number> = {};
  const items: Record<string, number> = {};
  const bump = (k: string, n = 1) => (counters[k] = (counters[k] ?? 0) + n);
  const promptCache = createFakePromptCache(opts.cache);
  const accepted: number[] = [];
  const tokens: Array<[number, number]> = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let requestSeq = 0;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      if (ms <= 0) return resolve();
      const t = setTimeout(() => {
        timers.delete(t);
        resolve();
      }, ms);
      timers.add(t);
    });

  const overQuota = (now: number): number | undefined => {
    while (accepted.length && (accepted[0] as number) <= now - windowMs) accepted.shift();
    while (tokens.length && (tokens[0] as [number, number])[0] <= now - windowMs) tokens.shift();
    const used = tokens.reduce((a, [, n]) => a + n, 0);
    if (accepted.length >= maxRequests) return (accepted[0] as number) + windowMs - now;
    if (used >= maxTokens) return (tokens[0] as [number, number])[0] + windowMs - now;
    return undefined;
  };

  const nextFault = (): ScriptStep => {
    const scripted = script.shift();
    if (scripted) return scripted;
    const r = rng.next();
    let acc = 0;
    for (const f of FAULT_ORDER) {
      acc += opts.faults?.[f] ?? 0;
      if (r < acc) return f;
    }
    return 'ok';
  };

  const sendJson = (res: Res, status: number, body: unknown, headers: Record<string, string> = {}) => {
    const text = JSON.stringify(body);
    (res as ServerResponse).writeHead(status, {
      'content-type': 'application/json',
      'x-amzn-requestid': `fake-${String(++requestSeq).padStart(8, '0')}`,
      ...headers,
    });
    res.end(text);
  };

  const sendError = (res: Res, [status, type, message]: readonly [number, string, string], headers: Record<string, string> = {}) => {
    bump(`error_${type}`);
    // The real service suffixes the type with a namespace URL; the SDK strips it.
    sendJson(res, status, { message }, { 'x-amzn-errortype': `${type}:http://internal.amazon.com/coral/com.amazon.bedrock/`, ...headers });
  };

  const drop = (req: Req) => {
    const h2 = (req as Http2ServerRequest).stream;
    if (h2) h2.session?.destroy();
    else (req as IncomingMessage).socket.destroy();
  };

  const s3 = createFakeS3();
  const batch = createFakeBatch(s3, { seed: opts.seed ?? 1, ...(opts.series ? { series: opts.series } : {}), ...opts.batch });
  const stats = () => ({ ...counters, requests: counters.requests ?? 0, paid_replies: counters.ok ?? 0, items_served: counters.items_served ?? 0 });
  const report = () => ({ ...stats(), converse: { requests: counters.requests ?? 0 }, batch: batch.stats(), s3: s3.stats() });

  const handle = async (req: Req, res: Res) => {
    if (req.method === 'GET' && req.url === '/__fake/stats') return sendJson(res, 200, report());
    // Batch jobs and S3 share the port: their routes never overlap the runtime's /model/{id}/converse.
    if (!/^\/model\//.test(req.url ?? '')) {
      const chunks: Buffer[] = [];
      for await (const c of req as AsyncIterable<Buffer>) chunks.push(c);
      const raw = Buffer.concat(chunks);
      if (s3.handle(req, res, raw) || (await batch.handle(req, res, raw))) return;
      bump('not_found');
      return sendError(res, [404, 'UnknownOperationException', 'Unknown operation.']);
    }
    // Headers are never read beyond routing: Authorization carries credentials.
    const match = /^\/model\/([^/]+)\/converse$/.exec((req.url ?? '').split('?')[0] ?? '');
    if (req.method !== 'POST' || !match) {
      bump('not_found');
      return sendError(res, [404, 'UnknownOperationException', 'Unknown operation.']);
    }
    bump('requests');
    bump((req as Http2ServerRequest).stream ? 'http2' : 'http1');
    const modelId = decodeURIComponent(match[1] as string);
    const chunks: Buffer[] = [];
    for await (const c of req as AsyncIterable<Buffer>) chunks.push(c);
    let body: ConverseBody;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as ConverseBody;
    } catch {
      return sendError(res, [400, 'ValidationException', 'Malformed input request, please reformat your input and try again.']);
    }

    if (PROFILE_ONLY.test(modelId)) {
      return sendError(res, [
        400,
        'ValidationException',
        `Invocation of model ID ${modelId} with on-demand throughput isn't supported. Retry your request with the ID or ARN of an inference profile that contains this model.`,
      ]);
    }
    if (!Array.isArray(body.messages) || body.messages.length === 0) {
      return sendError(res, [400, 'ValidationException', 'A conversation must start with a user message.']);
    }
    const now = Date.now();
    const refused = promptCache.refusal(modelId, body.system ?? [], body.messages);
    if (refused) return sendError(res, [400, 'ValidationException', refused]);
    const wait = overQuota(now);
    if (wait !== undefined) {
      bump('throttled_quota');
      return sendError(res, ERRORS.throttle, opts.retryAfter ? { 'retry-after': String(Math.max(1, Math.ceil(wait / 1000))) } : {});
    }
    const fault = nextFault();
    switch (fault) {
      case '429':
        bump('fault_429');
        return sendError(res, ERRORS.throttle);
      case '500':
      case '503':
        bump(`fault_${fault}`);
        return sendError(res, ERRORS[fault]);
      case 'denied':
        return sendError(res, ERRORS.denied);
      case 'validation':
        return sendError(res, [400, 'ValidationException', 'The provided request is not valid.']);
      case 'drop':
        bump('fault_drop');
        return drop(req);
      case 'reset':
        break; // answered below, then cut mid-body
      case 'timeout':
        bump('fault_timeout');
        await sleep(opts.timeoutDelayMs ?? 30_000);
        if (res.writableEnded || res.destroyed) return;
        return sendError(res, ERRORS.timeout);
      default:
        break;
    }
    accepted.push(now);
    // The model's time: refusals and errors above come back at once, as the real service's do.
    if (opts.latencyMs) await sleep(opts.latencyMs * (1 + (opts.latencyJitter ?? 0) * (2 * rng.next() - 1)));

    const promptText = [...(body.system ?? []).map((b) => b.text ?? ''), ...body.messages.flatMap((m) => (m.content ?? []).map((b) => b.text ?? ''))].join('\n');
    const cached = promptCache.split(modelId, body.system ?? [], body.messages, Math.ceil(promptText.length / 4), now);
    const specs = specsInPrompt(promptText);
    const series = specs.length === 0 ? seriesSpecsInPrompt(promptText) : [];
    // A judge prompt carries <record>s, not <item>s: its own content module answers it.
    const judged = specs.length === 0 && series.length === 0 ? answerJudge(promptText, rng.fork(`judge-${requestSeq}`), { ids: opts.ids, fewer: opts.fewer, prose: opts.prose }) : undefined;
    let text: string;
    let cut = false;
    if (series.length > 0) {
      for (const s of series) items[s.series_id] = (items[s.series_id] ?? 0) + 1;
      ({ text, truncated: cut } = answerSeriesPrompt(series, rng.fork(requestSeq), { misbehaviour: opts.series, ids: opts.ids, prose: opts.prose }, bump));
      if (fault === 'malformed') (bump('fault_malformed'), (text = corruptOneItem(text, rng.int(0, series.length - 1))));
    } else if (judged && judged.records.length > 0) {
      for (const r of judged.records) items[r.record_id] = (items[r.record_id] ?? 0) + 1;
      bump('records_judged', judged.records.length);
      text = judged.text;
    } else if (specs.length === 0) {
      text = 'Hello from the fake Bedrock model.';
    } else {
      for (const s of specs) items[s.conversation_id] = (items[s.conversation_id] ?? 0) + 1;
      const convs = misbehave(await answerConversations(specs, rng.fork(requestSeq)), specs);
      bump('items_served', convs.length);
      const json = JSON.stringify(convs, null, 1);
      // Models wrap JSON in fences and prose now and then; clients must cope.
      text = rng.chance(opts.prose ?? 0.3) ? `Here are the conversations you asked for:\n\`\`\`json\n${json}\n\`\`\`\nLet me know if you need more.` : json;
      if (fault === 'malformed') {
        bump('fault_malformed');
        text = corruptOneItem(text, rng.int(0, convs.length - 1));
      }
    }
    let stopReason = cut ? 'max_tokens' : 'end_turn';
    const inputTokens = Math.ceil(promptText.length / 4);
    const limit = body.inferenceConfig?.maxTokens ?? 4096;
    if (fault === 'truncate') {
      bump('fault_truncate');
      text = text.slice(0, Math.floor(text.length * (0.3 + 0.5 * rng.next())));
      stopReason = 'max_tokens';
    }
    if (Math.ceil(text.length / 4) > limit) {
      text = text.slice(0, limit * 4);
      stopReason = 'max_tokens';
    }
    const outputTokens = Math.ceil(text.length / 4);
    // Bedrock leaves cached tokens out of inputTokens and out of the tokens-per-minute quota (writes count).
    const split = cached ?? { inputTokens, cacheReadInputTokens: 0, cacheWriteInputTokens: 0 };
    tokens.push([now, split.inputTokens + split.cacheWriteInputTokens + outputTokens]);
    bump('ok');
    bump('input_tokens', split.inputTokens);
    bump('output_tokens', outputTokens);
    if (cached) {
      bump('cache_points');
      bump(split.cacheReadInputTokens ? 'cache_hits' : split.cacheWriteInputTokens ? 'cache_writes' : 'cache_below_minimum');
      bump('cache_read_input_tokens', split.cacheReadInputTokens);
      bump('cache_write_input_tokens', split.cacheWriteInputTokens);
    }
    const usage = cached
      ? { ...split, totalTokens: inputTokens + outputTokens }
      : { inputTokens, outputTokens, totalTokens: inputTokens + outputTokens };
    const reply = {
      output: { message: { role: 'assistant', content: [{ text }] } },
      stopReason,
      usage: { ...usage, outputTokens },
      metrics: { latencyMs: opts.latencyMs ?? 1 },
    };
    if (fault === 'reset') {
      bump('fault_reset');
      return resetMidBody(req, res, JSON.stringify(reply));
    }
    sendJson(res, 200, reply);
  };

  /** What a model does to the answer it was asked for: ids, order, count (each a seeded draw per reply). */
  const misbehave = (convs: Conversation[], specs: ConversationSpec[]): Array<Record<string, unknown>> => {
    let out: Array<Record<string, unknown>> = convs.map((c) => ({ ...c }));
    if (out.length > 1 && rng.chance(opts.reorder ?? 0)) {
      bump('reordered');
      out = rng.shuffle(out);
    }
    if (out.length > 1 && rng.chance(opts.fewer ?? 0)) {
      bump('fewer');
      out.splice(rng.int(0, out.length - 1), 1);
    }
    if (specs.length && rng.chance(opts.more ?? 0)) {
      bump('more');
      out.push({ ...(out[0] ?? {}), conversation_id: `conv_extra_${requestSeq}` });
    }
    // Ids last: a model numbers what it actually wrote.
    const style = opts.ids ?? 'mixed';
    const pick = style === 'mixed' ? (rng.chance(0.6) ? 'echo' : rng.chance(0.6) ? 'renumber' : 'omit') : style;
    if (pick === 'renumber') out.forEach((c, i) => (c.conversation_id = `conv_${String(i + 1).padStart(3, '0')}`));
    if (pick === 'omit') out.forEach((c) => delete c.conversation_id);
    if (pick !== 'echo') bump(`ids_${pick}`);
    return out;
  };

  /** Headers and half the body, then the connection dies: HTTP/2 loses the session, HTTP/1.1 the socket. */
  const resetMidBody = (req: Req, res: Res, body: string) => {
    const bytes = Buffer.from(body, 'utf8');
    (res as ServerResponse).writeHead(200, {
      'content-type': 'application/json',
      'content-length': String(bytes.length),
      'x-amzn-requestid': `fake-${String(++requestSeq).padStart(8, '0')}`,
    });
    (res as ServerResponse).write(bytes.subarray(0, Math.floor(bytes.length / 2)), () => {
      const t = setTimeout(() => {
        timers.delete(t);
        drop(req);
      }, 5);
      timers.add(t);
    });
  };

  const onRequest = (req: Req, res: Res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent && !res.destroyed) sendError(res, ERRORS['500']);
    });
  };
  const h1 = createHttp1Server(onRequest);
  const h2 = createHttp2Server(onRequest);
  h2.on('sessionError', () => {});
  // One port, both protocols: the SDK's default handler speaks HTTP/2 (h2c on http://), curl and
  // NodeHttpHandler speak HTTP/1.1. The first bytes of the connection tell them apart.
  const server = createNetServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    socket.once('data', (first) => {
      socket.pause();
      if (first.subarray(0, 3).toString('latin1') === 'PRI') {
        // http2 reads a net.Socket's native handle directly, which would lose the sniffed bytes;
        // a JS Duplex in front of the socket makes it read through JavaScript instead.
        h2.emit('connection', replay(socket, first));
      } else {
        socket.unshift(first);
        h1.emit('connection', socket);
        socket.resume();
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  return {
    url: `http://127.0.0.1:${port}`,
    stats,
    batchStats: () => batch.stats(),
    itemRequests: () => ({ ...items }),
    close: async () => {
      for (const t of timers) clearTimeout(t);
      timers.clear();
      for (const s of sockets) s.destroy();
      h1.close();
      h2.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A Duplex that yields `first` and then everything the socket receives, and writes to the socket. */
function replay(socket: Socket, first: Buffer): Duplex {
  const duplex = new Duplex({
    read() {
      socket.resume();
    },
    write(chunk: Buffer, _enc, cb) {
      socket.write(chunk, cb);
    },
    final(cb) {
      socket.end();
      cb();
    },
    destroy(err, cb) {
      socket.destroy();
      cb(err);
    },
  });
  duplex.push(first);
  socket.on('data', (d: Buffer) => {
    if (!duplex.push(d)) socket.pause();
  });
  socket.on('end', () => duplex.push(null));
  socket.on('close', () => duplex.destroy());
  return duplex;
}

interface ConverseBody {
  messages: Array<{ role: string; content?: Array<{ text?: string; cachePoint?: { type?: string } }> }>;
  system?: Array<{ text?: string; cachePoint?: { type?: string } }>;
  inferenceConfig?: { maxTokens?: number; temperature?: number };
}

/** Breaks the JSON of one item (a missing colon) so a salvaging parser loses only that item. */
function corruptOneItem(text: string, index: number): string {
  let seen = -1;
  return text.replace(/"(turns|values)":/g, (m) => (++seen === index ? `${m.slice(0, -1)} ` : m));
}
