// Re-attaching batch jobs through the real SDK clients: a crash between CreateModelInvocationJob and recording its ARN.
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeBedrock, type FakeBedrock } from '../fakes/fake-bedrock.js';
import { runLlmItems } from '../../providers/llm/batch-runner.js';
import { conversationItemPrompt, renderConversationBatch } from '../../providers/llm/conversation-prompt.js';
import { parseConversationItem } from '../../providers/llm/conversation-parse.js';
import { openDb, type Db } from '../../store/db.js';
import { dbBatchJobs } from '../../store/batch-jobs.js';
import { sha256 } from '../../util/hash.js';
import type { ChatProvider } from '../../providers/contract.js';
import { MemoryItemStore } from '../helpers/step-context.js';
import { tempDir } from '../helpers/cli.js';
import { bedrock, specs } from '../bedrock/helpers.js';

let fake: FakeBedrock | undefined;
let provider: ChatProvider | undefined;
let db: Db | undefined;
afterEach(async () => {
  await provider?.close?.();
  await fake?.close();
  db?.close();
  fake = provider = db = undefined;
});

const render = (s: Parameters<typeof renderConversationBatch>[0]) => renderConversationBatch(s, { fewShot: 0 });

describe('batch jobs across a crash', () => {
  it.each([
    ['the job was created but its ARN never recorded: found by name, not created again', true],
    ['the process died before CreateModelInvocationJob: created once on the rerun', false],
  ])('%s', async (_name, createdBefore) => {
    fake = await startFakeBedrock({ seed: 9, batch: { jobMs: 0 } });
    provider = bedrock(fake.url, {
      mode: 'batch',
      prices: { input_per_1k: 0.003, output_per_1k: 0.015, batch_input_per_1k: 0.0015, batch_output_per_1k: 0.0075 },
      batch: { s3_uri: 's3://bucket/genesis/', role_arn: 'arn:aws:iam::123456789012:role/Batch', poll_s: 0.02 },
    });
    const batch = provider.batch!;
    db = openDb(tempDir());
    const jobs = dbBatchJobs(db);
    const items = specs(120).map((spec) => ({ key: sha256(conversationItemPrompt(spec)), spec }));
    const keys = items.map((it) => it.key);
    // What the killed process got done: the job recorded as creating, and maybe created at the service.
    const name = batch.jobName(keys, 0);
    const where = batch.locate(name);
    jobs.putCreating({ name, model: batch.model, ...where, keys, records: keys.length });
    if (createdBefore) await batch.submit({ name, ...where, records: items.map((it) => ({ recordId: it.key, request: render([it.spec]) })) });
    expect(fake.batchStats().jobsCreated).toBe(createdBefore ? 1 : 0);

    const store = new MemoryItemStore();
    const r = await runLlmItems({ items, provider, store, batchSize: 5, render, parse: parseConversationItem, signal: new AbortController().signal, jobs });
    expect(r.generated).toBe(120);
    expect([...store.items.values()].filter((x) => x.status === 'done')).toHaveLength(120);
    expect(fake.batchStats().jobsCreated).toBe(1);
    expect(fake.stats().requests).toBe(0);
    expect(jobs.open()).toEqual([]);
    expect(jobs.get(name)?.status).toBe('Completed');
  });
});
