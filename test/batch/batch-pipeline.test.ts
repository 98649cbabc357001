// Batch mode end to end through `genesis run`: real SDK clients (Bedrock control plane, S3, runtime) → the fake on 127.0.0.1.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FakeBedrock, FakeBedrockOptions } from '../fakes/fake-bedrock.js';
import { fakeBedrockPerTest } from '../fakes/fake-bedrock-per-test.js';
import { filesUnder } from '../helpers/files.js';
import { runJson } from '../helpers/run-json.js';
import { runCli, spawnCli, waitFor, writePipeline } from '../helpers/cli.js';
import { useAwsEnv } from '../bedrock/aws-env.js';
import { bedrockPipelineHead } from '../helpers/bedrock-yaml.js';

const SECRET = 'SECRETgenesisBATCH0123456789abcdefSECRET';
useAwsEnv({
  AWS_ACCESS_KEY_ID: 'FAKEKEYIDFORGENESISBATCH',
  AWS_SECRET_ACCESS_KEY: SECRET,
  AWS_SESSION_TOKEN: undefined,
  AWS_REGION: 'us-east-1',
  AWS_PROFILE: undefined,
  AWS_ENDPOINT_URL: undefined,
  AWS_ENDPOINT_URL_S3: undefined,
  AWS_ENDPOINT_URL_BEDROCK: undefined,
  AWS_ENDPOINT_URL_BEDROCK_RUNTIME: undefined,
});

const start = fakeBedrockPerTest({ seed: 4 });
const fake = (batch: FakeBedrockOptions['batch'] = {}): Promise<FakeBedrock> => start({ batch: { jobMs: 300, ...batch } });

const ROLE = 'arn:aws:iam::123456789012:role/BedrockBatch';
const PRICES = '{ input_per_1k: 0.003, output_per_1k: 0.015, batch_input_per_1k: 0.0015, batch_output_per_1k: 0.0075 }';

function pipeline(endpoint: string, count: number, batch: Record<string, unknown> = {}): string {
  const b = { s3_uri: 's3://genesis-test/jobs/', role_arn: ROLE, wait_s: 60, poll_s: 0.05, ...batch };
  return `${bedrockPipelineHead('llm', endpoint, ['mode: batch', `prices: ${PRICES}`, 'limits: { rpm: 6000, concurrency: 4 }', `batch: ${JSON.stringify(b)}`])}steps:
  generate: { uses: generate/conversations, with: { count: ${count}, provider: claude, batch_size: 5 } }
`;
}

async function run(file: string) {
  const r = await runJson(file);
  return { ...r, report: r.report as typeof r.report & { cost?: { usd: number } } };
}
const lines = (file: string) => readFileSync(join(dirname(file), 'out/llm/generate/conversations.jsonl'), 'utf8').trim().split('\n');
const ids = (file: string) => new Set(lines(file).map((l) => (JSON.parse(l) as { conversation_id: string }).conversation_id));


