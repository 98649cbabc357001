// Normalizes a bedrock provider's `mode:` and `batch:` options: S3 location, role, job sizes, waits, batch prices.
import type { ProviderConfig } from '../contract.js';
import { OptionError } from '../../util/errors.js';
import { configuredEndpoint, foreignEndpoint } from '../identity.js';
import type { BatchEndpoints } from './batch-client.js';

export type BedrockMode = 'on_demand' | 'batch';

export interface BatchOptions {
  /** Where genesis writes job inputs and the service writes outputs, with a trailing slash. */
  s3Uri: string;
  roleArn: string;
  minRecords: number;
  maxRecords: number;
  timeoutHours: number;
  /** How long one `genesis run` waits for its jobs before exiting 75 (resumable). */
  waitMs: number;
  pollMs: number;
  endpoints: BatchEndpoints;
}

export type Prices = { input_per_1k: number; output_per_1k: number };

const BATCH_KEYS = ['s3_uri', 'role_arn', 'min_records', 'max_records', 'timeout_hours', 'wait_s', 'poll_s', 'endpoint', 's3_endpoint'];
const S3_URI = /^s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](\/.*)?$/;
const ROLE_ARN = /^arn:aws(-[^:]+)?:iam::([0-9]{12})?:role\/.+$/;
/** The service's default quota: fewer records per job fail validation (it is adjustable per model and account). */
export const DEFAULT_MIN_RECORDS = 100;
export const DEFAULT_MAX_RECORDS = 50_000;

export function resolveMode(config: ProviderConfig): BedrockMode {
  const m = config.options.mode;
  if (m === undefined || m === 'on_demand') return 'on_demand';
  if (m === 'batch') return 'batch';
  throw new OptionError(`provider "${config.name}": "mode" must be on_demand or batch, got ${JSON.stringify(m)}`, ['mode']);
}

/** The `batch:` block, required for `mode: batch`; undefined when absent (on-demand only). */
export function resolveBatchOptions(config: ProviderConfig, region: string, env: NodeJS.ProcessEnv = process.env): BatchOptions | undefined {
  const where = `provider "${config.name}"`;
  const raw = config.options.batch;
  if (raw === undefined) {
    if (resolveMode(config) === 'batch') {
      throw new OptionError(`${where}: "mode: batch" needs a "batch:" block with s3_uri (s3://bucket/prefix/) and role_arn (the service role Bedrock assumes)`, ['mode']);
    }
    return undefined;
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw new OptionError(`${where}: "batch" must be a mapping`, ['batch']);
  const b = raw as Record<string, unknown>;
  for (const k of Object.keys(b)) if (!BATCH_KEYS.includes(k)) throw new OptionError(`${where}: unknown option "batch.${k}" (known: ${BATCH_KEYS.join(', ')})`, ['batch', k]);
  const str = (k: string, pattern: RegExp, what: string): string | undefined => {
    const v = b[k];
    if (v === undefined) return undefined;
    if (typeof v !== 'string' || !pattern.test(v)) throw new OptionError(`${where}: "batch.${k}" must be ${what}, got ${JSON.stringify(v)}`, ['batch', k]);
    return v;
  };
  const int = (k: string, dflt: number, min: number, max = Infinity): number => {
    const v = b[k];
    if (v === undefined) return dflt;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
      throw new OptionError(`${where}: "batch.${k}" must be an integer${max < Infinity ? ` from ${min} to ${max}` : ` ≥ ${min}`}, got ${JSON.stringify(v)}`, ['batch', k]);
    }
    return v;
  };
  const seconds = (k: string, dflt: number, min: number): number => {
    const v = b[k];
    if (v === undefined) return dflt;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < min) throw new OptionError(`${where}: "batch.${k}" must be a number of seconds ≥ ${min}, got ${JSON.stringify(v)}`, ['batch', k]);
    return v;
  };
  const s3Uri = str('s3_uri', S3_URI, 'an S3 URI like s3://my-bucket/genesis/');
  if (s3Uri === undefined) throw new OptionError(`${where}: "batch.s3_uri" is required: the S3 folder (s3://bucket/prefix/) for job inputs and outputs`, ['batch']);
  const roleArn = str('role_arn', ROLE_ARN, 'an IAM role ARN like arn:aws:iam::123456789012:role/BedrockBatch');
  if (roleArn === undefined) throw new OptionError(`${where}: "batch.role_arn" is required: the service role Bedrock assumes to read and write ${s3Uri}`, ['batch']);
  const minRecords = int('min_records', DEFAULT_MIN_RECORDS, 1);
  const maxRecords = int('max_records', DEFAULT_MAX_RECORDS, 1);
  if (maxRecords < minRecords) throw new OptionError(`${where}: "batch.max_records" (${maxRecords}) is below "batch.min_records" (${minRecords})`, ['batch', 'max_records']);
  const url = /^https?:\/\/\S+$/;
  const control = str('endpoint', url, 'an http(s) URL');
  const s3 = str('s3_endpoint', url, 'an http(s) URL');
  return {
    s3Uri: s3Uri.endsWith('/') ? s3Uri : `${s3Uri}/`,
    roleArn,
    minRecords,
    maxRecords,
    // The API accepts 24 to 168 hours.
    timeoutHours: int('timeout_hours', 24, 24, 168),
    waitMs: seconds('wait_s', 1800, 0) * 1000,
    pollMs: seconds('poll_s', 30, 0.01) * 1000,
    endpoints: batchEndpoints(config, region, env, control, s3),
  };
}

