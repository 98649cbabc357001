// Bench for the LLM judge of filter/conversations against the fake Bedrock (real SDK, untidy answers): cost per
// 1,000 conversations judged by batch size, and what an interrupted-then-resumed run pays against an uninterrupted one.
// Usage: npx tsc -p tsconfig.json && node scripts/build-validators.mjs && node bench/filter-judge.mjs [count=1000]
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { root, tempPipeline } from './lib/genesis-run.mjs';

const { startFakeBedrock } = await import(join(root, 'dist/test/fakes/fake-bedrock.js'));
const count = Number(process.argv[2] ?? 1000);
const env = { ...process.env, AWS_ACCESS_KEY_ID: 'fake', AWS_SECRET_ACCESS_KEY: 'fake', AWS_REGION: 'us-east-1', NO_COLOR: '1' };

const pipeline = (endpoint, batch, budget) => `name: b
seed: 42
providers:
  claude:
    type: bedrock
    region: us-east-1
    model: us.anthropic.claude-3-5-sonnet-20241022-v2:0
    endpoint: ${endpoint}
    limits: { rpm: 60000, tpm: 500000000, concurrency: 8 }
    budget: { usd: ${budget} }
steps:
  generate:
    uses: generate/conversations
    with: { count: ${count}, languages: { en: 0.5, es: 0.5 } }
  filter:
    uses: filter/conversations
    needs: [generate]
    with: { judge: { provider: claude, threshold: 0.7, batch_size: ${batch} } }
`;

function run(file) {
  return new Promise((res) => {
    const child = spawn(process.execPath, [join(root, 'bin/genesis.js'), 'run', file, '--json'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('close', (code) => res({ code, report: JSON.parse(out) }));
  });
}

const rows = [];
for (const batch of [5, 10, 20]) {
  const fake = await startFakeBedrock({ seed: 7 });
  const { dir, file } = tempPipeline('genesis-bench-judge-', pipeline(fake.url, batch, 1000));
  const { code, report } = await run(file);
  if (code !== 0) throw new Error(`run failed (${code})`);
  const f = JSON.parse(readFileSync(join(dir, 'out/b/filter/filter.json'), 'utf8'));
  const s = fake.stats();
  const judged = f.judge.judged;
  const per = (x) => (x * 1000) / judged;
  rows.push(`| ${batch} | ${judged} | ${per(report.cost.usd).toFixed(3)} | ${per(s.paid_replies).toFixed(0)} | ${per(s.input_tokens + s.output_tokens).toFixed(0)} | ${(s.paid_replies - Math.ceil(judged / batch))} | ${f.rules.judge.removed} |`);
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
}
console.log('| batch_size | conversations judged | USD per 1,000 | requests per 1,000 | tokens per 1,000 | re-ask requests | dropped by the judge |');
console.log('| --- | --- | --- | --- | --- | --- | --- |');
for (const r of rows) console.log(r);

// Interrupted by a budget then resumed, against one uninterrupted run (same fake seed, batch 10).
const paid = {};
for (const mode of ['straight', 'interrupted']) {
  const fake = await startFakeBedrock({ seed: 7 });
  const { dir, file } = tempPipeline('genesis-bench-judge-', pipeline(fake.url, 10, mode === 'interrupted' ? 0.5 : 1000));
  let stops = 0;
  if (mode === 'interrupted') {
    const first = await run(file);
    if (first.code !== 75) throw new Error(`expected a budget stop, got ${first.code}`);
    stops++;
  }
  writeFileSync(file, pipeline(fake.url, 10, 1000));
  const { code } = await run(file);
  if (code !== 0) throw new Error(`run failed (${code})`);
  const asked = Object.values(fake.itemRequests());
  paid[mode] = { requests: fake.stats().paid_replies, records: asked.length, askedTwice: asked.filter((n) => n > 1).length, stops };
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
}
console.log(`\nuninterrupted: ${paid.straight.requests} paid requests; budget-stopped ($0.50) then resumed: ${paid.interrupted.requests} paid requests in total`);
console.log(`records asked more than once: ${paid.straight.askedTwice} (uninterrupted), ${paid.interrupted.askedTwice} (interrupted + resumed; re-asks of skipped records only)`);
