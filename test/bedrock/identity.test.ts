// Who answers is identity: a fake or proxy endpoint enters fingerprints, item keys and the registry; model required;
// few-shot examples enter item keys; failed items say why. Through `genesis run` in temp dirs, real SDK → fake.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FakeBedrock } from '../fakes/fake-bedrock.js';
import { fakeBedrockPerTest } from '../fakes/fake-bedrock-per-test.js';
import { runCli, writePipeline } from '../helpers/cli.js';
import { useAwsEnv } from './aws-env.js';
import { foreignEndpoint, providerIdentity } from '../../providers/identity.js';

useAwsEnv({
  AWS_ACCESS_KEY_ID: 'FAKEKEYIDFORGENESISTESTS',
  AWS_SECRET_ACCESS_KEY: 'fake-secret',
  AWS_REGION: 'us-east-1',
  AWS_PROFILE: undefined,
  AWS_ENDPOINT_URL_BEDROCK_RUNTIME: undefined,
  AWS_ENDPOINT_URL: undefined,
});

afterEach(() => {
  delete process.env.AWS_ENDPOINT_URL_BEDROCK_RUNTIME;
});
const fake = fakeBedrockPerTest({ seed: 4 });

// The shape of pipelines/bedrock.yaml: the endpoint on its own line, meant to be deleted for real Bedrock.
const yaml = (endpoint: string | undefined, extra = '', withStep = '') => `name: who
seed: 3
providers:
  claude:
    type: bedrock
    region: us-east-1
    model: us.anthropic.claude-3-haiku-20240307-v1:0
${endpoint ? `    endpoint: ${endpoint}\n` : ''}    limits: { rpm: 6000, concurrency: 8 }
${extra}steps:
  generate: { uses: generate/conversations, with: { count: 10, provider: claude, batch_size: 5${withStep} } }
`;

interface Report {
  steps: Array<{ id: string; status: string; reason?: string; error?: string; metrics?: { items?: { generated: number; reused: number; failed: number } } }>;
}
async function run(file: string, ...extra: string[]) {
  const r = await runCli(['run', file, '--json', ...extra]);
  return { ...r, report: JSON.parse(r.stdout) as Report };
}
const asked = (f: FakeBedrock) => Object.values(f.itemRequests()).reduce((a, n) => a + n, 0);

describe('provider identity', () => {
  it('deleting the endpoint: line (as pipelines/bedrock.yaml says) is not cached and reuses none of the fake\'s items', async () => {
    const a = await fake();
    const file = writePipeline(yaml(a.url));
    expect((await run(file)).code).toBe(0);
    writeFileSync(file, yaml(undefined));
    // Without the line the SDK would call AWS itself: the dry run shows what that run would do, offline.
    const dry = await runCli(['run', file, '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/provider\.endpoint/);
    expect(dry.stdout).toMatch(/10 items to generate/);
    // Another server reached through the SDK's environment variable is someone else again.
    const b = await fake();
    process.env.AWS_ENDPOINT_URL_BEDROCK_RUNTIME = b.url;
    const second = await run(file);
    expect(second.code).toBe(0);
    expect(second.report.steps[0]).toMatchObject({ status: 'ran', metrics: { items: { generated: 10, reused: 0 } } });
    expect(asked(b)).toBe(10);
  });

  it('--force after switching endpoints asks the new one for every item', async () => {
    const a = await fake();
    const file = writePipeline(yaml(a.url));
    expect((await run(file)).code).toBe(0);
    const b = await fake();
    writeFileSync(file, yaml(b.url));
    const forced = await run(file, '--force');
    expect(forced.report.steps[0]!.metrics!.items).toMatchObject({ generated: 10, reused: 0 });
    expect(asked(b)).toBe(10);
    // The same endpoint again: the items it answered are reused, nothing is bought twice.
    const again = await run(file, '--force');
    expect(again.report.steps[0]!.metrics!.items).toMatchObject({ generated: 0, reused: 10 });
    expect(asked(b)).toBe(10);
  });

  it('the registry records the endpoint that answered', async () => {
    const a = await fake();
    const file = writePipeline(`${yaml(a.url)}  register: { uses: register/dataset, needs: [generate], with: { name: who-data } }\n`);
    expect((await run(file)).code).toBe(0);
    const ds = await runCli(['datasets', 'show', 'who-data', '--json', '--pipeline', file]);
    expect(ds.code).toBe(0);
    expect(ds.stdout).toContain(`bedrock via ${a.url}`);
  });

  it.each([
    ['https://bedrock-runtime.us-east-1.amazonaws.com', undefined],
    ['https://bedrock-runtime-fips.us-east-1.amazonaws.com', undefined],
    ['https://vpce-0a1b2c3d-4e5f.bedrock-runtime.us-east-1.vpce.amazonaws.com', undefined],
    ['https://bedrock-runtime.eu-west-1.amazonaws.com', 'https://bedrock-runtime.eu-west-1.amazonaws.com'],
    ['http://127.0.0.1:8787/', 'http://127.0.0.1:8787'],
    ['https://user:pw@proxy.example.com:8443/bedrock', 'https://proxy.example.com:8443/bedrock'],
  ])('endpoint %s in us-east-1 is identity %s', (endpoint, expected) => {
    expect(foreignEndpoint(endpoint, 'us-east-1')).toBe(expected);
    const id = providerIdentity({ name: 'c', type: 'bedrock', options: { model: 'm', region: 'us-east-1', endpoint } }, {});
    expect(id.endpoint).toBe(expected);
  });

  it('a bedrock provider without model: is a located error (exit 2)', async () => {
    const file = writePipeline(yaml('http://127.0.0.1:9').replace('    model: us.anthropic.claude-3-haiku-20240307-v1:0\n', ''));
    const r = await runCli(['run', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/:5:5: error: provider "claude": no "model:"/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('item keys', () => {
  it('few-shot examples enter them: editing the examples file re-asks every item', async () => {
    const f = await fake();
    const file = writePipeline(yaml(f.url, '', ', examples: shots.csv, few_shot: 1'));
    const csv = join(dirname(file), 'shots.csv');
    writeFileSync(csv, 'text,category\nwhere is my card,card_arrival\n');
    expect((await run(file)).code).toBe(0);
    expect(asked(f)).toBe(10);
    writeFileSync(csv, 'text,category\nmy card has not arrived yet,card_arrival\n');
    const second = await run(file);
    expect(second.report.steps[0]!.metrics!.items).toMatchObject({ generated: 10, reused: 0 });
    expect(asked(f)).toBe(20);
  });
});

describe('failed items', () => {
  it('say why, with counts per reason', async () => {
    // Every reply breaks one item's JSON; retries break again: some items end up missing for good.
    const f = await fake({ faults: { malformed: 1 }, ids: 'echo' });
    const file = writePipeline(yaml(f.url));
    const r = await runCli(['run', file]);
    expect(r.code).toBe(0);
    const said = /(\d+) failed: (\d+) × missing from the model answer/.exec(r.stdout + r.stderr);
    expect(said).not.toBeNull();
    expect(Number(said![1])).toBeGreaterThan(0);
    expect(said![2]).toBe(said![1]);
  });
});
