// The model catalogue and prompt caching as a user sees them through `genesis run`: savings in the summary and the
// dry-run, retired models warned about with their replacement, unknown models priced in the YAML or refused.
import { describe, expect, it } from 'vitest';
import { fakeBedrockPerTest } from '../fakes/fake-bedrock-per-test.js';
import { runCli, writePipeline } from '../helpers/cli.js';
import { useAwsEnv } from './aws-env.js';

useAwsEnv({ AWS_ACCESS_KEY_ID: 'FAKEKEYIDFORGENESISTESTS', AWS_SECRET_ACCESS_KEY: 'not-a-real-secret', AWS_REGION: 'us-east-1', AWS_PROFILE: undefined });

const fake = fakeBedrockPerTest({ seed: 6 });

const pipeline = (endpoint: string, model: string, extra = '', count = 20) => `name: models
seed: 8
providers:
  claude:
    type: bedrock
    model: ${model}
    endpoint: ${endpoint}
    limits: { rpm: 6000, concurrency: 4 }${extra}
steps:
  generate: { uses: generate/conversations, with: { count: ${count}, provider: claude, batch_size: 5 } }
`;

describe('models and prompt caching through genesis run', () => {
  it('reports what the prompt cache saved in the step summary, and the fake saw one write then reads', async () => {
    const f = await fake();
    const file = writePipeline(pipeline(f.url, 'us.anthropic.claude-sonnet-4-5-20250929-v1:0'));
    const r = await runCli(['run', file]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout + r.stderr).toMatch(/prompt cache: [\d,]+ input tokens read, [\d,]+ written; input cost \$\d+\.\d{4} instead of \$\d+\.\d{4} \(saved \$\d+\.\d{4}, \d+ %\)/);
    expect(f.stats()).toMatchObject({ cache_points: 4, cache_writes: 1, cache_hits: 3 });
  });

  it('--dry-run estimates the saving, or says why the cache is off for this model', async () => {
    const f = await fake();
    const sonnet = await runCli(['run', writePipeline(pipeline(f.url, 'us.anthropic.claude-sonnet-4-5-20250929-v1:0', '', 100)), '--dry-run']);
    expect(sonnet.code).toBe(0);
    expect(sonnet.stdout).toMatch(/100 items to generate: ~20 requests, .*\(prompt cache: the [\d,]+-token prefix is read from cache by 19 requests, ~\$\d+\.\d+ saved, ~\$\d+\.\d+ without\)/);
    const haiku = await runCli(['run', writePipeline(pipeline(f.url, 'us.anthropic.claude-haiku-4-5-20251001-v1:0', '', 100)), '--dry-run']);
    expect(haiku.stdout).toMatch(/prompt cache off: the [\d,]+-token prefix is below the model's 4,096-token minimum/);
    const off = await runCli(['run', writePipeline(pipeline(f.url, 'us.anthropic.claude-sonnet-4-5-20250929-v1:0', '\n    cache: false', 100)), '--dry-run']);
    expect(off.stdout).not.toMatch(/prompt cache/);
    expect(f.stats().requests ?? 0).toBe(0);
  });

  it('warns at dry-run and at run that a model is past its retirement date, naming the replacement', async () => {
    const f = await fake();
    const file = writePipeline(pipeline(f.url, 'anthropic.claude-3-sonnet-20240229-v1:0', '', 5));
    const warning = /pipeline\.yaml:6:12: warning: provider "claude": model "anthropic\.claude-3-sonnet-20240229-v1:0" was retired by AWS after 2025-07-21: requests to it fail; use "anthropic\.claude-sonnet-4-5-20250929-v1:0"/;
    const dry = await runCli(['run', file, '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stderr).toMatch(warning);
    const run = await runCli(['run', file]);
    expect(run.stderr).toMatch(warning);
    // A warning, not an error: the (fake) service still answers, and the run goes on.
    expect(run.code).toBe(0);
  });

  it('runs a model genesis does not know when the YAML gives its prices', async () => {
    const f = await fake();
    const file = writePipeline(pipeline(f.url, 'acme.brand-new-model-v1:0', '\n    prices: { input_per_1k: 0.001, output_per_1k: 0.002 }', 5));
    const r = await runCli(['run', file, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as { cost: { usd: number; inputTokens: number; outputTokens: number } };
    expect(report.cost.usd).toBeCloseTo((report.cost.inputTokens * 0.001 + report.cost.outputTokens * 0.002) / 1000, 8);
  });

  it.for([
    ['neither known nor priced', '', /pipeline\.yaml:5:5: error: provider "claude": no price known for model "acme\.brand-new-model-v1:0": add "prices:/],
    ['half priced', '\n    prices: { input_per_1k: 0.001 }', /pipeline\.yaml:5:5: error: provider "claude": "prices" needs both input_per_1k and output_per_1k/],
    ['one cache price', '\n    prices: { input_per_1k: 0.001, output_per_1k: 0.002, cache_read_per_1k: 0.0001 }', /pipeline\.yaml:5:5: error: provider "claude": "prices" needs both cache_read_per_1k and cache_write_per_1k/],
    ["a bad cache option", "\n    cache: sometimes", /pipeline\.yaml:9:12: error: `providers\.claude\.cache` must be a boolean, not the string "sometimes"/],
  ] as const)('refuses an unknown model %s with a located error (exit 2) before any request', async ([, extra, message]) => {
    const f = await fake();
    const r = await runCli(['run', writePipeline(pipeline(f.url, 'acme.brand-new-model-v1:0', extra, 5))]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(f.stats().requests ?? 0).toBe(0);
  });
});

describe('item keys and the prompt shape', () => {
  const config = (model: string, extra: Record<string, unknown> = {}) => ({ name: 'claude', type: 'bedrock', options: { model, region: 'us-east-1', ...extra } });
  const params = { count: 3, provider: 'claude', batch_size: 5, intents: 'all', few_shot: 2, languages: { en: 0.5, es: 0.5 }, sentiment: { neutral: 1 }, complexity: { simple: 1 }, turns: { min: 2, max: 4 }, noise: 0 } as never;

  it('keeps every item key when caching is turned off (cache: false only drops the cache point)', async () => {
    const { conversationItems } = await import('../../steps/generate-conversations/checkpoint-keys.js');
    const on = await conversationItems(params, 1, config('us.anthropic.claude-sonnet-4-5-20250929-v1:0'));
    const off = await conversationItems(params, 1, config('us.anthropic.claude-sonnet-4-5-20250929-v1:0', { cache: false }));
    expect(off.map((i) => i.key)).toEqual(on.map((i) => i.key));
  });

  it('asks a model that cannot cache the intent list without it (smaller uncached requests)', async () => {
    const { llmShots } = await import('../../steps/generate-conversations/checkpoint-keys.js');
    expect((await llmShots(params, config('us.anthropic.claude-sonnet-4-5-20250929-v1:0'))).intentList).toBe(true);
    expect((await llmShots(params, config('us.anthropic.claude-haiku-4-5-20251001-v1:0'))).intentList).toBe(false);
    expect((await llmShots(params, config('anthropic.claude-3-haiku-20240307-v1:0'))).intentList).toBe(false);
  });
});
