// LLM time series in batch mode and with prompt caching, through `genesis run` and the real SDK → the fake on 127.0.0.1.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FakeBedrock } from '../fakes/fake-bedrock.js';
import { fakeBedrockPerTest } from '../fakes/fake-bedrock-per-test.js';
import type { SeriesMisbehaviour } from '../fakes/fake-series-content.js';
import { runCli, writePipeline } from '../helpers/cli.js';
import { NO_ENDPOINT_VARIABLES, useAwsEnv } from '../bedrock/aws-env.js';
import { lookupModel } from '../../providers/bedrock/options.js';

useAwsEnv({ AWS_ACCESS_KEY_ID: 'FAKEKEYIDFORGENESISTESTS', AWS_SECRET_ACCESS_KEY: 'fake-secret', AWS_SESSION_TOKEN: undefined, AWS_REGION: 'us-east-1', AWS_PROFILE: undefined, ...NO_ENDPOINT_VARIABLES });

const MODEL = 'us.anthropic.claude-sonnet-4-5-20250929-v1:0';
/** No slips: every answer valid, so on-demand requests can only come from the code under test. */
const NONE: SeriesMisbehaviour = { short: 0, long: 0, nulls: 0, nan: 0, bounds: 0, repeat: 0, truncate: 0 };

const fake = fakeBedrockPerTest({ rpm: 6000, tpm: 50_000_000, seed: 11, series: NONE });

const pipeline = (endpoint: string, count: number, provider: string) => `name: llmts
seed: 5
providers:
  claude:
    type: bedrock
    region: us-east-1
    model: ${MODEL}
    endpoint: ${endpoint}
    limits: { rpm: 6000, tpm: 50000000, concurrency: 1, min_concurrency: 1 }
    patience_s: 30
${provider}
steps:
  generate: { uses: generate/timeseries, with: { count: ${count}, length: 48, provider: claude, batch_size: 3 } }
`;

const series = (file: string) =>
  readFileSync(join(dirname(file), 'out/llmts/generate/series.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { series_id: string; target: number[] });

async function fakeStats(f: FakeBedrock): Promise<{ converse: { requests: number }; batch: { jobsCreated: number }; cache_read_input_tokens?: number; cache_hits?: number }> {
  return (await (await fetch(`${f.url}/__fake/stats`)).json()) as never;
}

describe('generate/timeseries with a Bedrock provider', () => {
  it('mode: batch → one job, 0 on-demand requests, every series valid', async () => {
    const f = await fake({ batch: { jobMs: 300, minRecords: 10 } });
    const batch = { s3_uri: 's3://genesis-test/jobs/', role_arn: 'arn:aws:iam::123456789012:role/BedrockBatch', wait_s: 60, poll_s: 0.05, min_records: 10 };
    const file = writePipeline(pipeline(f.url, 30, `    mode: batch\n    batch: ${JSON.stringify(batch)}`));
    const r = await runCli(['run', file]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const got = series(file);
    expect(new Set(got.map((s) => s.series_id)).size).toBe(30);
    for (const s of got) {
      expect(s.target).toHaveLength(48);
      expect(s.target.every((v) => Number.isFinite(v))).toBe(true);
    }
    const stats = await fakeStats(f);
    expect(stats.batch.jobsCreated).toBe(1);
    expect(stats.converse.requests, r.stdout + r.stderr).toBe(0);
  });

  it('with prompt caching the shared prefix is read from the cache and billed at the cache prices', async () => {
    // The series prefix (~270 tokens) is under Sonnet 4.5's 1,024-token minimum: a lower minimum lets both sides cache it.
    const f = await fake({ cache: { minTokens: 200 } });
    const file = writePipeline(pipeline(f.url, 12, '    cache: { min_tokens: 200 }'));
    const r = await runCli(['run', file, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(series(file)).toHaveLength(12);
    const stats = await fakeStats(f);
    expect(stats.converse.requests).toBe(4);
    expect(stats.cache_hits).toBe(3);
    const read = stats.cache_read_input_tokens ?? 0;
    expect(read).toBeGreaterThan(0);
    const report = JSON.parse(r.stdout) as { cost: { usd: number; inputTokens: number; outputTokens: number; cacheSavedUsd?: number } };
    const m = lookupModel(MODEL)!;
    // One write of the prefix, three reads of it: every other token at the on-demand price.
    const write = read / 3;
    const plain = report.cost.inputTokens - read - write;
    const expected = (plain * m.input_per_1k + read * m.cache_read_per_1k! + write * m.cache_write_per_1k! + report.cost.outputTokens * m.output_per_1k) / 1000;
    expect(report.cost.usd).toBeCloseTo(expected, 8);
    // The run's cost says what the cache saved: reads below the input price, less the write's surcharge.
    expect(report.cost.cacheSavedUsd).toBeCloseTo((read * (m.input_per_1k - m.cache_read_per_1k!) - write * (m.cache_write_per_1k! - m.input_per_1k)) / 1000, 6);
    expect(r.stderr + r.stdout).toMatch(/prompt cache: [\d,]+ input tokens read/);
  });
});