describe('bedrock mode: batch through genesis run', () => {
  it('300 conversations: one job, 0 on-demand requests, 300/300, at the batch price; a rerun reuses everything', async () => {
    const f = await fake();
    const file = writePipeline(pipeline(f.url, 300));
    const { code, report } = await run(file);
    expect(code).toBe(0);
    expect(lines(file)).toHaveLength(300);
    expect(ids(file).size).toBe(300);
    const b = f.batchStats();
    expect(b.jobsCreated).toBe(1);
    expect(f.stats().requests).toBe(0);
    // Every token the fake served, at the batch price — half the on-demand price for the same tokens.
    const batchUsd = ((b.inputTokens as number) * 0.0015 + (b.outputTokens as number) * 0.0075) / 1000;
    expect(report.cost!.usd).toBeCloseTo(batchUsd, 6);
    const again = await run(file);
    expect(again.code).toBe(0);
    expect(f.batchStats().jobsCreated).toBe(1);
    expect(f.stats().requests).toBe(0);
    // No credential anywhere genesis writes.
    for (const p of filesUnder(join(dirname(file), '.genesis'))) expect(readFileSync(p).includes(SECRET)).toBe(false);
  });

  it('a batch-made step and its registered dataset count batch records apart from on-demand requests', async () => {
    const f = await fake();
    const file = writePipeline(pipeline(f.url, 300) + '  register: { uses: register/dataset, needs: [generate], with: { name: batched } }\n');
    const r = await runCli(['run', file, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as { steps: Array<{ id: string; metrics?: { cost?: Record<string, number> } }> };
    const records = f.batchStats().recordsServed as number;
    expect(records).toBeGreaterThan(0);
    expect(f.stats().requests).toBe(0);
    // The step paid for batch records only: none of them is an on-demand request.
    expect(report.steps.find((s) => s.id === 'generate')!.metrics!.cost).toMatchObject({ requests: 0, batchRecords: records });
    const show = await runCli(['datasets', 'show', 'batched', '--state-dir', join(dirname(file), '.genesis')]);
    expect(show.code, show.stderr).toBe(0);
    expect(show.stdout).toMatch(new RegExp(`spend +0 requests \\+ ${records} batch records, \\d+ input`));
  });

  it('a record carries several items (fewer when the job would fall below min_records); items a record left out are asked again', async () => {
    // 300 items, batch_size 5, min_records 100: 3 items per record, 100 records — not 300, nor 60 (below the minimum).
    const f = await fake({ dropItems: 0.2 });
    const file = writePipeline(pipeline(f.url, 300));
    const { code, stderr } = await runCli(['run', file]).then((r) => ({ code: r.code, stderr: r.stdout + r.stderr }));
    expect(code, stderr).toBe(0);
    expect(stderr).toMatch(/batch job genesis-[0-9a-f]+: created, 100 records of up to 3 items \(300 items\)/);
    expect(lines(file)).toHaveLength(300);
    expect(ids(file).size).toBe(300);
    const b = f.batchStats();
    expect(b.jobsCreated).toBe(1);
    expect(b.recordsServed).toBe(100);
    expect(b.itemsDropped).toBeGreaterThan(5);
    // Exactly the items the records left out went on-demand.
    expect(f.stats().items_served).toBe(b.itemsDropped);
    // The run summary tells on-demand requests from batch records.
    expect(stderr).toMatch(new RegExp(`succeeded: .* — ${f.stats().requests} requests, 100 batch records \\(1 job created\\), \\d+ tokens, \\$`));
    // A rerun finds every item checkpointed: no second job, no request.
    expect((await run(file)).code).toBe(0);
    expect(f.batchStats().jobsCreated).toBe(1);
    expect(f.stats().items_served).toBe(b.itemsDropped);
  });

  it('below min_records the items go on-demand; a remainder below it after full jobs too', async () => {
    const f = await fake();
    const file = writePipeline(pipeline(f.url, 40));
    const { code } = await run(file);
    expect(code).toBe(0);
    expect(lines(file)).toHaveLength(40);
    expect(f.batchStats().jobsCreated).toBe(0);
    expect(f.stats().requests).toBeGreaterThanOrEqual(8);

    const g = await fake();
    const file2 = writePipeline(pipeline(g.url, 150, { max_records: 100 }));
    const r2 = await run(file2);
    expect(r2.code).toBe(0);
    expect(lines(file2)).toHaveLength(150);
    expect(g.batchStats().jobsCreated).toBe(1);
    expect(g.batchStats().recordsServed).toBe(100);
    expect(g.stats().items_served).toBeGreaterThanOrEqual(50);
  });

  it('above max_records several jobs, each within its bounds', async () => {
    const f = await fake({ minRecords: 10 });
    // 5 items per record (batch_size): 50 records, in jobs of at most 20.
    const file = writePipeline(pipeline(f.url, 250, { max_records: 20, min_records: 10 }));
    const { code } = await run(file);
    expect(code).toBe(0);
    expect(lines(file)).toHaveLength(250);
    expect(f.batchStats().jobsCreated).toBe(3);
    expect(f.batchStats().recordsServed).toBe(50);
    expect(f.stats().requests).toBe(0);
  });

  it('records that come back with an error are asked again on-demand; the dataset is complete', async () => {
    const f = await fake({ recordErrors: 0.2 });
    const file = writePipeline(pipeline(f.url, 120));
    const { code } = await run(file);
    expect(code).toBe(0);
    expect(lines(file)).toHaveLength(120);
    expect(ids(file).size).toBe(120);
    const b = f.batchStats();
    expect(b.jobsCreated).toBe(1);
    expect(b.recordErrors).toBeGreaterThan(5);
    // Only the error records went on-demand: as many items as errors (the fake's answers are valid).
    expect(f.stats().items_served).toBe(b.recordErrors);
  });

  it('after wait_s the run exits 75 saying the job is in progress; the rerun collects without a second job', async () => {
    const f = await fake({ jobMs: 5000 });
    const file = writePipeline(pipeline(f.url, 120, { wait_s: 0 }));
    const first = await runCli(['run', file]);
    expect(first.code).toBe(75);
    expect(first.stdout + first.stderr).toMatch(/batch job genesis-[0-9a-f]+ \((Submitted|InProgress)[^)]*\) in progress; rerun to collect/);
    expect(f.batchStats().jobsCreated).toBe(1);
    writeFileSync(file, pipeline(f.url, 120, { wait_s: 30 }));
    const second = await run(file);
    expect(second.code).toBe(0);
    expect(lines(file)).toHaveLength(120);
    expect(f.batchStats().jobsCreated).toBe(1);
    expect(f.stats().requests).toBe(0);
  });

  it('SIGKILL while the job runs, then rerun: still exactly one job, every item', async () => {
    const f = await fake({ jobMs: 8000 });
    const file = writePipeline(pipeline(f.url, 150));
    const killed = spawnCli(['run', file], { cwd: dirname(file) });
    let seen = '';
    killed.child.stdout!.on('data', (d) => (seen += d));
    killed.child.stderr!.on('data', (d) => (seen += d));
    await waitFor(() => seen, /batch job genesis-[0-9a-f]+: (Submitted|InProgress)/, 30_000);
    killed.child.kill('SIGKILL');
    expect((await killed.done).code).toBe(137);
    expect(f.batchStats().jobsCreated).toBe(1);
    const { code, stdout, stderr } = await runCli(['run', file]);
    expect(code).toBe(0);
    expect(stdout + stderr).toMatch(/re-attached/);
    expect(lines(file)).toHaveLength(150);
    expect(f.batchStats().jobsCreated).toBe(1);
    expect(f.stats().requests).toBe(0);
  });

  it('--dry-run estimates both modes side by side and calls nothing', async () => {
    const f = await fake();
    const file = writePipeline(pipeline(f.url, 250, { max_records: 100 }));
    const r = await runCli(['run', file, '--dry-run']);
    expect(r.code).toBe(0);
    // 250 items at batch_size 5 would be 50 records, below min_records: 2 items a record, 125 records; max_records
    // 100 makes a job of 100 and a rest of 25 records, below min_records, so its 50 items go on-demand.
    expect(r.stdout).toMatch(/250 items to generate: ~50 requests, ~[\d,]+ tokens, ~\$(\d+\.\d+)[, ].* \(on-demand\); batch \(this run\): 1 job of 100 records \(2 items each at most\) \(\+50 items on-demand, below min_records\), ~[\d,]+ tokens, ~\$\d+\.\d+/);
    expect(f.batchStats().createRequests + f.batchStats().getRequests + f.stats().requests).toBe(0);
    // An on-demand provider is told what batch would cost, and that it is not what this run does.
    writeFileSync(file, pipeline(f.url, 250).replace('mode: batch', 'mode: on_demand'));
    const od = await runCli(['run', file, '--dry-run']);
    expect(od.stdout).toMatch(/\(on-demand, this run\); batch: 1 job of 125 records \(2 items each at most\)/);
  });

  it.each([
    ['AWS_ENDPOINT_URL', ['AWS_ENDPOINT_URL']],
    ['AWS_ENDPOINT_URL_S3 + AWS_ENDPOINT_URL_BEDROCK + AWS_ENDPOINT_URL_BEDROCK_RUNTIME', ['AWS_ENDPOINT_URL_S3', 'AWS_ENDPOINT_URL_BEDROCK', 'AWS_ENDPOINT_URL_BEDROCK_RUNTIME']],
  ])('endpoints from the SDK variables (%s) with no endpoint: in the file', async (_name, vars) => {
    const f = await fake();
    const file = writePipeline(pipeline(f.url, 100).replace(/\n    endpoint: .*/, ''));
    for (const v of vars) process.env[v] = f.url;
    try {
      const { code } = await run(file);
      expect(code).toBe(0);
    } finally {
      for (const v of vars) delete process.env[v];
    }
    expect(lines(file)).toHaveLength(100);
    expect(f.batchStats().jobsCreated).toBe(1);
  });

  it('a batch job the budget cannot cover is not created: exit 75, nothing spent', async () => {
    const f = await fake();
    const file = writePipeline(pipeline(f.url, 120).replace('limits:', 'budget: { usd: 0.01 }\n    limits:'));
    const r = await runCli(['run', file]);
    expect(r.code).toBe(75);
    expect(r.stdout + r.stderr).toMatch(/budget of \$0\.01 would not cover batch job genesis-[0-9a-f]+: 120 records may cost up to \$\d/);
    expect(f.batchStats().jobsCreated).toBe(0);
    expect(f.stats().requests).toBe(0);
  });

  it('a job that fails sends its items on-demand instead of losing them', async () => {
    // The fake's quota says 200 records at least; genesis was told 100: validation fails the job.
    const f = await fake({ minRecords: 200 });
    const file = writePipeline(pipeline(f.url, 120));
    const { code, stdout, stderr } = await runCli(['run', file]);
    expect(code).toBe(0);
    expect(stdout + stderr).toMatch(/Failed \(The number of records in the input \(120\) is below the minimum of 200/);
    expect(lines(file)).toHaveLength(120);
    expect(f.batchStats().jobsCreated).toBe(1);
    expect(f.stats().items_served).toBe(120);
  });
});

describe('bad batch options are located input errors (exit 2)', () => {
  const base = (provider: string, model = 'us.anthropic.claude-sonnet-4-5-20250929-v1:0') => `name: bad
seed: 1
providers:
  claude:
    type: bedrock
    region: us-east-1
    model: ${model}
${provider}
steps:
  generate: { uses: generate/conversations, with: { count: 5, provider: claude } }
`;
  it.each([
    ['mode: batch without a batch block', `    mode: batch\n    prices: ${PRICES}`, /:8:\d+: error: .*"mode: batch" needs a "batch:" block/],
    ['an s3_uri that is not s3://', `    mode: batch\n    prices: ${PRICES}\n    batch: { s3_uri: "s3:/nope", role_arn: "${ROLE}" }`, /:10:\d+: error: .*s3_uri/],
    ['a role that is not an IAM role ARN', `    mode: batch\n    prices: ${PRICES}\n    batch: { s3_uri: "s3://bucket/p/", role_arn: "my-role" }`, /:10:\d+: error: .*role_arn/],
    ['max_records below min_records', `    mode: batch\n    prices: ${PRICES}\n    batch: { s3_uri: "s3://bucket/p/", role_arn: "${ROLE}", min_records: 100, max_records: 50 }`, /:10:\d+: error: .*max_records.*below.*min_records/],
    ['timeout_hours out of the API range', `    mode: batch\n    prices: ${PRICES}\n    batch: { s3_uri: "s3://bucket/p/", role_arn: "${ROLE}", timeout_hours: 2 }`, /:10:\d+: error: .*timeout_hours/],
    ['an unknown mode', `    mode: bulk`, /:8:\d+: error: .*mode/],
    // A model the catalogue doesn't know, priced on-demand only: nobody knows its batch price.
    ['batch pricing unknown for the model', `    mode: batch\n    prices: { input_per_1k: 0.001, output_per_1k: 0.002 }\n    batch: { s3_uri: "s3://bucket/p/", role_arn: "${ROLE}" }`, /:8:\d+: error: .*batch pricing is unknown.*batch_input_per_1k/, 'acme.unknown-model-v1:0'],
  ])('%s', async (_name, provider, message, model?: string) => {
    const file = writePipeline(base(provider, model));
    const r = await runCli(['run', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
