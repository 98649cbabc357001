// Normalizes a `type: bedrock` provider entry: defaults, types, prices from data/models.json.
import type { ProviderConfig } from '../contract.js';
import { InputError, OptionError } from '../../util/errors.js';
import { loadData } from '../../util/paths.js';
import { batchPrices, resolveBatchOptions, resolveMode, type BatchOptions, type BedrockMode } from './batch-options.js';

/** One entry of data/models.json (schemas/models.schema.json): USD per 1,000 tokens. */
export interface ModelInfo {
  provider: string;
  name?: string;
  input_per_1k: number;
  output_per_1k: number;
  max_output_tokens?: number;
  batch?: boolean;
  batch_input_per_1k?: number;
  batch_output_per_1k?: number;
  cache_read_per_1k?: number;
  cache_write_per_1k?: number;
  cache_min_tokens?: number;
  retired_after?: string;
  replacement?: string;
  note?: string;
  sources?: string[];
}

/** Prompt caching for this provider: prices of cached tokens and the shortest prefix a checkpoint holds. */
export interface CacheOptions {
  readPer1k: number;
  writePer1k: number;
  minTokens: number;
}

export interface BedrockOptions {
  model: string;
  region: string;
  /** Explicit endpoint; when absent the SDK honours AWS_ENDPOINT_URL_BEDROCK_RUNTIME itself. */
  endpoint?: string;
  /**
   * `concurrency` is where in-flight requests start before any latency is observed; `maxConcurrency` and
   * `minConcurrency` bound what the controller derives from rate × latency afterwards.
   */
  limits: { rpm: number; tpm: number; concurrency: number; maxConcurrency: number; minConcurrency: number };
  budgetUsd: number;
  prices: { input_per_1k: number; output_per_1k: number };
  /** Absent when the model has no prompt caching (or genesis knows no cache prices for it), or with `cache: false`. */
  cache?: CacheOptions;
  /**
   * What the model could cache, whatever `cache:` says: it decides the prompt's shape (and so item keys), which
   * `cache: false` must not change, since it only drops the cache point.
   */
  cacheable?: CacheOptions;
  maxOutputTokens: number;
  patienceMs: number;
  /** Request timeout: `p95Multiple` × the rolling p95 of reply latency, within [minMs, maxMs]; maxMs until measured. */
  timeout: { maxMs: number; minMs: number; p95Multiple: number };
  maxRetries: number;
  mode: BedrockMode;
  /** The `batch:` block (required for `mode: batch`; also read by `--dry-run` to compare modes). */
  batch?: BatchOptions;
  /** USD per 1,000 tokens in batch jobs; undefined when neither the YAML nor the catalogue knows it. */
  batchPrices?: { input_per_1k: number; output_per_1k: number };
}

const KEYS = ['model', 'region', 'endpoint', 'mode', 'batch', 'limits', 'budget', 'prices', 'cache', 'patience_s', 'timeout_ms', 'timeout_min_ms', 'timeout_p95_multiple', 'max_retries'];
const PRICE_KEYS = ['input_per_1k', 'output_per_1k', 'cache_read_per_1k', 'cache_write_per_1k', 'batch_input_per_1k', 'batch_output_per_1k'];
/** Bedrock's smallest checkpoint for most Claude models; the default for a model genesis doesn't know. */
const DEFAULT_CACHE_MIN_TOKENS = 1024;

export function modelCatalogue(): Record<string, ModelInfo> {
  return loadData<{ models: Record<string, ModelInfo> }>('models.json').models;
}

/** Catalogue entry for a model id; a cross-region profile id the catalogue lacks (`us.`, `eu.`, `apac.`…) falls back to the base id. */
export function lookupModel(model: string): ModelInfo | undefined {
  const models = modelCatalogue();
  return models[model] ?? models[model.replace(/^(us|eu|apac|us-gov|global|jp|au|ca)\./, '')];
}

/**
 * The warning for a model AWS no longer serves: past its `retired_after` day (UTC), naming the replacement.
 * `today` is a parameter so the rule is testable; callers pass the current date.
 */
export function retirementWarning(model: string, today: Date = new Date()): string | undefined {
  const info = lookupModel(model);
  if (!info?.retired_after) return undefined;
  if (today.toISOString().slice(0, 10) <= info.retired_after) return undefined;
  const instead = info.replacement ? `; use "${info.replacement}"${lookupModel(info.replacement)?.name ? ` (${lookupModel(info.replacement)!.name})` : ''} instead` : '';
  return `model "${model}" was retired by AWS after ${info.retired_after}: requests to it fail${instead}`;
}

