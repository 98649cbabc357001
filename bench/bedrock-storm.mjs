// Bench: 300 conversations in batches of 5 at a 600 RPM quota against the fake Bedrock behaving like the real one —
// ids renumbered, then a storm — versus the same job fault-free, with the controller's rate and concurrency over time.
// Build first: npx tsc -p tsconfig.json ; then: node bench/bedrock-storm.mjs [--seed 7] [--latency-ms 15000] [--items 300]
import { CountingStore, createBedrockProvider, keyed, MODEL, parseConversationItem, renderConversationBatch, runLlmItems, specs, startFakeBedrock } from './bedrock-harness.mjs';

const arg = (n, d) => (process.argv.includes(`--${n}`) ? Number(process.argv[process.argv.indexOf(`--${n}`) + 1]) : d);
// Claude writing 5 conversations takes ~15 s; ±30 % per reply so the p95 the timeout follows means something.
const LATENCY = arg('latency-ms', 15_000);
const N = arg('items', 300);
const BATCH = 5;
const RPM = 600;
// The fake's seed decides which requests fail how: seed 7 is the one this bench was developed against.
const SEED = arg('seed', 7);

async function scenario(name, fakeOpts) {
  const fake = await startFakeBedrock({ seed: SEED, rpm: RPM, latencyMs: LATENCY, latencyJitter: 0.3, ...fakeOpts });
  // Defaults only (timeout 3 × p95 within 10–120 s, concurrency from rate × latency): nothing tuned for the bench.
  const provider = createBedrockProvider({ name, type: 'bedrock', options: { model: MODEL, region: 'us-east-1', endpoint: fake.url, limits: { rpm: RPM } } });
  const store = new CountingStore();
  const t0 = performance.now();
  const samples = [];
  const timer = setInterval(() => {
    const p = provider.stats();
    const f = fake.stats();
    samples.push({ t: (performance.now() - t0) / 1000, paid: f.paid_replies, attempts: f.requests, rpm: p.rpm, concurrency: p.concurrency, inFlight: p.inFlight, timeoutMs: p.timeoutMs, done: store.done() });
  }, 1000);
  const r = await runLlmItems({ items: keyed(specs(N, 9)), provider, store, batchSize: BATCH, render: (s) => renderConversationBatch(s, { fewShot: 2 }), parse: parseConversationItem, signal: new AbortController().signal, maxItemAttempts: 4 });
  clearInterval(timer);
  const seconds = (performance.now() - t0) / 1000;
  const fs = fake.stats();
  const ps = provider.stats();
  await provider.close();
  await fake.close();
  return { name, seconds, r, fs, ps, done: store.done(), duplicates: store.duplicates(), storedUsd: store.usd, storedRequests: store.requests, samples };
}

function table(s) {
  const rows = ['| t (s) | paid replies | attempts | quota (requests) | controller rate (RPM) | concurrency | in flight | timeout (s) | items done |', '|---|---|---|---|---|---|---|---|---|'];
  let prev = { paid: 0, attempts: 0 };
  for (const x of s.samples.filter((_, i) => (i + 1) % 10 === 0).concat(s.samples.at(-1) ?? [])) {
    rows.push(`| ${x.t.toFixed(0)} | ${x.paid - prev.paid} | ${x.attempts - prev.attempts} | ${RPM / 6} per 10 s | ${x.rpm} | ${x.concurrency} | ${x.inFlight} | ${(x.timeoutMs / 1000).toFixed(1)} | ${x.done} |`);
    prev = x;
  }
  return rows.join('\n');
}

const line = (s) => `${s.name}: ${s.done}/${N} valid, ${s.r.failed} failed, ${s.duplicates} stored twice; ${s.seconds.toFixed(1)} s; paid replies ${s.fs.paid_replies} (ideal ${N / BATCH}; ${s.r.wastedReplies} kept no item), attempts ${s.fs.requests}; ` +
  `provider: ${s.ps.throttles} throttles, ${s.ps.errors} errors (${s.ps.timeouts} timeouts), final rate ${s.ps.rpm} RPM, concurrency ${s.ps.concurrency}; stored cost $${s.storedUsd.toFixed(4)} of $${s.ps.usd} paid, ${s.storedRequests} of ${s.ps.successes} replies accounted; fake ${JSON.stringify(s.fs)}`;

const clean = await scenario('fault-free', { ids: 'echo', prose: 0 });
console.log(`fake seed ${SEED}, latency ${LATENCY} ms ±30 %, ${N} items, batch ${BATCH}, quota ${RPM} RPM`);
console.log(line(clean));
const renumbered = await scenario('ids renumbered', { ids: 'renumber' });
console.log(line(renumbered));
const storm = await scenario('storm', {
  faults: { '429': 0.3, '500': 0.05, '503': 0.02, timeout: 0.01, reset: 0.01, malformed: 0.02, truncate: 0.02 },
  timeoutDelayMs: 120_000,
  reorder: 0.05,
  fewer: 0.02,
});
console.log(line(storm));
const ratio = storm.seconds / clean.seconds;
console.log(`storm/fault-free time ${ratio.toFixed(2)}× (target ≤ 4×: ${ratio <= 4 ? 'OK' : 'OVER'}); storm paid replies ${storm.fs.paid_replies} vs 1.5 × ${N / BATCH} = ${1.5 * N / BATCH} (${storm.fs.paid_replies <= 1.5 * N / BATCH ? 'OK' : 'OVER'})`);
console.log(`\nstorm, per 10 s:\n${table(storm)}\n\nfault-free, per 10 s:\n${table(clean)}`);