/**
 * Endpoints, most specific first: `batch.endpoint` / `batch.s3_endpoint`; then the SDK's own variables
 * (AWS_ENDPOINT_URL_BEDROCK, AWS_ENDPOINT_URL_S3, AWS_ENDPOINT_URL), left to the SDK to read; then the runtime
 * `endpoint:` when it is not AWS's own (a fake or a proxy serves all three), else AWS.
 */
function batchEndpoints(config: ProviderConfig, region: string, env: NodeJS.ProcessEnv, control: string | undefined, s3: string | undefined): BatchEndpoints {
  const ignoreEnv = /^true$/i.test(env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS ?? '');
  const fromEnv = (name: string) => !ignoreEnv && !!(env[name] || env.AWS_ENDPOINT_URL);
  const runtime = foreignEndpoint(configuredEndpoint(config, env), region);
  const c = control ?? (fromEnv('AWS_ENDPOINT_URL_BEDROCK') ? undefined : runtime);
  const s = s3 ?? (fromEnv('AWS_ENDPOINT_URL_S3') ? undefined : runtime);
  return { ...(c ? { control: c } : {}), ...(s ? { s3: s } : {}), pathStyle: s !== undefined || fromEnv('AWS_ENDPOINT_URL_S3') };
}

/**
 * Batch prices: the YAML's `prices.batch_*`, else the catalogue's `batch_input_per_1k` / `batch_output_per_1k`, else
 * half the on-demand price for models the catalogue marks `batch: true` (AWS's batch discount); else unknown.
 */
export function batchPrices(pricesIn: Record<string, unknown>, info: Record<string, unknown> | undefined, onDemand: Prices): Prices | undefined {
  const yin = pricesIn.batch_input_per_1k;
  const yout = pricesIn.batch_output_per_1k;
  if (typeof yin === 'number' && typeof yout === 'number') return { input_per_1k: yin, output_per_1k: yout };
  const cin = info?.batch_input_per_1k;
  const cout = info?.batch_output_per_1k;
  if (typeof cin === 'number' && typeof cout === 'number') return { input_per_1k: cin, output_per_1k: cout };
  if (info?.batch === true) return { input_per_1k: onDemand.input_per_1k / 2, output_per_1k: onDemand.output_per_1k / 2 };
  return undefined;
}
