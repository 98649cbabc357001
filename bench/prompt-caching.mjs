// Bench: input cost of generate/conversations with Bedrock prompt caching on vs off (`cache: false`), through
// `genesis run` against the fake Bedrock, priced from the fake's own token accounting (not genesis's).
// Build first: npx tsc -p tsconfig.json ; then: node bench/prompt-caching.mjs [--count 1000] [--model ID]
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const dist = new URL('../dist/', import.meta.url);
const { startFakeBedrock } = await import(new URL('test/fakes/fake-bedrock.js', dist).href);
const arg = (name, dflt) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : dflt);
const count = Number(arg('--count', 1000));
const model = arg('--model', 'us.anthropic.claude-sonnet-4-5-20250929-v1:0');
const catalogue = JSON.parse(readFileSync(new URL('../data/models.json', import.meta.url), 'utf8')).models;
const price = catalogue[model];
const bin = new URL('../bin/genesis.js', import.meta.url).pathname;

/** One step as a user writes it; `scope` narrows intents/languages (a shorter static prefix). */
const pipeline = (endpoint, cache, scope) => `name: cache-bench
seed: 11
providers:
  claude:
    type: bedrock
    region: us-east-1
    model: ${model}
    endpoint: ${endpoint}
    limits: { rpm: 6000, concurrency: 8 }
    cache: ${cache}
steps:
  generate: { uses: generate/conversations, with: { count: ${count}, provider: claude, batch_size: 5${scope} } }
`;

async function run(cache, scope) {
  // Latency so that requests overlap as they do on Bedrock: the first request with a prefix must go alone.
  const fake = await startFakeBedrock({ seed: 12, latencyMs: 120, latencyJitter: 0.3 });
  const dir = mkdtempSync(join(tmpdir(), 'genesis-cache-bench-'));
  const file = join(dir, 'pipeline.yaml');
  writeFileSync(file, pipeline(fake.url, cache, scope));
  const t0 = performance.now();
  const env = { ...process.env, AWS_ACCESS_KEY_ID: 'fake', AWS_SECRET_ACCESS_KEY: 'fake', AWS_REGION: 'us-east-1' };
  const { stdout } = await promisify(execFile)(process.execPath, [bin, 'run', file, '--json'], { env, maxBuffer: 1 << 26 });
  const seconds = (performance.now() - t0) / 1000;
  const report = JSON.parse(stdout);
  const s = fake.stats();
  await fake.close();
  const lines = readFileSync(join(dir, 'out/cache-bench/generate/conversations.jsonl'), 'utf8').trim().split('\n').length;
  rmSync(dir, { recursive: true, force: true });
  // Priced from what the fake counted, at the catalogue's prices: independent of genesis's own accounting.
  const read = s.cache_read_input_tokens ?? 0;
  const write = s.cache_write_input_tokens ?? 0;
  const inputUsd = (s.input_tokens * price.input_per_1k + read * (price.cache_read_per_1k ?? 0) + write * (price.cache_write_per_1k ?? 0)) / 1000;
  const outputUsd = (s.output_tokens * price.output_per_1k) / 1000;
  return { cache, scope, seconds, lines, requests: s.ok, plain: s.input_tokens, read, write, writes: s.cache_writes ?? 0, hits: s.cache_hits ?? 0, inputUsd, outputUsd, genesisUsd: report.cost?.usd ?? 0 };
}

const scopes = [
  ['all 77 intents, en + es (the default)', ''],
  ['10 intents, en only', ", intents: [card_arrival, card_linking, exchange_rate, top_up_failed, lost_or_stolen_card, declined_card_payment, cash_withdrawal_charge, request_refund, passcode_forgotten, transfer_not_received_by_recipient], languages: { en: 1 }"],
];
console.log(`${count} conversations, batch 5, ${model} (input $${price.input_per_1k}/1k, cache read $${price.cache_read_per_1k}/1k, write $${price.cache_write_per_1k}/1k, min ${price.cache_min_tokens} tokens)`);
console.log('| Step | Caching | Valid | Requests | Input tokens: plain / cache read / cache written | Cache writes / hits | Input cost | Output cost | genesis-accounted total | Time |');
console.log('|---|---|---|---|---|---|---|---|---|---|');
for (const [label, scope] of scopes) {
  const off = await run(false, scope);
  const on = await run(true, scope);
  for (const r of [off, on]) {
    console.log(`| ${label} | ${r.cache ? 'on' : 'off'} | ${r.lines}/${count} | ${r.requests} | ${r.plain.toLocaleString('en-US')} / ${r.read.toLocaleString('en-US')} / ${r.write.toLocaleString('en-US')} | ${r.writes} / ${r.hits} | $${r.inputUsd.toFixed(4)} | $${r.outputUsd.toFixed(4)} | $${r.genesisUsd.toFixed(4)} | ${r.seconds.toFixed(1)} s |`);
  }
  const cut = 1 - on.inputUsd / off.inputUsd;
  console.log(`| ${label} | **input cost ${(cut * 100).toFixed(1)} % lower with caching** (target ≥ 50 %: ${cut >= 0.5 ? 'met' : 'not met'}); total ${((1 - (on.inputUsd + on.outputUsd) / (off.inputUsd + off.outputUsd)) * 100).toFixed(1)} % lower | | | | | | | | |`);
}
