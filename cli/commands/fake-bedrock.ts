// `genesis fake-bedrock`: runs the fake Bedrock server locally so pipelines can be tried with no AWS account.
import { parseArgs } from 'node:util';
import { InputError } from '../../util/errors.js';
import { untilStopped } from '../../util/until-stopped.js';

const FAULTS = ['429', '500', '503', 'timeout', 'malformed', 'truncate', 'drop', 'reset'] as const;
const ID_STYLES = ['echo', 'renumber', 'omit', 'mixed'] as const;
/** Time-series slips (test/fakes/fake-series-content.ts); on by default, as a real model's are. */
const SERIES_SLIPS = ['short', 'long', 'nulls', 'nan', 'bounds', 'repeat', 'truncate'] as const;

const USAGE = `usage: genesis fake-bedrock [--port N] [--rpm N] [--tpm N] [--window-ms N] [--latency-ms N] [--seed N]
                             [--faults 429=0.3,500=0.05,503=0.02,timeout=0.01,reset=0.01,malformed=0.02,truncate=0.01]
                             [--hang-ms N] [--ids mixed|echo|renumber|omit] [--reorder P] [--fewer P] [--more P]
                             [--prose P] [--retry-after]
                             [--series-slips short=0.05,long=0.03,nulls=0.03,nan=0.02,bounds=0.03,repeat=0.5,truncate=0.03]
                             [--batch-job-ms N] [--batch-errors P] [--batch-min-records N] [--batch-max-records N]
  429 is a service-side storm (independent of --rpm); timeout hangs --hang-ms then answers ModelTimeoutException;
  reset cuts the connection mid-body (HTTP/2 and HTTP/1.1); --window-ms scales the quota window (default 60000).
  --series-slips: per time series, the chance of too few/many values, a null, a bare NaN, a value out of the type's
  bounds, a first day copied over and over; per reply, of a cut reply (defaults as shown; all=0 turns them off).
  Batch inference jobs (control plane) and path-style S3 share the port: a job is Submitted, then InProgress, then
  Completed --batch-job-ms after it was created (default 20000); --batch-errors is the share of records answered with
  an error; output records come back shuffled; fewer than --batch-min-records (default 100) fail validation.
  Defaults are realistic: ids mixed (not always echoed), no retry-after. GET /__fake/stats reports the counters.`;

