// Bench for the offline conversation generator: speed, usefulness on real Banking77, diversity.
// Usage: npx tsc -p tsconfig.json && node bench/conversations-usefulness.mjs [path/to/banking77/train.csv] [--filter-seed N] [--real] [--held-out-only] [--count N]
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { planConversation } from '../dist/steps/generate-conversations/plan.js';
import { generateConversation } from '../dist/providers/offline/conversations/index.js';
import { createRng } from '../dist/util/rng.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const trainCsv = resolve(process.argv[2] ?? join(root, '../shared/datasets/banking77/train.csv'));
const work = join(root, 'bench/.work');
mkdirSync(work, { recursive: true });

const base = {
  count: 10000, intents: 'all', languages: { en: 0.5, es: 0.5 },
  sentiment: { positive: 0.3, neutral: 0.5, negative: 0.2 }, complexity: { simple: 0.3, medium: 0.5, complex: 0.2 },
  turns: { min: 2, max: 8 }, noise: 0.1, provider: 'default', batch_size: 5, few_shot: 2,
};
const gen = (params, seed, n) => {
  const out = [];
  for (let i = 0; i < n; i++) out.push(generateConversation(planConversation(params, seed, i), createRng(seed, 'offline-conversation', i)));
  return out;
};

// (a) speed: warm the grammar once, then time 10,000 mixed-language conversations.
gen(base, 1, 10);
const t0 = process.hrtime.bigint();
const speedSet = gen(base, 42, 10000);
const ms = Number(process.hrtime.bigint() - t0) / 1e6;
console.log(`speed: 10000 conversations in ${ms.toFixed(0)} ms (${((ms * 1000) / 10000).toFixed(1)} µs/conversation), ${speedSet.reduce((s, c) => s + c.turn_count, 0)} turns`);

// (c) diversity on 2,000 conversations: corpus distinct-2 of customer turns and near-duplicates.
const div = speedSet.slice(0, 2000);
const tokens = (s) => s.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? [];
let total = 0;
const uniq = new Set();
for (const c of div) for (const t of c.turns) if (t.speaker === 'customer') {
  const w = tokens(t.text);
  for (let i = 0; i + 1 < w.length; i++) { uniq.add(`${w[i]} ${w[i + 1]}`); total++; }
}
const distinct2 = uniq.size / total;
const shingles = div.map((c) => {
  const w = tokens(c.turns.map((t) => t.text).join(' '));
  const s = new Set();
  for (let i = 0; i + 2 < w.length; i++) s.add(`${w[i]} ${w[i + 1]} ${w[i + 2]}`);
  return s;
});
let nearDup = 0;
const exact = new Set(div.map((c) => JSON.stringify(c.turns))).size;
for (let i = 0; i < shingles.length; i++) {
  for (let j = i + 1; j < shingles.length; j++) {
    if (div[i].intent !== div[j].intent || div[i].language !== div[j].language) continue; // different intent/language cannot reach 0.9
    const a = shingles[i], b = shingles[j];
    let inter = 0;
    for (const x of a) if (b.has(x)) inter++;
    if (inter / (a.size + b.size - inter) >= 0.9) { nearDup++; break; }
  }
}
console.log(`diversity (2000 conversations): distinct-2 customer turns ${distinct2.toFixed(3)}, near-duplicate conversations (3-shingle Jaccard ≥ 0.9) ${((100 * nearDup) / div.length).toFixed(2)}%, distinct conversations ${exact}/2000`);

// (b) usefulness: 10,000 English first customer turns → TF-IDF + LR → held-out real Banking77 split.
// --count N trains on N English conversations instead of 10,000 (issue 14 fixes no count; issue 15 compares at 10,000).
const count = process.argv.includes('--count') ? Number(process.argv[process.argv.indexOf('--count') + 1]) : 10000;
const en = gen({ ...base, languages: { en: 1 } }, 42, count);
const csvField = (s) => `"${s.replace(/"/g, '""')}"`;
writeFileSync(join(work, 'synthetic_en.csv'), 'text,category\n' + en.map((c) => `${csvField(c.turns[0].text)},${csvField(c.intent)}`).join('\n') + '\n');
if (!existsSync(trainCsv)) {
  console.log(`usefulness: skipped (${trainCsv} not found)`);
} else {
  const r = spawnSync(process.env.PYTHON ?? (existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3'), [join(root, 'bench/conversations-usefulness.py'), join(work, 'synthetic_en.csv'), trainCsv, ...process.argv.slice(3)], { stdio: 'inherit' });
  if (r.status !== 0) console.log('usefulness: python helper failed (needs python3-sklearn)');
}
