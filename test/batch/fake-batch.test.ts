// The fake's batch control plane and S3 through the real SDK clients: what genesis's batch mode relies on.
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeBedrock, type FakeBedrock } from '../fakes/fake-bedrock.js';
import { createBatchClient, type BatchClient } from '../../providers/bedrock/batch-client.js';
import { renderConversationBatch } from '../../providers/llm/conversation-prompt.js';
import { converseBody } from '../../providers/bedrock/converse-body.js';
import { specs } from '../bedrock/helpers.js';
import { fakeBedrockCommand } from '../../cli/commands/fake-bedrock.js';
import { InputError } from '../../util/errors.js';

let fake: FakeBedrock | undefined;
let client: BatchClient | undefined;
afterEach(async () => {
  client?.destroy();
  await fake?.close();
  fake = client = undefined;
});

const ROLE = 'arn:aws:iam::123456789012:role/genesis-batch';
const records = (n: number) =>
  specs(n)
    .map((s, i) => JSON.stringify({ recordId: `R${String(i).padStart(10, '0')}`, modelInput: converseBody(renderConversationBatch([s], { fewShot: 0 }), 1024) }))
    .join('\n') + '\n';

async function setup(batch: Parameters<typeof startFakeBedrock>[0]['batch'] = {}) {
  fake = await startFakeBedrock({ seed: 2, batch: { jobMs: 0, ...batch } });
  client = await createBatchClient('us-east-1', { control: fake.url, s3: fake.url, pathStyle: true });
  return client;
}

