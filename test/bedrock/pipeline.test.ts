// The Bedrock path end to end through `genesis run`: real SDK → fake Bedrock on 127.0.0.1, budget stops,
// resume without paying twice, --retry-failed, --dry-run estimates, and no secret anywhere on disk.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeBedrockPerTest } from '../fakes/fake-bedrock-per-test.js';
import { filesUnder } from '../helpers/files.js';
import { runCli, writePipeline } from '../helpers/cli.js';
import { useAwsEnv } from './aws-env.js';
import { bedrockPipelineHead } from '../helpers/bedrock-yaml.js';

const SECRET = 'SECRETgenesisTEST0123456789abcdefSECRET';
useAwsEnv({
  AWS_ACCESS_KEY_ID: 'FAKEKEYIDFORGENESISTESTS',
  AWS_SECRET_ACCESS_KEY: SECRET,
  AWS_SESSION_TOKEN: `${SECRET}-token`,
  AWS_REGION: 'us-east-1',
  AWS_PROFILE: undefined,
});

const fake = fakeBedrockPerTest({ rpm: 6000, tpm: 50_000_000, seed: 3 });

const pipeline = (endpoint: string, count: number, budget = 100) => `${bedrockPipelineHead('llm', endpoint, ['limits: { rpm: 6000, tpm: 50000000, concurrency: 4 }', `budget: { usd: ${budget} }`, 'patience_s: 30', 'max_retries: 6'])}steps:
  generate: { uses: generate/conversations, with: { count: ${count}, provider: claude, batch_size: 5 } }
  validate: { uses: validate/conversations, needs: [generate] }
`;

interface Report {
  status: string;
  resumable: boolean;
  cost?: { usd: number; requests: number };
  steps: Array<{ id: string; status: string; error?: string; metrics?: { items?: { generated: number; reused: number; failed: number; written: number } } }>;
}
async function run(file: string, ...extra: string[]) {
  const r = await runCli(['run', file, '--json', ...extra]);
  return { code: r.code, report: JSON.parse(r.stdout) as Report, stderr: r.stderr };
}
const lines = (file: string) => readFileSync(join(dirname(file), 'out/llm/generate/conversations.jsonl'), 'utf8').trim().split('\n');


describe('bedrock provider through genesis run', () => {
  it('generates a dataset through the real SDK and the fake, and records tokens and cost', async () => {
    const f = await fake();
    const file = writePipeline(pipeline(f.url, 20));
    const { code, report } = await run(file);
    expect(code).toBe(0);
    expect(lines(file)).toHaveLength(20);
    expect(report.cost!.usd).toBeGreaterThan(0);
    expect(report.cost!.requests).toBeGreaterThanOrEqual(4);
    const ids = lines(file).map((l) => (JSON.parse(l) as { conversation_id: string }).conversation_id);
    expect(new Set(ids).size).toBe(20);
  });

  it('a spent budget stops resumably (exit 75); the rerun requests only the missing items', async () => {
    const f = await fake();
    // A request may cost up to ~$0.05 (its max output at Claude's price): $0.1 buys a few of the 8, not all.
    const file = writePipeline(pipeline(f.url, 40, 0.1));
    const first = await run(file);
    expect(first.code).toBe(75);
    expect(first.report.status).toBe('interrupted');
    expect(first.report.steps.find((s) => s.id === 'generate')!.error).toMatch(/budget/i);
    expect(first.report.steps.find((s) => s.id === 'validate')!.status).toBe('skipped');
    const before = { ...f.itemRequests() };
    const paid = Object.keys(before).length;
    expect(paid).toBeGreaterThan(0);
    expect(paid).toBeLessThan(40);

    // The same pipeline with the budget raised (the budget is not part of the fingerprint).
    const raised = writePipelineSibling(file, pipeline(f.url, 40, 100));
    const resumed = await run(raised);
    expect(resumed.code).toBe(0);
    expect(lines(raised)).toHaveLength(40);
    const after = f.itemRequests();
    // Every item completed before the stop was never requested again.
    for (const [id, n] of Object.entries(before)) expect(after[id]).toBe(n);
  });

  it('items that keep coming back invalid are recorded as failed; --retry-failed retries only those', async () => {
    // Every response corrupts one item, and so does every single-item retry: those items fail permanently.
    const bad = await fake({ faults: { malformed: 1 } });
    const file = writePipeline(pipeline(bad.url, 10));
    const first = await run(file);
    expect(first.code).toBe(0);
    const items = first.report.steps[0]!.metrics!.items!;
    expect(items.failed).toBeGreaterThan(0);
    expect(items.written).toBe(10 - items.failed);
    expect(lines(file)).toHaveLength(10 - items.failed);

    // The same server (same endpoint, so the same identity) now answering well.
    const port = Number(new URL(bad.url).port);
    await bad.close();
    const good = await fake({ port });
    writeFileSync(file, pipeline(good.url, 10));
    const plain = await run(file);
    expect(plain.report.steps[0]!.status).toBe('cached');
    const r = await run(file, '--retry-failed');
    expect(r.code).toBe(0);
    expect(r.report.steps[0]!.metrics!.items).toEqual(expect.objectContaining({ generated: items.failed, reused: 10 - items.failed, failed: 0, written: 10 }));
    expect(lines(file)).toHaveLength(10);
    // Only the failed items were asked of the good server.
    expect(Object.keys(good.itemRequests()).length).toBe(items.failed);
  });

  it('--dry-run estimates requests, tokens and cost for the remaining items without calling Bedrock', async () => {
    const f = await fake();
    const file = writePipeline(pipeline(f.url, 50));
    const r = await runCli(['run', file, '--dry-run']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/50 items to generate: ~10 requests, ~[\d,]+ tokens, ~\$\d+\.\d+/);
    expect(f.stats().requests ?? 0).toBe(0);
  });

  it('no credential appears in the state folder, the outputs, or anything printed', async () => {
    const f = await fake({ faults: { '429': 0.2 } });
    const file = writePipeline(pipeline(f.url, 15));
    const r = await runCli(['run', file]);
    expect(r.code).toBe(0);
    const dir = dirname(file);
    for (const p of [...filesUnder(join(dir, '.genesis')), ...filesUnder(join(dir, 'out'))]) {
      const bytes = readFileSync(p);
      expect(bytes.includes(SECRET), p).toBe(false);
      expect(bytes.includes('FAKEKEYIDFORGENESISTESTS'), p).toBe(false);
    }
    expect(r.stdout + r.stderr).not.toContain(SECRET);
    const runs = await runCli(['runs', file, '--json']);
    expect(runs.stdout).not.toContain(SECRET);
  });
});

/** Writes another pipeline file in the same folder, so it shares the state and checkpoints. */
function writePipelineSibling(file: string, yaml: string): string {
  return writePipeline(yaml, dirname(file), `p${Math.random().toString(36).slice(2, 8)}.yaml`);
}
