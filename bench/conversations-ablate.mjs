// Generator ablation for issue 14: which spec settings and first-turn components of the offline English generator
// make a classifier trained on synthetic first turns score better on real Banking77 (held-out 20 %, seed 42 only).
// Usage: npx tsc -p tsconfig.json && node bench/conversations-ablate.mjs [path/to/banking77/train.csv]
//          [--only name,name] [--jobs N] [--list]
// Every row is the usefulness bench's setup (10,000 English conversations, seed 42, first customer turn, the same
// TF-IDF + LR) with one thing changed. The held-out split is the one the grammar was tuned on, so every figure here is
// "tuned on held-out seed 42"; the untouched split (seed 2015) is never scored.
//
// Components are removed without hooks in the provider (another engineer owns it): the compiled provider is copied to
// bench/.work/ablate-dist (never committed) and three lines are patched there: the first message's parts are recorded
// and may be dropped after every draw was made (so the other parts are the ones the baseline drew), paraphrase may be
// skipped, and the noise mode may be fixed. A patch that no longer matches the compiled code stops the bench.
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const positional = args.filter((a, i) => !a.startsWith('--') && !['--only', '--jobs'].includes(args[i - 1]));
const trainCsv = resolve(positional[0] ?? join(root, '../shared/datasets/banking77/train.csv'));
const work = join(root, 'bench/.work/ablate');
const copy = join(root, 'bench/.work/ablate-dist');
mkdirSync(work, { recursive: true });

// --- the patched copy of the compiled provider -----------------------------------------------------------------
rmSync(copy, { recursive: true, force: true });
cpSync(join(root, 'dist'), copy, { recursive: true });
const patch = (file, from, to) => {
  const p = join(copy, file);
  const src = readFileSync(p, 'utf8');
  if (src.split(from).length !== 2) throw new Error(`ablate: patch target not found exactly once in ${file}: ${from}`);
  writeFileSync(p, src.replace(from, to));
};
const conv = 'providers/offline/conversations';
patch(`${conv}/index.js`, 'return joinParts(dropRepeatedOpenings([greeting, opener, ask, context, detail, closer], 2));',
  `const __a = globalThis.__ablate ?? {};
        globalThis.__ablateLast = { greeting, opener, ask, context, detail, closer, kind };
        const __parts = { greeting, opener, ask, context, detail, closer };
        for (const k of __a.drop ?? []) __parts[k] = '';
        return joinParts(dropRepeatedOpenings([__parts.greeting, __parts.opener, __parts.ask, __parts.context, __parts.detail, __parts.closer], 2));`);
patch(`${conv}/index.js`, 'fix(paraphrase(text, dialect, rng))', 'fix(globalThis.__ablate?.noParaphrase ? text : paraphrase(text, dialect, rng))');
patch(`${conv}/noise.js`, 'const mode = rng.int(0, 2);', 'const mode = globalThis.__ablate?.noiseMode ?? rng.int(0, 2);');

const { generateConversation } = await import(pathToFileURL(join(copy, conv, 'index.js')).href);
const { messageKind } = await import(pathToFileURL(join(copy, conv, 'acts.js')).href);
const { planConversation } = await import(pathToFileURL(join(copy, 'steps/generate-conversations/plan.js')).href);
const { createRng } = await import(pathToFileURL(join(copy, 'util/rng.js')).href);

// conversations-usefulness.mjs's base, English only (its usefulness run does the same).
const base = {
  count: 10000, intents: 'all', languages: { en: 1 },
  sentiment: { positive: 0.3, neutral: 0.5, negative: 0.2 }, complexity: { simple: 0.3, medium: 0.5, complex: 0.2 },
  turns: { min: 2, max: 8 }, noise: 0.1, provider: 'default', batch_size: 5, few_shot: 2,
};
const KINDS = ['request', 'open', 'yesno', 'problem', 'statement'];

/** First customer turns of n conversations, with the parts the generator drew and the ask's kind. */
function firstTurns(params, ablate, n) {
  globalThis.__ablate = ablate;
  const out = [];
  for (let i = 0; i < n; i++) {
    const c = generateConversation(planConversation(params, 42, i), createRng(42, 'offline-conversation', i));
    out.push({ text: c.turns[0].text, intent: c.intent, ...globalThis.__ablateLast });
  }
  globalThis.__ablate = undefined;
  return out;
}

