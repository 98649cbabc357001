// Bench: which train/intent-classifier settings make synthetic-only training transfer to real Banking77 (issue 14).
// Usage: npx tsc -p tsconfig.json && node bench/conversations-train-options.mjs [banking77/train.csv] [--runs a,b,...] [--count N]
// Held-out only: it writes the splits with bench/conversations-splits.py, deletes the untouched split (seed 2015)
// unread, and scores every run on the held-out 20 % (seed 42) only — the split the grammar and these options were
// tuned on. Conversations come from a real `genesis run` (generate/conversations, en, noise 0.1, seed 42, cached in
// bench/.work); each run trains genesis's own classifier (ml/text-classifier.ts) through the step's own text code.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { trainTextClassifier, predict, predictProba, evaluate } from '../dist/ml/text-classifier.js';
import { conversationText } from '../dist/steps/train-intent-classifier/examples.js';
import { readRecords } from '../dist/util/tabular.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, dflt) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);
const trainCsv = resolve(args[0] && !args[0].startsWith('--') ? args[0] : join(root, '../shared/datasets/banking77/train.csv'));
if (!existsSync(trainCsv)) { console.log(`train options: skipped (${trainCsv} not found)`); process.exit(0); }
const maxCount = Number(opt('--count', '100000'));
const work = join(root, 'bench/.work/train-options');
mkdirSync(work, { recursive: true });