export function resolveBedrockOptions(config: ProviderConfig, env: NodeJS.ProcessEnv = process.env): BedrockOptions {
  const o = config.options;
  const where = `provider "${config.name}"`;
  for (const k of Object.keys(o)) {
    if (!KEYS.includes(k)) throw new InputError(`${where}: unknown option "${k}" (known: ${KEYS.join(', ')})`);
  }
  const str = (k: string): string | undefined => {
    const v = o[k];
    if (v === undefined) return undefined;
    if (typeof v !== 'string' || v === '') throw new InputError(`${where}: "${k}" must be a non-empty string`);
    return v;
  };
  const obj = (k: string, keys: string[]): Record<string, unknown> => {
    const v = o[k];
    if (v === undefined) return {};
    if (v === null || typeof v !== 'object' || Array.isArray(v)) throw new InputError(`${where}: "${k}" must be a mapping`);
    for (const kk of Object.keys(v)) {
      if (!keys.includes(kk)) throw new InputError(`${where}: unknown option "${k}.${kk}" (known: ${keys.join(', ')})`);
    }
    return v as Record<string, unknown>;
  };
  const num = (path: string, v: unknown, dflt: number, min = 0): number => {
    if (v === undefined) return dflt;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < min) throw new InputError(`${where}: "${path}" must be a number ≥ ${min}`);
    return v;
  };

  // No default: a paid model must be chosen, and a default would silently change as models are retired.
  const model = str('model');
  if (model === undefined) {
    throw new InputError(`${where}: no "model:": name the Bedrock model or inference profile to call (e.g. us.anthropic.claude-sonnet-4-5-20250929-v1:0; known ids: data/models.json)`);
  }
  const region = str('region') ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION;
  if (!region) throw new InputError(`${where}: no AWS region: set "region:" on the provider or AWS_REGION`);
  const endpoint = str('endpoint');
  if (endpoint !== undefined && !/^https?:\/\//.test(endpoint)) throw new InputError(`${where}: "endpoint" must be an http(s) URL`);

  const limits = obj('limits', ['rpm', 'tpm', 'concurrency', 'min_concurrency']);
  const budget = obj('budget', ['usd']);
  const pricesIn = obj('prices', PRICE_KEYS);
  const info = lookupModel(model);
  let prices: BedrockOptions['prices'];
  if (pricesIn.input_per_1k !== undefined || pricesIn.output_per_1k !== undefined) {
    if (pricesIn.input_per_1k === undefined || pricesIn.output_per_1k === undefined) {
      throw new InputError(`${where}: "prices" needs both input_per_1k and output_per_1k`);
    }
    prices = { input_per_1k: num('prices.input_per_1k', pricesIn.input_per_1k, 0), output_per_1k: num('prices.output_per_1k', pricesIn.output_per_1k, 0) };
  } else if (info) {
    prices = { input_per_1k: info.input_per_1k, output_per_1k: info.output_per_1k };
  } else {
    throw new InputError(
      `${where}: no price known for model "${model}": add "prices: {input_per_1k: …, output_per_1k: …}" (USD per 1,000 tokens) so the budget can be enforced`,
    );
  }
  const cacheable = cacheOptions(o.cache, pricesIn, info, { where, num });
  const cache = o.cache === false ? undefined : cacheable;

  if ((pricesIn.batch_input_per_1k === undefined) !== (pricesIn.batch_output_per_1k === undefined)) {
    throw new OptionError(`${where}: "prices" needs both batch_input_per_1k and batch_output_per_1k`, ['prices']);
  }
  if (pricesIn.batch_input_per_1k !== undefined) {
    num('prices.batch_input_per_1k', pricesIn.batch_input_per_1k, 0);
    num('prices.batch_output_per_1k', pricesIn.batch_output_per_1k, 0);
  }
  const mode = resolveMode(config);
  const batch = resolveBatchOptions(config, region, env);
  const batchPrice = batchPrices(pricesIn, info as unknown as Record<string, unknown> | undefined, prices);
  if (mode === 'batch' && !batchPrice) {
    throw new OptionError(
      `${where}: batch pricing is unknown for model "${model}": add "prices: {batch_input_per_1k: …, batch_output_per_1k: …}" (USD per 1,000 tokens) so batch cost and budget can be accounted`,
      ['mode'],
    );
  }

  // 50 RPM is the default on-demand quota the origin log ran into; raise it to your account's quota.
  const rpm = num('limits.rpm', limits.rpm, 50, 1);
  const maxConcurrency = Math.floor(num('limits.concurrency', limits.concurrency, MAX_CONCURRENCY, 1));
  const minConcurrency = Math.min(maxConcurrency, Math.floor(num('limits.min_concurrency', limits.min_concurrency, MIN_CONCURRENCY, 1)));
  const maxMs = num('timeout_ms', o.timeout_ms, 120_000, 1);
  return {
    model,
    region,
    ...(endpoint !== undefined ? { endpoint } : {}),
    limits: {
      rpm,
      tpm: num('limits.tpm', limits.tpm, Infinity, 1),
      concurrency: Math.max(minConcurrency, Math.min(maxConcurrency, defaultConcurrency(rpm))),
      maxConcurrency,
      minConcurrency,
    },
    budgetUsd: num('budget.usd', budget.usd, Infinity, 0),
    prices,
    ...(cache ? { cache } : {}),
    ...(cacheable ? { cacheable } : {}),
    maxOutputTokens: info?.max_output_tokens ?? 4096,
    patienceMs: num('patience_s', o.patience_s, 600, 0) * 1000,
    timeout: {
      maxMs,
      minMs: Math.min(maxMs, num('timeout_min_ms', o.timeout_min_ms, 10_000, 1)),
      p95Multiple: num('timeout_p95_multiple', o.timeout_p95_multiple, 3, 1),
    },
    maxRetries: Math.floor(num('max_retries', o.max_retries, 6, 0)),
    mode,
    ...(batch ? { batch } : {}),
    ...(batchPrice ? { batchPrices: batchPrice } : {}),
  };
}