/** Per intent, the rows whose ask is of each kind in proportion `mix`, topped up from the intent's other rows. */
function byKindMix(rows, mix, n) {
  const byIntent = new Map();
  for (const r of rows) byIntent.set(r.intent, [...(byIntent.get(r.intent) ?? []), r]);
  const per = Math.round(n / byIntent.size);
  const out = [];
  for (const pool of byIntent.values()) {
    const chosen = new Set();
    for (const k of KINDS) for (const r of pool.filter((x) => x.kind === k).slice(0, Math.round(per * (mix[k] ?? 0)))) chosen.add(r);
    for (const r of pool) if (chosen.size < per) chosen.add(r);
    out.push(...chosen);
  }
  return out;
}

// --- the variants ---------------------------------------------------------------------------------------------------
// Filled from the real pool below, before any variant is generated.
const realKinds = Object.fromEntries(KINDS.map((k) => [k, 0]));
const noPunct = (t) => t.replace(/[.?!]+$/u, '');
const askOnly = ['greeting', 'opener', 'context', 'detail', 'closer'];
const V = [
  ['base', 'the usefulness bench (noise 0.1, sentiment 30/50/20, complexity 30/50/20)', {}, {}],
  ['noise-0', 'noise 0', { noise: 0 }, {}],
  ['noise-0.05', 'noise 0.05', { noise: 0.05 }, {}],
  ['noise-0.2', 'noise 0.2', { noise: 0.2 }, {}],
  ['noise-0.4', 'noise 0.4', { noise: 0.4 }, {}],
  ['noise-informal', 'noise 0.1, informal only (no typos)', {}, { noiseMode: 0 }],
  ['noise-typos', 'noise 0.1, typos only (no informal)', {}, { noiseMode: 1 }],
  ['simple', 'complexity all simple', { complexity: { simple: 1 } }, {}],
  ['complex', 'complexity all complex', { complexity: { complex: 1 } }, {}],
  ['neutral', 'sentiment all neutral', { sentiment: { neutral: 1 } }, {}],
  ['negative', 'sentiment all negative', { sentiment: { negative: 1 } }, {}],
  ['positive', 'sentiment all positive', { sentiment: { positive: 1 } }, {}],
  ['no-greeting', 'first turn without greeting', {}, { drop: ['greeting'] }],
  ['no-opener', 'without mood opener', {}, { drop: ['opener'] }],
  ['no-context', 'without context sentence', {}, { drop: ['context'] }],
  ['no-detail', 'without detail sentence', {}, { drop: ['detail'] }],
  ['no-closer', 'without closer', {}, { drop: ['closer'] }],
  ['ask-only', 'ask only (no greeting, opener, context, detail, closer)', {}, { drop: askOnly }],
  ['no-paraphrase', 'without paraphrase', {}, { noParaphrase: true }],
  ['ask-only-no-paraphrase', 'ask only, without paraphrase', {}, { drop: askOnly, noParaphrase: true }],
  ['no-final-punct', 'final . ? ! stripped from every first turn', {}, {}, { post: noPunct }],
  ['kinds-real', 'ask kinds resampled to the real pool\'s mix (from 30,000)', {}, {}, { kinds: realKinds }],
  ['kinds-uniform', 'ask kinds resampled to 1/5 each (from 30,000)', {}, {}, { kinds: Object.fromEntries(KINDS.map((k) => [k, 0.2])) }],
  ['count-30k', 'count 30,000', { count: 30000 }, {}],
].map(([name, what, params, ablate, extra = {}]) => ({ name, what, params: { ...base, ...params }, ablate, ...extra }));