// Splits: the untouched file is removed before anything reads it.
const python = process.env.PYTHON ?? (existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3');
const sp = spawnSync(python, [join(root, 'bench/conversations-splits.py'), trainCsv, work, '10'], { encoding: 'utf8' });
if (sp.status !== 0) { console.log(`splits failed (needs python3-sklearn)\n${sp.stderr}`); process.exit(1); }
rmSync(join(work, 'untouched.csv'), { force: true });
const held = (await readRecords(join(work, 'heldout.csv'))).map((r) => ({ text: String(r.text), label: String(r.category) }));

// Conversations through the CLI (the content-hash cache makes a second bench run reuse them).
const yaml = `name: train-options\nseed: 42\nsteps:\n  generate:\n    uses: generate/conversations\n    with: { count: ${maxCount}, languages: { en: 1 }, noise: 0.1 }\n`;
writeFileSync(join(work, 'pipeline.yaml'), yaml);
const gen = spawnSync(process.execPath, [join(root, 'bin/genesis.js'), 'run', 'pipeline.yaml'], { cwd: work, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
if (gen.status !== 0) { console.log(gen.stdout + gen.stderr); process.exit(1); }
const convs = readFileSync(join(work, 'out/train-options/generate/conversations.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
console.log(`conversations: ${convs.length.toLocaleString('en-US')} (generate/conversations, en, noise 0.1, seed 42); held-out 20 % (seed 42): ${held.length}`);

// A run: how many conversations, which text, which trainer options. The first 10k/30k of the 100k are balanced prefixes.
const first = { n: 10000, text_from: 'first_customer_turn' };
const RUNS = {
  base: first,
  customer_turns: { n: 10000, text_from: 'customer_turns' },
  C1: { ...first, train: { C: 1 } },
  C3: { ...first, train: { C: 3 } },
  C30: { ...first, train: { C: 30 } },
  request: { ...first, request: true },
  char_only: { ...first, train: { tfidf: { word_ngrams: null } } },
  word_only: { ...first, train: { tfidf: { char_ngrams: null } } },
  char_1_4: { ...first, train: { tfidf: { char_ngrams: [1, 4] } } },
  char_3_6: { ...first, train: { tfidf: { char_ngrams: [3, 6] } } },
  min_df2: { ...first, train: { tfidf: { min_df: 2 } } },
  min_df3: { ...first, train: { tfidf: { min_df: 3 } } },
  no_sublinear: { ...first, train: { tfidf: { sublinear_tf: false } } },
};
// Cross-fitted self-filter: a classifier on one half scores the other; drop what it ranks outside its top k.
RUNS.selfcheck_top1 = { ...first, selfcheck: 1 };
RUNS.selfcheck_top3 = { ...first, selfcheck: 3 };
for (const [k, v] of Object.entries({ ...RUNS })) {
  RUNS[`${k}@30k`] = { ...v, n: 30000 };
  RUNS[`${k}@100k`] = { ...v, n: 100000 };
  RUNS[`${k}+request`] = { ...v, request: true };
  RUNS[`${k}+request@30k`] = { ...v, request: true, n: 30000 };
}

/** Sentences of a text (split after . ! ? and before the next word). */
const sentences = (t) => t.split(/(?<=[.!?])\s+/u).filter((s) => s.trim() !== '');
const norm = (s) => s.toLowerCase().replace(/[^\p{L}\p{N}' ]+/gu, ' ').replace(/\s+/g, ' ').trim();
/** The first customer turn without sentences that recur under >= minIntents intents (greetings, pleasantries). */
function requestTexts(texts, labels, minIntents = 3) {
  const seen = new Map();
  texts.forEach((t, i) => { for (const s of sentences(t)) { const k = norm(s); let set = seen.get(k); if (!set) seen.set(k, (set = new Set())); set.add(labels[i]); } });
  return texts.map((t) => { const keep = sentences(t).filter((s) => (seen.get(norm(s))?.size ?? 0) < minIntents); return keep.length ? keep.join(' ') : t; });
}
const chosen = (opt('--runs', Object.keys(RUNS).join(','))).split(',');

for (const name of chosen) {
  const run = RUNS[name];
  if (!run) { console.log(`unknown run ${name}`); continue; }
  const t0 = Date.now();
  const rows = convs.slice(0, run.n);
  let labels = rows.map((c) => c.intent);
  let texts = rows.map((c) => conversationText(c, run.text_from));
  if (run.request) {
    const before = texts.join('').length;
    texts = requestTexts(texts, labels);
    if (name === chosen[0] || args.includes('--show')) console.log(`request text: ${(100 * texts.join('').length / before).toFixed(0)} % of the characters kept; e.g. ${JSON.stringify(texts.slice(0, 6))}`);
  }
  if (run.selfcheck) {
    const keep = await selfCheck(texts, labels, run.selfcheck, run.train ?? {});
    texts = texts.filter((_, i) => keep[i]);
    labels = labels.filter((_, i) => keep[i]);
    console.log(`selfcheck top ${run.selfcheck}: kept ${texts.length} of ${rows.length}`);
  }
  const model = await trainTextClassifier(texts, labels, { seed: 42, ...(run.train ?? {}) });
  const e = evaluate(held.map((h) => h.label), predict(model, held.map((h) => h.text)));
  const s = ((Date.now() - t0) / 1000).toFixed(0);
  console.log(`${name.padEnd(28)} n=${String(run.n).padStart(6)} held-out acc ${e.accuracy.toFixed(3)} F1 ${e.macro_f1.toFixed(3)}  (${model.training.features} features, ${model.training.iterations} it, ${s} s)`);
}

/** Two folds (even / odd rows): each half is ranked by a classifier trained on the other half. */
async function selfCheck(texts, labels, topK, train) {
  const keep = new Array(texts.length).fill(true);
  for (const fold of [0, 1]) {
    const fit = texts.map((_, i) => i).filter((i) => i % 2 !== fold);
    const score = texts.map((_, i) => i).filter((i) => i % 2 === fold);
    const m = await trainTextClassifier(fit.map((i) => texts[i]), fit.map((i) => labels[i]), { seed: 42, ...train });
    const ranked = predictProba(m, score.map((i) => texts[i]), topK);
    score.forEach((i, j) => { if (!ranked[j].some((r) => r.label === labels[i])) keep[i] = false; });
  }
  return keep;
}
