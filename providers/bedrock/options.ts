// Normalizes a `type: bedrock` provider entry: defaults, types, prices from data/models.json.
import type { ProviderConfig } from '../contract.js';
import { InputError } from '../../util/errors.js';
import { loadData } from '../../util/paths.js';

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
  limits: { rpm: number; tpm: number; concurrency: number };
  budgetUsd: number;
  prices: { input_per_1k: number; output_per_1k: number };
  maxOutputTokens: number;
  patienceMs: number;
  timeoutMs: number;
  maxRetries: number;
}

export const DEFAULT_MODEL = 'us.anthropic.claude-3-5-sonnet-20241022-v2:0';
const KEYS = ['model', 'region', 'endpoint', 'limits', 'budget', 'prices', 'patience_s', 'timeout_ms', 'max_retries'];

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

  const model = str('model') ?? DEFAULT_MODEL;
  const region = str('region') ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION;
  if (!region) throw new InputError(`${where}: no AWS region: set "region:" on the provider or AWS_REGION`);
  const endpoint = str('endpoint');
  if (endpoint !== undefined && !/^https?:\/\//.test(endpoint)) throw new InputError(`${where}: "endpoint" must be an http(s) URL`);

  const limits = obj('limits', ['rpm', 'tpm', 'concurrency']);
  const budget = obj('budget', ['usd']);
  const pricesIn = obj('prices', ['input_per_1k', 'output_per_1k']);
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

  return {
    model,
    region,
    ...(endpoint !== undefined ? { endpoint } : {}),
    limits: {
      // 50 RPM is the default on-demand quota the origin log ran into; raise it to your account's quota.
      rpm: num('limits.rpm', limits.rpm, 50, 1),
      tpm: num('limits.tpm', limits.tpm, Infinity, 1),
      concurrency: Math.floor(num('limits.concurrency', limits.concurrency, defaultConcurrency(num('limits.rpm', limits.rpm, 50, 1)), 1)),
    },
    budgetUsd: num('budget.usd', budget.usd, Infinity, 0),
    prices,
    maxOutputTokens: info?.max_output_tokens ?? 4096,
    patienceMs: num('patience_s', o.patience_s, 600, 0) * 1000,
    timeoutMs: num('timeout_ms', o.timeout_ms, 120_000, 1),
    maxRetries: Math.floor(num('max_retries', o.max_retries, 6, 0)),
  };
}

/**
 * In-flight requests needed to keep `rpm` busy when a Claude batch takes up to ~20 s: rpm / 60 × 20, at least 8, at
 * most 64. The RPM and TPM buckets still set the pace; this only keeps slow responses from leaving the quota idle
 * (8 in flight at 15 s each is 32 RPM of a 50 RPM quota).
 */
export function defaultConcurrency(rpm: number): number {
  return Math.min(64, Math.max(8, Math.ceil(rpm / 3)));
}