if (args.includes('--list')) { for (const v of V) console.log(`${v.name}\t${v.what}`); process.exit(0); }
// --- the real pool's shape (60 % of train.csv in neither test split) ------------------------------------------------
const python = process.env.PYTHON ?? (existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3');
const helper = join(root, 'bench/conversations-ablate.py');
const run = (argv, onLine) => new Promise((ok, fail) => {
  const p = spawn(python, [helper, ...argv], { stdio: ['ignore', 'pipe', 'inherit'] });
  let buf = '';
  p.stdout.on('data', (d) => { buf += d; let i; while ((i = buf.indexOf('\n')) >= 0) { onLine(buf.slice(0, i)); buf = buf.slice(i + 1); } });
  p.on('close', (code) => (code === 0 ? ok() : fail(new Error(`ablate: python helper exited ${code} (needs python3-sklearn)`))));
});
if (!existsSync(trainCsv)) { console.log(`ablate: skipped (${trainCsv} not found)`); process.exit(0); }
await run([trainCsv, '--pool', join(work, 'pool.csv')], () => {});
const parseCsv = (s) => {
  const rows = []; let row = [], f = '', q = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (q) { if (ch === '"' && s[i + 1] === '"') { f += '"'; i++; } else if (ch === '"') q = false; else f += ch; }
    else if (ch === '"') q = true; else if (ch === ',') { row.push(f); f = ''; } else if (ch === '\n') { row.push(f.replace(/\r$/, '')); rows.push(row); row = []; f = ''; } else f += ch;
  }
  return rows.slice(1);
};
const pool = parseCsv(readFileSync(join(work, 'pool.csv'), 'utf8')).map(([text]) => text);
for (const t of pool) realKinds[messageKind(t, 'en')]++;
for (const k of KINDS) realKinds[k] /= pool.length;

const only = opt('--only')?.split(',');
const chosen = only ? V.filter((v) => only.includes(v.name)) : V;

const words = (t) => t.split(/\s+/u).filter(Boolean).length;
const shape = (texts) => ({
  words: texts.reduce((s, t) => s + words(t), 0) / texts.length,
  q: texts.filter((t) => /\?\s*$/u.test(t)).length / texts.length,
  lower: texts.filter((t) => /^\p{Ll}/u.test(t)).length / texts.length,
  sentences: texts.reduce((s, t) => s + (t.match(/[.?!]+(?=\s|$)/gu)?.length || 1), 0) / texts.length,
});
const csvField = (s) => `"${s.replace(/"/g, '""')}"`;
const rows = new Map();
for (const v of chosen) {
  const n = v.params.count;
  let r = v.kinds ? byKindMix(firstTurns(v.params, v.ablate, 3 * n), v.kinds, n) : firstTurns(v.params, v.ablate, n);
  if (v.post) r = r.map((x) => ({ ...x, text: v.post(x.text) }));
  const kinds = Object.fromEntries(KINDS.map((k) => [k, r.filter((x) => x.kind === k).length / r.length]));
  rows.set(v.name, { v, shape: shape(r.map((x) => x.text)), kinds });
  writeFileSync(join(work, `${v.name}.csv`), 'text,category\n' + r.map((x) => `${csvField(x.text)},${csvField(x.intent)}`).join('\n') + '\n');
}

const pct = (x) => `${Math.round(100 * x)} %`;
const kindCell = (k) => KINDS.map((x) => Math.round(100 * k[x])).join('/');
const rs = shape(pool);
console.log(`real pool (60 % of train.csv in neither test split, n=${pool.length}): ${rs.words.toFixed(1)} words, ${rs.sentences.toFixed(2)} sentences, ${pct(rs.q)} end in ?, ${pct(rs.lower)} start lowercase; kinds request/open/yesno/problem/statement ${kindCell(realKinds)} %`);
console.log('\nheld-out 20 % of Banking77 train.csv (seed 42, n = 2,001): **tuned on held-out seed 42**');
console.log('| variant | what changes | n | words | sentences | ends ? | lowercase | kinds req/open/yn/prob/stmt % | accuracy | macro F1 | Δ acc vs base |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
let baseAcc;
await run([trainCsv, '--jobs', opt('--jobs') ?? '1', ...chosen.map((v) => `${v.name}=${join(work, `${v.name}.csv`)}`)], (line) => {
  const [tag, name, n, acc, f1] = line.split('\t');
  if (tag !== 'ablate') return;
  const { v, shape: s, kinds } = rows.get(name);
  if (name === 'base') baseAcc = Number(acc);
  const delta = baseAcc === undefined ? '' : `${Number(acc) - baseAcc >= 0 ? '+' : ''}${(Number(acc) - baseAcc).toFixed(3)}`;
  console.log(`| ${name} | ${v.what} | ${n} | ${s.words.toFixed(1)} | ${s.sentences.toFixed(2)} | ${pct(s.q)} | ${pct(s.lower)} | ${kindCell(kinds)} | ${Number(acc).toFixed(3)} | ${Number(f1).toFixed(3)} | ${delta} |`);
});
