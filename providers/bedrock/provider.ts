// The Bedrock ChatProvider: controller-gated Converse calls with our retry policy, timeout, breaker, budget and cost.
import type { ChatProvider, ChatRequest, ChatResponse, ProviderConfig } from '../contract.js';
import { ResumableStop, StepFailure } from '../../util/errors.js';
import { createRng, type Rng } from '../../util/rng.js';
import { abortError, sleep } from '../../util/abort.js';
import { backoffMs } from './backoff.js';
import { classifyError, type Failure } from './classify.js';
import { AdaptiveLimiter } from './limiter.js';
import { CircuitBreaker } from './breaker.js';
import type { BedrockOptions } from './options.js';
import type { ConverseClient } from './client.js';
import type { BatchInference } from '../batch-contract.js';

/** chars/4 is the usual rough English/Spanish token estimate; it is corrected from reported usage. */
export function estimateInputTokens(request: ChatRequest): number {
  let chars = request.system?.length ?? 0;
  for (const m of request.messages) chars += m.text.length;
  return Math.ceil(chars / 4);
}

const DEADLINE_RECHECK_MS = 1000;
/** Throttle backoff stays within 500 ms × 2^2 = 2 s while throttles are not most replies. */
const UNCONGESTED_BACKOFF_STEPS = 2;
/** Tries of a request that never reached the service before the run stops saying so (backoff 0.25 + 0.5 s between). */
const UNREACHABLE_TRIES = 3;
/** Bedrock keeps a cached prefix 5 minutes after its last use; past that the next request writes it again. */
const CACHE_TTL_MS = 5 * 60_000;

export class BedrockProvider implements ChatProvider {
  private readonly limiter: AdaptiveLimiter;
  private readonly breaker: CircuitBreaker;
  private readonly rng: Rng;
  private client: Promise<ConverseClient> | undefined;
  private stopped: ResumableStop | undefined;
  /** Some request got a reply from the service: a connection failure after that is a blip, not a wrong address. */
  private reached = false;
  private reservedUsd = 0;
  private readonly budgetWaiters: Array<() => void> = [];
  private readonly counts = {
    requests: 0, successes: 0, throttles: 0, retries: 0, errors: 0, timeouts: 0, inputTokens: 0, outputTokens: 0, usd: 0,
    cacheReadTokens: 0, cacheWriteTokens: 0, cacheSavedUsd: 0, inputUsd: 0,
  };
  /** Static prefixes sent with a cache point: when each was last used, and the request writing it, if one is. */
  private readonly prefixes = new Map<string, { lastUsed: number; writing?: Promise<void> }>();

  constructor(
    readonly config: ProviderConfig,
    private readonly opts: BedrockOptions,
    private readonly clientFactory: () => Promise<ConverseClient>,
    /** Batch jobs (`mode: batch`); missing items go there first, the rest through `converse`. */
    readonly batch?: BatchInference,
  ) {
    this.limiter = new AdaptiveLimiter(opts.limits);
    this.breaker = new CircuitBreaker(opts.patienceMs);
    // Jitter only decides when to retry, never what is generated; seeded anyway (no Math.random).
    this.rng = createRng('bedrock-backoff', opts.model, opts.region);
  }

  identity(): Record<string, unknown> {
    return { type: 'bedrock', model: this.opts.model, region: this.opts.region };
  }

  stats(): Record<string, number> {
    const l = this.limiter.snapshot();
    const round = (v: number) => Math.round(v * 1e6) / 1e6;
    return { ...this.counts, usd: round(this.counts.usd), cacheSavedUsd: round(this.counts.cacheSavedUsd), inputUsd: round(this.counts.inputUsd), rpm: l.rpm, concurrency: l.concurrency, inFlight: l.inFlight, timeoutMs: this.timeoutMs() };
  }

  /**
   * A multiple of the rolling p95 of reply latency, within [min, max]: a hung request is given up on after a few
   * normal reply times instead of a fixed two minutes. Until a reply has been timed, the ceiling applies.
   */
  timeoutMs(): number {
    const { maxMs, minMs, p95Multiple } = this.opts.timeout;
    const p95 = this.limiter.latency.p95();
    return p95 === undefined ? maxMs : Math.round(Math.min(maxMs, Math.max(minMs, p95 * p95Multiple)));
  }

  async close(): Promise<void> {
    this.batch?.close();
    const c = this.client;
    this.client = undefined;
    if (c) (await c.catch(() => undefined))?.destroy();
  }

  /**
   * A cache point goes after the system text when the request marks it static, the model caches prompts, and the
   * prefix reaches the model's minimum (Bedrock would accept a shorter one but cache nothing).
   */
  private cachePointFor(request: ChatRequest): string | undefined {
    const cache = this.opts.cache;
    if (!cache || !request.cacheableSystem || !request.system) return undefined;
    return estimateInputTokens({ messages: [], system: request.system }) >= cache.minTokens ? request.system : undefined;
  }

