// Bench: near-duplicate clustering on template-heavy texts (every text shares a 50-word prefix with a fifth of the
// others; 1 in 10 has a near-copy, Jaccard 0.97), where LSH buckets are largest. Usage (after `npx tsc`):
//   node bench/quality-near-duplicates.mjs [texts=100000] [path/to/minhash.js]   (a second path compares another build)
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { hashString } = await import(resolve(root, 'dist/metrics/hash32.js'));
const { createRng } = await import(resolve(root, 'dist/util/rng.js'));
const N = Number(process.argv[2] ?? 100000);
const mod = await import(resolve(process.argv[3] ?? resolve(root, 'dist/metrics/minhash.js')));
const rng = createRng(1, 'perf');
const vocab = Array.from({ length: 5000 }, (_, i) => hashString(`w${i}`));
const templates = Array.from({ length: 5 }, () => Array.from({ length: 50 }, () => vocab[rng.int(0, 4999)]));
const idx = new mod.NearDuplicateIndex(0.9);
let copies = 0;
for (let d = 0; d < N; d++) {
  const t = Uint32Array.from([...templates[d % 5], ...Array.from({ length: 10 }, () => vocab[rng.int(0, 4999)])]);
  idx.add(t, t.length);
  if (d % 10 === 0) {
    const c = Uint32Array.from(t);
    c[59] = vocab[rng.int(0, 4999)];
    idx.add(c, c.length);
    copies++;
  }
}
const t0 = performance.now();
const r = idx.result();
console.log(JSON.stringify({ ...r, planted_near_copies: copies, result_seconds: +((performance.now() - t0) / 1000).toFixed(2) }));
