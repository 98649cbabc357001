// Bench: the Bedrock provider + batch runner against the fake server (real SDK, HTTP/2 on loopback).
// Build first: npx tsc -p tsconfig.json ; then: node bench/bedrock-throughput.mjs [throughput|faults|seed|all] [--minutes M]
import { CountingStore, createBedrockProvider, keyed, MODEL, parseConversationItem, renderConversationBatch, runLlmItems, specs, startFakeBedrock } from './bedrock-harness.mjs';

const which = process.argv[2] ?? 'all';
const minutes = Number(process.argv[process.argv.indexOf('--minutes') + 1] || 1);

async function scenario({ name, fakeOpts, limits, n, batchSize, extra = {} }) {
  const fake = await startFakeBedrock({ seed: 5, ...fakeOpts });
  const provider = createBedrockProvider({ name: 'bench', type: 'bedrock', options: { model: MODEL, region: 'us-east-1', endpoint: fake.url, limits, timeout_ms: 3000, max_retries: 10, ...extra } });
  const store = new CountingStore();
  const list = specs(n, name.length);
  const t0 = performance.now();
  const r = await runLlmItems({ items: keyed(list), provider, store, batchSize, render: (s) => renderConversationBatch(s, { fewShot: 2 }), parse: parseConversationItem, signal: new AbortController().signal, maxItemAttempts: 3 });
  const seconds = (performance.now() - t0) / 1000;
  const fs = fake.stats();
  const ps = provider.stats();
  await provider.close();
  await fake.close();
  const answered = Object.values(fake.itemRequests());
  return { name, n, batchSize, seconds, r, fs, ps, done: store.done(), failures: store.failures(), duplicates: store.duplicates(), itemsAskedTwice: answered.filter((x) => x > 1).length };
}

const rows = [];
if (which === 'throughput' || which === 'all') {
  // 600 RPM quota (sliding 60 s window) and the provider told the same; one item per request.
  const n = Math.round(600 * minutes);
  const s = await scenario({ name: 'throughput', fakeOpts: { rpm: 600, latencyMs: 150 }, limits: { rpm: 600, concurrency: 8 }, n, batchSize: 1 });
  const rpm = s.fs.ok / (s.seconds / 60);
  rows.push(s);
  console.log(`throughput: ${s.fs.ok} requests in ${s.seconds.toFixed(1)} s = ${rpm.toFixed(1)} RPM = ${((rpm / 600) * 100).toFixed(1)} % of the 600 RPM quota; ` +
    `done ${s.done}/${n}, lost ${n - s.done}, duplicates ${s.duplicates}, quota 429s ${s.fs.throttled_quota ?? 0}, provider throttles ${s.ps.throttles}`);
}
if (which === 'mismatch' || which === 'all') {
  // The user overstates the quota tenfold (limits.rpm 6000, account 600 RPM): the AIMD limiter must find it.
  const n = Math.round(600 * minutes);
  const s = await scenario({ name: 'mismatch', fakeOpts: { rpm: 600, latencyMs: 150 }, limits: { rpm: 6000, concurrency: 8 }, n, batchSize: 1 });
  const rpm = s.fs.ok / (s.seconds / 60);
  rows.push(s);
  console.log(`mismatch: ${s.fs.ok} requests in ${s.seconds.toFixed(1)} s = ${rpm.toFixed(1)} RPM = ${((rpm / 600) * 100).toFixed(1)} % of the real 600 RPM quota; ` +
    `done ${s.done}/${n}, lost ${n - s.done}, duplicates ${s.duplicates}, 429s ${s.fs.throttled_quota ?? 0} (${((100 * (s.fs.throttled_quota ?? 0)) / s.ps.requests).toFixed(1)} % of attempts); final working rate ${s.ps.rpm} RPM`);
}
if (which === 'faults' || which === 'all') {
  const faults = { '429': 0.3, '500': 0.025, '503': 0.025, timeout: 0.02, malformed: 0.02, truncate: 0.01 };
  const s = await scenario({ name: 'faults', fakeOpts: { rpm: 6000, faults, timeoutDelayMs: 10_000, latencyMs: 20 }, limits: { rpm: 6000, concurrency: 8 }, n: 500, batchSize: 5, extra: { timeout_ms: 1000 } });
  const needed = Math.ceil(500 / 5);
  const bound = 1.05 * needed + s.r.retriedInvalid;
  rows.push(s);
  console.log(`faults: ${s.done}/500 valid, failed ${s.r.failed}${s.failures.length ? ` (${s.failures.join(' | ')})` : ''}, duplicates ${s.duplicates}, items answered twice ${s.itemsAskedTwice}; ` +
    `successful generation requests ${s.fs.ok} (needed ${needed}, invalid retries ${s.r.retriedInvalid}, bound ${bound.toFixed(1)}: ${s.fs.ok <= bound ? 'OK' : 'OVER'}); ` +
    `attempts ${s.ps.requests}: throttles ${s.ps.throttles}, errors ${s.ps.errors}, retries ${s.ps.retries}; ${s.seconds.toFixed(1)} s; fake ${JSON.stringify(s.fs)}`);
}
if (which === 'seed' || which === 'all') {
  // The origin log: 100 conversations, 50 RPM quota, 51.5 min with a fixed 5 s sleep and half lost to 429s.
  // Model latency 3 s per batch request (Claude writes 5 conversations in roughly that order of time... or more).
  for (const batchSize of [5, 1]) {
    const scale = batchSize === 1 ? 10 : 1; // batch 1 at 50 RPM is 2 real minutes: run it 10x faster and scale back
    const s = await scenario({ name: `seed-b${batchSize}`, fakeOpts: { rpm: 50 * scale, latencyMs: 3000 / scale }, limits: { rpm: 50 * scale, concurrency: 8 }, n: 100, batchSize, extra: { timeout_ms: 60_000 } });
    const minutesAtQuota = (s.seconds * scale) / 60;
    rows.push(s);
    console.log(`seed batch ${batchSize}: 100 conversations, ${s.fs.ok} requests, ${minutesAtQuota.toFixed(2)} min at 50 RPM${scale > 1 ? ` (run at ${50 * scale} RPM, ${s.seconds.toFixed(1)} s, scaled ×${scale})` : ''}; ` +
      `done ${s.done}, lost ${100 - s.done}, 429s ${s.fs.throttled_quota ?? 0}; origin: 51.5 min`);
  }
}