  async converse(request: ChatRequest, signal?: AbortSignal): Promise<ChatResponse> {
    const prefix = this.cachePointFor(request);
    // The first request with a prefix writes it to the cache alone: sent together, every one would pay the write.
    const written = prefix === undefined ? undefined : await this.claimPrefix(prefix, signal);
    try {
      return await this.send(request, prefix !== undefined, signal);
    } finally {
      if (prefix !== undefined) {
        const entry = this.prefixes.get(prefix);
        if (entry) entry.lastUsed = Date.now();
        written?.();
      }
    }
  }

  /** Waits while another request is writing `prefix` to the cache; returns a release when this request is the writer. */
  private async claimPrefix(prefix: string, signal?: AbortSignal): Promise<(() => void) | undefined> {
    for (;;) {
      if (signal?.aborted) throw abortError();
      const entry = this.prefixes.get(prefix);
      if (entry?.writing) {
        await untilSettledOrAborted(entry.writing, signal);
        continue;
      }
      if (entry && Date.now() - entry.lastUsed < CACHE_TTL_MS) return undefined;
      let release!: () => void;
      const writing = new Promise<void>((resolve) => (release = resolve));
      this.prefixes.set(prefix, { lastUsed: Date.now(), writing });
      return () => {
        const e = this.prefixes.get(prefix);
        if (e) e.writing = undefined;
        release();
      };
    }
  }

  private async send(request: ChatRequest, cachePoint: boolean, signal?: AbortSignal): Promise<ChatResponse> {
    const { model, region, prices } = this.opts;
    const cache = this.opts.cache;
    const maxTokens = Math.min(request.maxTokens ?? this.opts.maxOutputTokens, this.opts.maxOutputTokens);
    const estTokens = estimateInputTokens(request) + maxTokens;
    // A cache write costs more than plain input: the worst case prices every input token at the dearer of the two.
    const inputWorst = cachePoint && cache ? Math.max(prices.input_per_1k, cache.writePer1k) : prices.input_per_1k;
    const worstUsd = (estimateInputTokens(request) * inputWorst + maxTokens * prices.output_per_1k) / 1000;
    let throttleAttempt = 0;
    let failures = 0;
    for (let attempt = 0; ; attempt++) {
      if (signal?.aborted) throw abortError();
      if (this.stopped) throw this.stopped;
      // Loaded before the clock starts: loading the SDK is not the service being slow.
      const client = await this.getClient();
      await this.reserveBudget(worstUsd, signal);
      let permit;
      try {
        permit = await this.limiter.acquire(estTokens, signal);
      } catch (e) {
        this.releaseBudget(worstUsd);
        throw e;
      }
      if (this.stopped) {
        this.releaseBudget(worstUsd);
        permit.release('error');
        throw this.stopped;
      }
      this.counts.requests++;
      if (attempt > 0) this.counts.retries++;
      const call = new AbortController();
      let timedOut = false;
      let timeoutMs = this.timeoutMs();
      const sentAt = Date.now();
      let timer: NodeJS.Timeout | undefined;
      // The deadline follows the timeout as it is learned: requests sent before the first reply was timed start
      // under the ceiling, and must not keep it once the p95 says replies take a fraction of that.
      const arm = () => {
        timeoutMs = this.timeoutMs();
        const left = timeoutMs - (Date.now() - sentAt);
        if (left <= 0) {
          timedOut = true;
          call.abort();
        } else timer = setTimeout(arm, Math.min(left, DEADLINE_RECHECK_MS));
      };
      arm();
      const onAbort = () => call.abort();
      signal?.addEventListener('abort', onAbort, { once: true });
      let failure: Failure;
      try {
        const out = await client.converse(model, request, maxTokens, call.signal, cachePoint);
        const read = out.cacheReadInputTokens;
        const write = out.cacheWriteInputTokens;
        // Cached tokens are reported apart from inputTokens; a model that reports them without genesis knowing
        // cache prices is billed here at the input price (an overestimate for reads, never an undercount).
        const readPrice = cache?.readPer1k ?? prices.input_per_1k;
        const writePrice = cache?.writePer1k ?? prices.input_per_1k;
        const usd = (out.inputTokens * prices.input_per_1k + read * readPrice + write * writePrice + out.outputTokens * prices.output_per_1k) / 1000;
        const inputTokens = out.inputTokens + read + write;
        this.counts.successes++;
        this.counts.inputTokens += inputTokens;
        this.counts.outputTokens += out.outputTokens;
        this.counts.usd += usd;
        this.counts.cacheReadTokens += read;
        this.counts.cacheWriteTokens += write;
        this.counts.cacheSavedUsd += (read * (prices.input_per_1k - readPrice) - write * (writePrice - prices.input_per_1k)) / 1000;
        this.counts.inputUsd += (out.inputTokens * prices.input_per_1k + read * readPrice + write * writePrice) / 1000;
        this.breaker.success();
        this.reached = true;
        // Cache reads do not count against Bedrock's tokens-per-minute quota; writes do.
        permit.release('success', out.inputTokens + write + out.outputTokens);
        const usage = { inputTokens, outputTokens: out.outputTokens, ...(read || write ? { cacheReadInputTokens: read, cacheWriteInputTokens: write } : {}) };
        return { text: out.text, stopReason: out.stopReason, usage, costUsd: usd };
      } catch (e) {
        if (signal?.aborted) {
          permit.release('error');
          throw abortError();
        }
        failure = timedOut ? { kind: 'transient', label: 'timeout', reason: `no answer within ${timeoutMs} ms` } : classifyError(e, model, region);
      } finally {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        this.releaseBudget(worstUsd);
      }

      if (failure.kind === 'fatal') {
        this.counts.errors++;
        permit.release('error');
        throw new StepFailure(failure.message);
      }
      const open = this.breaker.failure(failure.label, failure.kind === 'throttle');
      let wait: number;
      if (failure.kind === 'throttle') {
        this.counts.throttles++;
        permit.release('throttle', 0, failure.retryAfterMs);
        // Backing off further and further is for congestion; a refusal the rate didn't cause (a service-side
        // storm) only needs a jittered retry, so the exponent stops growing while the limiter sees no congestion.
        const exponent = this.limiter.congested() ? throttleAttempt : Math.min(throttleAttempt, UNCONGESTED_BACKOFF_STEPS);
        throttleAttempt++;
        wait = failure.retryAfterMs ?? backoffMs(exponent, this.rng);
      } else {
        this.counts.errors++;
        if (timedOut) this.counts.timeouts++;
        permit.release(timedOut ? 'timeout' : 'error');
        failures++;
        // Never reached at all (no network, a DNS name that does not resolve, nothing listening): say so after a
        // few quick tries instead of retrying for the whole patience. Resumable: nothing was paid.
        if (failure.unreachable && !this.reached && failures >= UNREACHABLE_TRIES) {
          throw this.stop(`cannot reach Bedrock at ${this.opts.endpoint ?? `the ${region} endpoint`}: ${failure.reason}, ${failures} tries; check the network, a proxy or the endpoint, then rerun (nothing was paid)`);
        }
        // The service failing this one request over and over is an outage, not bad input: resumable.
        if (failures > this.opts.maxRetries) {
          throw this.stop(`${model} in ${region}: one request failed ${failures} times in a row (max_retries ${this.opts.maxRetries}), last: ${failure.reason}; finished items are saved — rerun later`);
        }
        wait = backoffMs(failures - 1, this.rng, 250, 10_000);
      }
      if (open) throw this.stop(`${model} in ${region}: circuit open — ${open}; finished items are saved — rerun later, or ask AWS for a higher quota if these are throttles`);
      await sleep(wait, signal);
    }
  }