/**
 * Caching is on where the model has it: the catalogue's cache prices, or `prices.cache_read_per_1k` and
 * `cache_write_per_1k` for a model genesis doesn't know (caching on an unpriced cache would make the budget lie).
 * `cache: {min_tokens: N}` sets the checkpoint minimum for an unknown model. (`cache: false` is applied by the caller.)
 */
function cacheOptions(
  v: unknown,
  pricesIn: Record<string, unknown>,
  info: ModelInfo | undefined,
  h: { where: string; num: (path: string, v: unknown, dflt: number, min?: number) => number },
): CacheOptions | undefined {
  let minIn: unknown;
  if (v !== undefined && typeof v !== 'boolean') {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) throw new InputError(`${h.where}: "cache" must be true, false or {min_tokens: N}`);
    for (const k of Object.keys(v)) if (k !== 'min_tokens') throw new InputError(`${h.where}: unknown option "cache.${k}" (known: min_tokens)`);
    minIn = (v as Record<string, unknown>).min_tokens;
  }
  const given = pricesIn.cache_read_per_1k !== undefined || pricesIn.cache_write_per_1k !== undefined;
  if (given && (pricesIn.cache_read_per_1k === undefined || pricesIn.cache_write_per_1k === undefined)) {
    throw new InputError(`${h.where}: "prices" needs both cache_read_per_1k and cache_write_per_1k`);
  }
  const readPer1k = given ? h.num('prices.cache_read_per_1k', pricesIn.cache_read_per_1k, 0) : info?.cache_read_per_1k;
  const writePer1k = given ? h.num('prices.cache_write_per_1k', pricesIn.cache_write_per_1k, 0) : info?.cache_write_per_1k;
  if (readPer1k === undefined || writePer1k === undefined) return undefined;
  const minTokens = Math.floor(h.num('cache.min_tokens', minIn, info?.cache_min_tokens ?? DEFAULT_CACHE_MIN_TOKENS, 1));
  return { readPer1k, writePer1k, minTokens };
}

/** Bounds on derived concurrency: the floor keeps a few hung requests from holding the run; the cap is a sanity bound. */
const MIN_CONCURRENCY = 4;
const MAX_CONCURRENCY = 256;

/**
 * In-flight requests before any latency is measured, assuming a Claude batch takes ~20 s: rpm / 60 × 20, at least
 * 8, at most 64. Once replies arrive, the controller derives concurrency from rate × observed latency instead.
 */
export function defaultConcurrency(rpm: number): number {
  return Math.min(64, Math.max(8, Math.ceil(rpm / 3)));
}