export async function fakeBedrockCommand(
  argv: string[],
  io: { stdout: (s: string) => void; stderr: (s: string) => void },
  /** Stops the server (tests); otherwise it runs until SIGINT/SIGTERM. */
  stop?: AbortSignal,
): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        port: { type: 'string' },
        rpm: { type: 'string' },
        tpm: { type: 'string' },
        'latency-ms': { type: 'string' },
        'window-ms': { type: 'string' },
        'hang-ms': { type: 'string' },
        seed: { type: 'string' },
        faults: { type: 'string' },
        ids: { type: 'string' },
        reorder: { type: 'string' },
        fewer: { type: 'string' },
        more: { type: 'string' },
        prose: { type: 'string' },
        'retry-after': { type: 'boolean' },
        'series-slips': { type: 'string' },
        'batch-job-ms': { type: 'string' },
        'batch-errors': { type: 'string' },
        'batch-min-records': { type: 'string' },
        'batch-max-records': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (e) {
    throw new InputError(`${(e as Error).message}\n${USAGE}`);
  }
  if (values.help) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  const int = (name: string, v: string | undefined): number | undefined => {
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0) throw new InputError(`--${name} must be a non-negative integer, got "${v}"\n${USAGE}`);
    return n;
  };
  const prob = (name: string, v: string | undefined): number | undefined => {
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!(n >= 0 && n <= 1)) throw new InputError(`--${name} must be a probability between 0 and 1, got "${v}"\n${USAGE}`);
    return n;
  };
  if (values.ids !== undefined && !ID_STYLES.includes(values.ids as (typeof ID_STYLES)[number])) {
    throw new InputError(`--ids must be one of ${ID_STYLES.join(', ')}, got "${values.ids}"`);
  }
  const faults: Partial<Record<(typeof FAULTS)[number], number>> = {};
  for (const part of (values.faults ?? '').split(',').filter(Boolean)) {
    const [name, p] = part.split('=');
    const prob = Number(p);
    if (!FAULTS.includes(name as (typeof FAULTS)[number]) || !(prob >= 0 && prob <= 1)) {
      throw new InputError(`--faults: "${part}" is not fault=probability (faults: ${FAULTS.join(', ')}; probability 0..1)`);
    }
    faults[name as (typeof FAULTS)[number]] = prob;
  }
  const series: Partial<Record<(typeof SERIES_SLIPS)[number], number>> = {};
  for (const part of (values['series-slips'] ?? '').split(',').filter(Boolean)) {
    const [name, p] = part.split('=');
    const value = Number(p);
    if (name === 'all' && value >= 0 && value <= 1) for (const k of SERIES_SLIPS) series[k] = value;
    else if (!SERIES_SLIPS.includes(name as (typeof SERIES_SLIPS)[number]) || !(value >= 0 && value <= 1)) {
      throw new InputError(`--series-slips: "${part}" is not slip=probability (slips: ${SERIES_SLIPS.join(', ')}, or all; probability 0..1)`);
    } else series[name as (typeof SERIES_SLIPS)[number]] = value;
  }
  const total = Object.values(faults).reduce((a, b) => a + b, 0);
  if (total > 1) throw new InputError(`--faults: probabilities add up to ${total}, more than 1`);

  const { startFakeBedrock } = await import('../../test/fakes/fake-bedrock.js');
  const port = int('port', values.port);
  const rpm = int('rpm', values.rpm);
  const tpm = int('tpm', values.tpm);
  const latencyMs = int('latency-ms', values['latency-ms']);
  const seed = int('seed', values.seed);
  const windowMs = int('window-ms', values['window-ms']);
  const hangMs = int('hang-ms', values['hang-ms']);
  const behaviour = {
    reorder: prob('reorder', values.reorder),
    fewer: prob('fewer', values.fewer),
    more: prob('more', values.more),
    prose: prob('prose', values.prose),
  };
  const fake = await startFakeBedrock({
    ...(port !== undefined ? { port } : {}),
    ...(rpm ? { rpm } : {}),
    ...(tpm ? { tpm } : {}),
    ...(windowMs ? { windowMs } : {}),
    ...(latencyMs !== undefined ? { latencyMs } : {}),
    ...(hangMs !== undefined ? { timeoutDelayMs: hangMs } : {}),
    ...(seed !== undefined ? { seed } : {}),
    ...(values.ids ? { ids: values.ids as (typeof ID_STYLES)[number] } : {}),
    ...(values['retry-after'] ? { retryAfter: true } : {}),
    ...Object.fromEntries(Object.entries(behaviour).filter(([, v]) => v !== undefined)),
    faults,
    series,
    batch: Object.fromEntries(
      Object.entries({
        jobMs: int('batch-job-ms', values['batch-job-ms']),
        recordErrors: prob('batch-errors', values['batch-errors']),
        minRecords: int('batch-min-records', values['batch-min-records']),
        maxRecords: int('batch-max-records', values['batch-max-records']),
      }).filter(([, v]) => v !== undefined),
    ),
  });
  io.stdout(
    [
      `fake Bedrock listening on ${fake.url}  (rpm ${rpm ?? 'unlimited'}, tpm ${tpm ?? 'unlimited'}, faults ${values.faults ?? 'none'})`,
      `point a pipeline at it with either`,
      `  providers: { default: { type: bedrock, region: us-east-1, model: us.anthropic.claude-sonnet-4-5-20250929-v1:0, endpoint: ${fake.url} } }`,
      `  or  export AWS_ENDPOINT_URL_BEDROCK_RUNTIME=${fake.url}`,
      `batch mode (mode: batch) reaches its control plane and S3 at the same URL (or AWS_ENDPOINT_URL=${fake.url})`,
      `and dummy credentials (the fake ignores them):`,
      `  export AWS_ACCESS_KEY_ID=fake AWS_SECRET_ACCESS_KEY=fake AWS_REGION=us-east-1`,
      `Ctrl-C to stop.`,
      '',
    ].join('\n'),
  );
  await untilStopped(stop);
  const s = fake.stats();
  await fake.close();
  const b = fake.batchStats();
  io.stderr(
    `fake Bedrock stopped: ${s.requests ?? 0} requests, ${s.paid_replies ?? 0} paid replies, ${s.items_served ?? 0} items served, ${s.throttled_quota ?? 0} throttled by quota; ${b.jobsCreated ?? 0} batch jobs, ${b.recordsServed ?? 0} batch records served\n`,
  );
  return 0;
}