  /**
   * Reserves a request's worst-case cost before it is sent, so requests in flight can never together
   * overshoot the budget. When only the in-flight reservations stand in the way, waits for them to
   * settle (their real cost is usually far below the worst case); stops when the spend itself is up.
   */
  private async reserveBudget(worstUsd: number, signal?: AbortSignal): Promise<void> {
    const budget = this.opts.budgetUsd;
    while (this.counts.usd + this.reservedUsd + worstUsd > budget) {
      if (this.stopped) throw this.stopped;
      if (this.counts.usd + worstUsd > budget || this.reservedUsd === 0) {
        throw this.stop(
          `budget of $${budget} reached on ${this.opts.model}: $${this.counts.usd.toFixed(4)} spent, the next request may cost up to $${worstUsd.toFixed(4)}; raise budget.usd or rerun later to continue`,
        );
      }
      await new Promise<void>((resolve) => this.budgetWaiters.push(resolve));
      if (signal?.aborted) throw abortError();
    }
    this.reservedUsd += worstUsd;
  }

  private releaseBudget(worstUsd: number): void {
    this.reservedUsd = Math.max(0, this.reservedUsd - worstUsd);
    for (const wake of this.budgetWaiters.splice(0)) wake();
  }

  private stop(message: string): ResumableStop {
    this.stopped ??= new ResumableStop(message, 0);
    return this.stopped;
  }

  private getClient(): Promise<ConverseClient> {
    this.client ??= this.clientFactory();
    return this.client;
  }
}

/** Resolves when `p` settles or `signal` aborts, whichever comes first, leaving no listener behind. */
function untilSettledOrAborted(p: Promise<void>, signal?: AbortSignal): Promise<void> {
  if (!signal) return p;
  return new Promise<void>((resolve) => {
    const done = () => {
      signal.removeEventListener('abort', done);
      resolve();
    };
    signal.addEventListener('abort', done, { once: true });
    void p.then(done, done);
  });
}