describe('fake batch inference through the real SDK clients', () => {
  it('S3 put/head/list/get round-trip, path-style', async () => {
    const c = await setup();
    expect(await c.exists('s3://b/p/x.jsonl')).toBe(false);
    await c.put('s3://b/p/x.jsonl', 'hello\n');
    expect(await c.exists('s3://b/p/x.jsonl')).toBe(true);
    expect(await c.list('s3://b/p/')).toEqual(['s3://b/p/x.jsonl']);
    expect(await c.get('s3://b/p/x.jsonl')).toBe('hello\n');
  });

  it('a job goes Submitted → InProgress → Completed and writes shuffled output keyed by recordId', async () => {
    const c = await setup({ jobMs: 2000 });
    await c.put('s3://b/in/records.jsonl', records(120));
    const arn = await c.create({ name: 'genesis-test', model: 'us.anthropic.claude-sonnet-4-5-20250929-v1:0', roleArn: ROLE, inputUri: 's3://b/in/records.jsonl', outputUri: 's3://b/out/', timeoutHours: 24 });
    const seen = new Set<string>();
    let st = await c.status(arn);
    seen.add(st.status);
    while (st.status !== 'Completed') {
      await new Promise((r) => setTimeout(r, 30));
      st = await c.status(arn);
      seen.add(st.status);
    }
    // In this order; Submitted lasts the first 10 % only, which a loaded machine may poll past.
    const order = ['Submitted', 'InProgress', 'Completed'];
    expect([...seen]).toEqual(order.filter((x) => seen.has(x)));
    expect(seen.has('InProgress')).toBe(true);
    expect(st.total).toBe(120);
    const files = await c.list(st.outputUri);
    expect(files.map((f) => f.split('/').pop()).sort()).toEqual(['manifest.json.out', 'records.jsonl.out']);
    const out = (await c.get(`${st.outputUri}records.jsonl.out`)).trim().split('\n').map((l) => JSON.parse(l) as { recordId: string; modelOutput?: unknown });
    expect(out).toHaveLength(120);
    const ids = out.map((r) => r.recordId);
    expect(new Set(ids).size).toBe(120);
    expect(ids).not.toEqual([...ids].sort());
    expect(out.every((r) => r.modelOutput)).toBe(true);
    expect(fake!.batchStats().jobsCreated).toBe(1);
    const stats = (await (await fetch(`${fake!.url}/__fake/stats`)).json()) as { converse: { requests: number }; batch: { jobsCreated: number } };
    expect(stats.converse.requests).toBe(0);
    expect(stats.batch.jobsCreated).toBe(1);
  });

  it('the same name (client token) is one job; listing by name finds it; too few records fail validation', async () => {
    const c = await setup();
    await c.put('s3://b/in/few.jsonl', records(5));
    const job = { name: 'genesis-few', model: 'm', roleArn: ROLE, inputUri: 's3://b/in/few.jsonl', outputUri: 's3://b/out/', timeoutHours: 24 };
    const a = await c.create(job);
    expect(await c.create(job)).toBe(a);
    expect(fake!.batchStats().jobsCreated).toBe(1);
    const found = await c.findByName('genesis-few');
    expect(found.map((j) => j.arn)).toEqual([a]);
    expect(found[0]!.status).toBe('Failed');
    expect(found[0]!.message).toMatch(/below the minimum of 100/);
  });

  it('per-record errors come back as records with `error`', async () => {
    const c = await setup({ recordErrors: 0.5 });
    await c.put('s3://b/in/r.jsonl', records(100));
    const arn = await c.create({ name: 'genesis-err', model: 'm', roleArn: ROLE, inputUri: 's3://b/in/r.jsonl', outputUri: 's3://b/out/', timeoutHours: 24 });
    const st = await c.status(arn);
    expect(st.status).toBe('Completed');
    const out = (await c.get(`${st.outputUri}r.jsonl.out`)).trim().split('\n').map((l) => JSON.parse(l) as { error?: unknown });
    const errors = out.filter((r) => r.error).length;
    expect(errors).toBeGreaterThan(20);
    expect(errors).toBeLessThan(80);
  });

  it('rejects a bad role ARN or job name as the real API does (ValidationException)', async () => {
    const c = await setup();
    await expect(c.create({ name: 'bad name!', model: 'm', roleArn: 'role', inputUri: 's3://b/x.jsonl', outputUri: 's3://b/o/', timeoutHours: 24 })).rejects.toThrow(/jobName.*roleArn/);
  });

  it('`genesis fake-bedrock` passes its batch flags to the fake and rejects bad ones', async () => {
    const out: string[] = [];
    const stop = new AbortController();
    const running = fakeBedrockCommand(['--batch-job-ms', '0', '--batch-min-records', '5', '--batch-errors', '1'], { stdout: (t) => out.push(t), stderr: () => {} }, stop.signal);
    await expect.poll(() => out.join(''), { timeout: 15_000 }).toMatch(/listening on http:\/\/127\.0\.0\.1:\d+/);
    const url = /http:\/\/127\.0\.0\.1:\d+/.exec(out.join(''))![0];
    client = await createBatchClient('us-east-1', { control: url, s3: url, pathStyle: true });
    await client.put('s3://b/in/five.jsonl', records(5));
    const arn = await client.create({ name: 'genesis-five', model: 'm', roleArn: ROLE, inputUri: 's3://b/in/five.jsonl', outputUri: 's3://b/out/', timeoutHours: 24 });
    const st = await client.status(arn);
    expect(st.status).toBe('Completed');
    const rows = (await client.get(`${st.outputUri}five.jsonl.out`)).trim().split('\n').map((l) => JSON.parse(l) as { error?: unknown });
    expect(rows.filter((r) => r.error)).toHaveLength(5);
    const stats = (await (await fetch(`${url}/__fake/stats`)).json()) as { batch: { jobsCreated: number; recordErrors: number } };
    expect(stats.batch).toMatchObject({ jobsCreated: 1, recordErrors: 5 });
    stop.abort();
    await expect(running).resolves.toBe(0);
    for (const bad of [['--batch-errors', '2'], ['--batch-job-ms', 'soon'], ['--batch-min-records', '-1']]) {
      await expect(fakeBedrockCommand(bad, { stdout: () => {}, stderr: () => {} })).rejects.toBeInstanceOf(InputError);
    }
  });
});
