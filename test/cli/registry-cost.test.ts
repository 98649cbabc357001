// The registry's cost of a dataset is what all its items cost: an interrupted run plus its resume, not the last run.
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeBedrock, type FakeBedrock } from '../fakes/fake-bedrock.js';
import { runCli, writePipeline } from '../helpers/cli.js';
import { bedrockPipelineHead } from '../helpers/bedrock-yaml.js';

const saved: Record<string, string | undefined> = {};
let fake: FakeBedrock;
beforeAll(async () => {
  for (const k of ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_REGION', 'AWS_PROFILE']) saved[k] = process.env[k];
  process.env.AWS_ACCESS_KEY_ID = 'FAKEKEYIDFORGENESISTESTS';
  process.env.AWS_SECRET_ACCESS_KEY = 'fake-secret-for-tests';
  process.env.AWS_REGION = 'us-east-1';
  delete process.env.AWS_SESSION_TOKEN;
  delete process.env.AWS_PROFILE;
  fake = await startFakeBedrock({ rpm: 6000, tpm: 50_000_000, seed: 3 });
});
afterAll(async () => {
  await fake.close();
  for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k];
  else process.env[k] = v;
});

const pipeline = (endpoint: string, budget: number) => `${bedrockPipelineHead('llm', endpoint, ['limits: { rpm: 6000, tpm: 50000000, concurrency: 2 }', `budget: { usd: ${budget} }`])}steps:
  generate: { uses: generate/conversations, with: { count: 30, provider: claude, batch_size: 5 } }
  register: { uses: register/dataset, needs: [generate], with: { name: paid } }
`;

describe('registry cost', () => {
  it('sums what the interrupted run and its resume paid for', async () => {
    const file = writePipeline(pipeline(fake.url, 0.15));
    const first = await runCli(['run', file, '--json']);
    expect(first.code, first.stderr).toBe(75);
    const firstUsd = (JSON.parse(first.stdout) as { cost: { usd: number } }).cost.usd;
    expect(firstUsd).toBeGreaterThan(0);

    writeFileSync(file, pipeline(fake.url, 100)); // the budget is not part of the fingerprint
    const second = await runCli(['run', file, '--json']);
    expect(second.code, second.stderr).toBe(0);
    const secondUsd = (JSON.parse(second.stdout) as { cost: { usd: number } }).cost.usd;
    expect(secondUsd).toBeGreaterThan(0);

    const ds = await runCli(['datasets', 'show', 'paid', '--json', '--pipeline', file]);
    expect(ds.code, ds.stderr).toBe(0);
    const shown = JSON.parse(ds.stdout) as { costUsd?: number; dataset?: { costUsd: number } };
    const cost = shown.costUsd ?? shown.dataset!.costUsd;
    expect(cost).toBeCloseTo(firstUsd + secondUsd, 6);
  });
});
