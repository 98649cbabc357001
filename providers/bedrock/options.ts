// Normalizes a `type: bedrock` provider entry: defaults, types, prices from data/models.json.
import type { ProviderConfig } from '../contract.js';
import { InputError, OptionError } from '../../util/errors.js';
import { loadData } from '../../util/paths.js';
import { batchPrices, resolveBatchOptions, resolveMode, type BatchOptions, type BedrockMode } from './batch-options.js';

export interface ModelInfo {
  provider: string;
  name?: string;
  input_per_1k: number;
  output_per_1k: number;
  max_output_tokens?: number;
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

const KEYS = ['model', 'region', 'endpoint', 'mode', 'batch', 'limits', 'budget', 'prices', 'patience_s', 'timeout_ms', 'timeout_min_ms', 'timeout_p95_multiple', 'max_retries'];

export function modelCatalogue(): Record<string, ModelInfo> {
  return loadData<{ models: Record<string, ModelInfo> }>('models.json').models;
}

/** Catalogue entry for a model id; cross-region profile ids (`us.`, `eu.`, `apac.`) fall back to the base id. */
export function lookupModel(model: string): ModelInfo | undefined {
  const models = modelCatalogue();
  return models[model] ?? models[model.replace(/^(us|eu|apac|us-gov|global)\./, '')];
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
    throw new InputError(`${where}: no "model:": name the Bedrock model or inference profile to call (e.g. us.anthropic.claude-3-5-sonnet-20241022-v2:0; known ids: data/models.json)`);
  }
  const region = str('region') ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION;
  if (!region) throw new InputError(`${where}: no AWS region: set "region:" on the provider or AWS_REGION`);
  const endpoint = str('endpoint');
  if (endpoint !== undefined && !/^https?:\/\//.test(endpoint)) throw new InputError(`${where}: "endpoint" must be an http(s) URL`);

  const limits = obj('limits', ['rpm', 'tpm', 'concurrency', 'min_concurrency']);
  const budget = obj('budget', ['usd']);
  const pricesIn = obj('prices', ['input_per_1k', 'output_per_1k', 'batch_input_per_1k', 'batch_output_per_1k']);
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
