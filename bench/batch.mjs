// Issue 12's first target against the fake Bedrock: 300 conversations in batch mode (one job, 0 on-demand requests,
// 300/300, half the on-demand cost for the same tokens), then SIGKILL while the job runs and rerun (still one job).
// Usage: npx tsc -p tsconfig.json && node scripts/build-validators.mjs && node bench/batch.mjs [--count 300] [--trials 5] [--job-ms 6000]
//   [--model ID] (default Claude 3 Haiku with its prices in the YAML; another id is priced from data/models.json)
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (n, d) => (process.argv.includes(`--${n}`) ? process.argv[process.argv.indexOf(`--${n}`) + 1] : d);
const count = Number(arg('count', '300'));
const trials = Number(arg('trials', '5'));
const jobMs = Number(arg('job-ms', '6000'));
const HAIKU_3 = 'anthropic.claude-3-haiku-20240307-v1:0';
const model = arg('model', HAIKU_3);
const { startFakeBedrock } = await import(join(root, 'dist/test/fakes/fake-bedrock.js'));
const { createRng } = await import(join(root, 'dist/util/rng.js'));
const bin = join(root, 'bin/genesis.js');
const env = { ...process.env, AWS_ACCESS_KEY_ID: 'fake', AWS_SECRET_ACCESS_KEY: 'fake', AWS_REGION: 'us-east-1', NO_COLOR: '1' };
// Claude 3 Haiku's published on-demand price and its batch price (half), given in the YAML so the figure does not
// depend on which catalogue entries carry batch prices.
const { lookupModel } = await import(join(root, 'dist/providers/bedrock/options.js'));
const info = model === HAIKU_3 ? undefined : lookupModel(model);
const PRICES = info
  ? { input_per_1k: info.input_per_1k, output_per_1k: info.output_per_1k, batch_input_per_1k: info.batch_input_per_1k, batch_output_per_1k: info.batch_output_per_1k }
  : { input_per_1k: 0.00025, output_per_1k: 0.00125, batch_input_per_1k: 0.000125, batch_output_per_1k: 0.000625 };

const yaml = (url, mode) => `name: bench
seed: 12
providers:
  claude:
    type: bedrock
    region: us-east-1
    model: ${model}
    endpoint: ${url}
    mode: ${mode}
${info ? '' : `    prices: ${JSON.stringify(PRICES)}\n`}
    limits: { rpm: 6000, concurrency: 16 }
    batch: { s3_uri: "s3://genesis-bench/jobs/", role_arn: "arn:aws:iam::123456789012:role/BedrockBatch", wait_s: 600, poll_s: 0.25 }
steps:
  gen: { uses: generate/conversations, with: { count: ${count}, provider: claude, batch_size: 5 } }
`;

function run(file, { killWhen } = {}) {
  return new Promise((resolve) => {
    const args = killWhen ? [bin, 'run', file] : [bin, 'run', file, '--json'];
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let killedAt;
    const t0 = performance.now();
    const watch = (d) => {
      if (killWhen && killedAt === undefined && killWhen(out + err)) {
        killedAt = performance.now() - t0;
        child.kill('SIGKILL');
      }
    };
    child.stdout.on('data', (d) => ((out += d), watch()));
    child.stderr.on('data', (d) => ((err += d), watch()));
    child.on('close', (code, signal) => resolve({ code, signal, out, err, ms: performance.now() - t0, killedAt }));
  });
}

const lines = (file) => readFileSync(join(dirname(file), 'out/bench/gen/conversations.jsonl'), 'utf8').trim().split('\n');
const uniqueIds = (file) => new Set(lines(file).map((l) => JSON.parse(l).conversation_id)).size;
const dirFile = () => join(mkdtempSync(join(tmpdir(), 'genesis-batch-bench-')), 'p.yaml');

// 1. Batch mode, uninterrupted.
const fake = await startFakeBedrock({ seed: 1, batch: { jobMs } });
const bf = dirFile();
writeFileSync(bf, yaml(fake.url, 'batch'));
const b = await run(bf);
const breport = JSON.parse(b.out);
const bs = fake.batchStats();
const sameTokensOnDemand = (bs.inputTokens * PRICES.input_per_1k + bs.outputTokens * PRICES.output_per_1k) / 1000;
const batchRow = {
  code: b.code,
  valid: lines(bf).length,
  unique: uniqueIds(bf),
  jobs: bs.jobsCreated,
  converseRequests: fake.stats().requests,
  inputTokens: bs.inputTokens,
  outputTokens: bs.outputTokens,
  usd: breport.cost?.usd,
  sameTokensOnDemandUsd: Math.round(sameTokensOnDemand * 1e6) / 1e6,
  ratio: Math.round((breport.cost?.usd / sameTokensOnDemand) * 1000) / 1000,
  seconds: Math.round(b.ms / 100) / 10,
};
await fake.close();

// 2. The same items on-demand (5 per request), for the run-level comparison.
const ofake = await startFakeBedrock({ seed: 1 });
const of = dirFile();
writeFileSync(of, yaml(ofake.url, 'on_demand'));
const o = await run(of);
const oreport = JSON.parse(o.out);
const onDemandRow = { code: o.code, valid: lines(of).length, requests: ofake.stats().requests, inputTokens: ofake.stats().input_tokens, outputTokens: ofake.stats().output_tokens, cacheReadTokens: ofake.stats().cache_read_input_tokens ?? 0, usd: oreport.cost?.usd };
batchRow.vsOnDemandRun = Math.round((batchRow.usd / onDemandRow.usd) * 1000) / 1000;
await ofake.close();

// 3. SIGKILL while the job runs (at a seeded moment after it was created), then rerun.
const rng = createRng(2026, 'batch-sigkill');
const kills = [];
for (let t = 0; t < trials; t++) {
  const f = await startFakeBedrock({ seed: 50 + t, batch: { jobMs } });
  const file = dirFile();
  writeFileSync(file, yaml(f.url, 'batch'));
  const after = Math.round(rng.next() * jobMs * 0.8);
  let createdAt;
  const first = await run(file, {
    killWhen: (text) => {
      if (createdAt === undefined && /batch job genesis-[0-9a-f]+: created/.test(text)) createdAt = performance.now();
      return createdAt !== undefined && performance.now() - createdAt >= after && /batch job genesis-[0-9a-f]+: (Submitted|InProgress)/.test(text);
    },
  });
  const jobsAfterKill = f.batchStats().jobsCreated;
  const second = await run(file);
  kills.push({
    trial: t + 1,
    killedAfterCreateMs: after,
    firstSignal: first.signal,
    jobsAfterKill,
    rerunCode: second.code,
    jobs: f.batchStats().jobsCreated,
    valid: lines(file).length,
    unique: uniqueIds(file),
    converseRequests: f.stats().requests,
  });
  await f.close();
}

console.log(JSON.stringify({ date: new Date().toISOString(), node: process.version, model, count, jobMs, batch: batchRow, onDemand: onDemandRow, sigkill: kills }, null, 2));
