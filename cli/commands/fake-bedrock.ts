// `genesis fake-bedrock`: runs the fake Bedrock server locally so pipelines can be tried with no AWS account.
import { parseArgs } from 'node:util';
import { InputError } from '../../util/errors.js';

const FAULTS = ['429', '500', '503', 'timeout', 'malformed', 'truncate', 'drop'] as const;

const USAGE = `usage: genesis fake-bedrock [--port N] [--rpm N] [--tpm N] [--latency-ms N] [--seed N]
                             [--faults 429=0.3,500=0.05,timeout=0.02,malformed=0.02,truncate=0.01]`;

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
        seed: { type: 'string' },
        faults: { type: 'string' },
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
  const faults: Partial<Record<(typeof FAULTS)[number], number>> = {};
  for (const part of (values.faults ?? '').split(',').filter(Boolean)) {
    const [name, p] = part.split('=');
    const prob = Number(p);
    if (!FAULTS.includes(name as (typeof FAULTS)[number]) || !(prob >= 0 && prob <= 1)) {
      throw new InputError(`--faults: "${part}" is not fault=probability (faults: ${FAULTS.join(', ')}; probability 0..1)`);
    }
    faults[name as (typeof FAULTS)[number]] = prob;
  }
  const total = Object.values(faults).reduce((a, b) => a + b, 0);
  if (total > 1) throw new InputError(`--faults: probabilities add up to ${total}, more than 1`);

  const { startFakeBedrock } = await import('../../test/fakes/fake-bedrock.js');
  const port = int('port', values.port);
  const rpm = int('rpm', values.rpm);
  const tpm = int('tpm', values.tpm);
  const latencyMs = int('latency-ms', values['latency-ms']);
  const seed = int('seed', values.seed);
  const fake = await startFakeBedrock({
    ...(port !== undefined ? { port } : {}),
    ...(rpm ? { rpm } : {}),
    ...(tpm ? { tpm } : {}),
    ...(latencyMs !== undefined ? { latencyMs } : {}),
    ...(seed !== undefined ? { seed } : {}),
    faults,
  });
  io.stdout(
    [
      `fake Bedrock listening on ${fake.url}  (rpm ${rpm ?? 'unlimited'}, tpm ${tpm ?? 'unlimited'}, faults ${values.faults ?? 'none'})`,
      `point a pipeline at it with either`,
      `  providers: { default: { type: bedrock, region: us-east-1, endpoint: ${fake.url} } }`,
      `  or  export AWS_ENDPOINT_URL_BEDROCK_RUNTIME=${fake.url}`,
      `and dummy credentials (the fake ignores them):`,
      `  export AWS_ACCESS_KEY_ID=fake AWS_SECRET_ACCESS_KEY=fake AWS_REGION=us-east-1`,
      `Ctrl-C to stop.`,
      '',
    ].join('\n'),
  );
  await new Promise<void>((resolve) => {
    const done = () => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      resolve();
    };
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
    if (stop?.aborted) done();
    stop?.addEventListener('abort', done, { once: true });
  });
  const s = fake.stats();
  await fake.close();
  io.stderr(`fake Bedrock stopped: ${s.requests ?? 0} requests, ${s.ok ?? 0} answered, ${s.throttled_quota ?? 0} throttled by quota\n`);
  return 0;
}
