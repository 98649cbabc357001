// Checks that no expansion of any grammar template (data/grammar/*.json) equals a Banking77 sentence word for word (project rule 5).
// Usage: npx tsc -p tsconfig.json && node bench/conversations-verbatim.mjs path/to/banking77/train.csv [--quiet] [--no-paraphrase]
// Exit 1 when any template can write a Banking77 sentence, 0 when none can, 2 on bad usage.
import { readFileSync, readdirSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join, resolve, dirname } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { compileTemplate, templateVariants } from '../dist/providers/offline/conversations/template.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const grammarDir = join(root, 'data/grammar');
const trainCsv = process.argv[2];
const quiet = process.argv.includes('--quiet');
if (!trainCsv || !existsSync(trainCsv)) {
  console.error(`usage: node bench/conversations-verbatim.mjs path/to/banking77/train.csv${trainCsv ? ` (${trainCsv} not found)` : ''}`);
  process.exit(2);
}
const t0 = process.hrtime.bigint();

// The comparison both sides go through: case, spacing and the final ?.! never make two sentences different.
const norm = (s) => s.toLowerCase().replace(/\s+/g, ' ').trim().replace(/[\s?.!]+$/u, '').trim();

const readCsv = (path) => parse(readFileSync(path, 'utf8'), { columns: true, skip_empty_lines: true });
const real = readCsv(trainCsv);
const byNorm = new Map(); // normalised text → first original row
for (const r of real) if (!byNorm.has(norm(r.text))) byNorm.set(norm(r.text), r);
// The generator rewords every customer turn with paraphrase.ts's synonym sets (rate 0.75 per phrase), so a template
// also writes each sentence one swap away: "Where am I able to use my card?" comes out "Where can I use my card?".
// The sets are symmetric, so swapping within the Banking77 sentence finds every template that can reach it.
// --no-paraphrase compares the templates' own expansions only.
const viaParaphrase = new Map(); // variant → the Banking77 sentence it was derived from
if (!process.argv.includes('--no-paraphrase')) {
  const src = JSON.parse(readFileSync(join(grammarDir, 'paraphrase/sets.json'), 'utf8'));
  const sets = [...(src.en ?? []), ...(src['en-US'] ?? []), ...(src['en-GB'] ?? [])].map((members) => {
    const lower = members.map((m) => norm(m));
    const alts = [...lower].sort((a, b) => b.length - a.length).map((m) => m.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    return { lower, re: new RegExp(`(?<![\\p{L}\\p{N}'])(?:${alts.join('|')})(?![\\p{L}\\p{N}'])`, 'gu') };
  });
  for (const t of [...byNorm.keys()]) {
    let variants = [t];
    for (const set of sets) {
      const hay = variants.length === 1 ? t : variants.join('\n');
      if (!set.lower.some((m) => hay.includes(m))) continue;
      const next = new Set(variants);
      for (const v of variants) for (const m of set.lower) next.add(v.replace(set.re, m));
      variants = [...next].slice(0, 256); // a sentence matching many sets: its first 256 rewordings are enough
    }
    for (const v of variants) if (!byNorm.has(v) && !viaParaphrase.has(v)) viaParaphrase.set(v, t);
  }
  for (const [v, t] of viaParaphrase) byNorm.set(v, byNorm.get(t));
}
const texts = [...byNorm.keys()];

// Which split a sentence is in: bench/conversations-splits.py itself writes them (sklearn's stratified splits with
// the seeds every usefulness bench uses), so the labels cannot drift from the benches'. Labels only, and only when
// something collided: the verdict does not need Python.
const splitOf = new Map();
let splitNote = '';
const loadSplits = () => {
  const dir = mkdtempSync(join(tmpdir(), 'genesis-verbatim-'));
  const py = process.env.PYTHON ?? (existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3');
  const r = spawnSync(py, [join(root, 'bench/conversations-splits.py'), trainCsv, dir, '0'], { encoding: 'utf8' });
  if (r.status === 0) {
    for (const [file, label] of [['untouched.csv', 'untouched'], ['heldout.csv', 'held-out']]) {
      for (const row of readCsv(join(dir, file))) splitOf.set(norm(row.text), label);
    }
  } else splitNote = ' (split unknown: bench/conversations-splits.py needs python3-sklearn)';
  rmSync(dir, { recursive: true, force: true });
};
const split = (t) => splitOf.get(t) ?? (splitOf.size ? 'train' : 'unknown');

// Word index over the Banking77 sentences: a regex-checked template is only tried on sentences holding all its
// fixed words, which keeps the whole check to a few seconds.
const words = (s) => s.match(/[\p{L}\p{N}']+/gu) ?? [];
const index = new Map();
texts.forEach((t, i) => {
  for (const w of new Set(words(t))) (index.get(w) ?? index.set(w, []).get(w)).push(i);
});

// Expands a compiled template while the count stays small ({slot} never appears in these).
const MAX_EXPANSIONS = 4096;
const expand = (nodes) => {
  let out = [''];
  for (const n of nodes) {
    let parts;
    if (typeof n === 'string') parts = [n];
    else if ('alt' in n) parts = n.alt.flatMap(expand);
    else parts = [...expand(n.reg[0]), ...expand(n.reg[1])];
    out = out.flatMap((a) => parts.map((b) => a + b));
  }
  return out;
};
const hasSlot = (nodes) => nodes.some((n) => typeof n !== 'string' && ('slot' in n || ('alt' in n ? n.alt : n.reg).some(hasSlot)));

// A template as one anchored regex. A slot matches what the generator can put there (slots.ts): any value of its
// pools in common.json (every language and dialect), any number or money string for the computed ones, any
// calendar date for {date}, and a wildcard of up to 6 words for a slot neither knows. A plain ".+" made
// "I [lost|left] my [phone|{device}] {date}." match "I lost my phone. What do I need to do?": no value writes that.
// Spaces match any spacing (tidy() collapses what an empty alternative leaves) and a final ?.! is optional.
const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const lit = (s) => s.toLowerCase().split(/\s+/).map(esc).join('\\s*').replace(/(?:\\[?.]|!)+(\\s\*)?$/, '[?.!]*$1');
const pools = {};
for (const dialect of Object.values(JSON.parse(readFileSync(join(grammarDir, 'common.json'), 'utf8')).slots)) {
  for (const [name, values] of Object.entries(dialect)) for (const v of values) (pools[name] ??= new Set()).add(String(v));
}
pools.home = new Set(['the US', 'the UK', 'México', 'España', ...(pools.country ?? [])]); // slots.ts's HOME
const MONEY = '\\S*\\d[\\d.,]*\\S*(?:\\s*€)?';
const COMPUTED = {
  amount: MONEY, amount2: MONEY, large_amount: MONEY, fee: MONEY, days: '\\d+', hours: '\\d+', digits: '\\d+', ref: '\\S+',
  time: '\\d{1,2}:\\d{2}(?:\\s*[ap]m)?',
  // calendarDate(): "on June 3rd", "on the 3rd of June", "on 3/6", "el 3 de junio", "last Monday", "this past Friday".
  date: '(?:(?:on|el)\\s+)?(?:the\\s+)?(?:\\p{L}+\\s+)?(?:the\\s+)?\\d+(?:st|nd|rd|th)?(?:/\\d+)?(?:\\s+(?:of|de))?(?:\\s+\\p{L}+)?|(?:last|this past|el \\p{L}+ pasado)\\s+\\p{L}+',
};
const WILDCARD = '[^\\s?!.,]+(?:\\s+[^\\s?!.,]+){0,5}';
const slotRe = (name) => {
  const alts = [...(pools[name] ?? [])].map(lit);
  if (COMPUTED[name]) alts.push(COMPUTED[name]);
  return alts.length ? `(?:${alts.join('|')})` : WILDCARD;
};
const toRe = (nodes) => nodes.map((n) => (typeof n === 'string' ? lit(n) : 'slot' in n ? slotRe(n.slot) : `(?:${('alt' in n ? n.alt : n.reg).map(toRe).join('|')})`)).join('');
// Words every expansion contains: the literal text outside any group (a word cut by a group edge is left out).
const fixedWords = (nodes) => {
  const out = [];
  nodes.forEach((n, i) => {
    if (typeof n !== 'string') return;
    const ws = words(n.toLowerCase());
    if (i > 0 && /^[\p{L}\p{N}']/u.test(n)) ws.shift();
    if (i < nodes.length - 1 && /[\p{L}\p{N}']$/u.test(n)) ws.pop();
    out.push(...ws);
  });
  return out;
};

const collisions = [];
const perFile = new Map();
let templates = 0;
let slotOnly = 0;
const hasLetters = (nodes) => nodes.some((n) => (typeof n === 'string' ? /\p{L}/u.test(n) : !('slot' in n) && ('alt' in n ? n.alt : n.reg).some(hasLetters)));
const check = (file, path, source) => {
  let tree;
  try {
    tree = compileTemplate(source);
  } catch {
    tree = [source]; // not template syntax: compare it as plain text
  }
  // Nothing but slots ("{home}."): the text is all slot values, and every pool value is checked as a string itself.
  if (!hasLetters(tree)) {
    slotOnly++;
    return;
  }
  templates++;
  const hits = new Set();
  if (!hasSlot(tree) && templateVariants(tree) <= MAX_EXPANSIONS) {
    for (const e of expand(tree)) if (byNorm.has(norm(e))) hits.add(norm(e));
  } else {
    const re = new RegExp(`^\\s*${toRe(tree)}[\\s?.!]*$`, 'u');
    const fixed = fixedWords(tree);
    // The sentences holding every fixed word: the rarest word's list, narrowed by the next rarest ones.
    const lists = [...new Set(fixed)].map((w) => index.get(w) ?? []).sort((a, b) => a.length - b.length);
    let candidates = lists.length ? lists[0] : [...texts.keys()];
    for (const list of lists.slice(1, 4)) {
      if (candidates.length < 50) break;
      const has = new Set(list);
      candidates = candidates.filter((i) => has.has(i));
    }
    for (const i of candidates) if (re.test(texts[i])) hits.add(texts[i]);
  }
  for (const h of hits) {
    const via = viaParaphrase.get(h);
    collisions.push({ file, path, source, text: byNorm.get(h).text, key: via ?? h, via: via === undefined ? '' : h });
  }
  perFile.set(file, (perFile.get(file) ?? 0) + hits.size);
};
const walk = (file, value, path) => {
  if (typeof value === 'string') check(file, path, value);
  else if (Array.isArray(value)) value.forEach((v, i) => walk(file, v, `${path}[${i}]`));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(file, v, path ? `${path}.${k}` : k);
};
const files = readdirSync(grammarDir).filter((f) => f.endsWith('.json')).sort();
for (const f of files) {
  perFile.set(f, 0);
  walk(f, JSON.parse(readFileSync(join(grammarDir, f), 'utf8')), '');
}

if (collisions.length) loadSplits();
for (const c of collisions) c.split = split(c.key);
if (!quiet) for (const c of collisions) console.log(`${c.file} ${c.path}\n  template: ${c.source}\n  banking77 (${c.split}): ${c.text.trim()}${c.via ? `\n  reached by a paraphrase swap: ${c.via}` : ''}`);
const bySplit = {};
for (const c of collisions) bySplit[c.split] = (bySplit[c.split] ?? 0) + 1;
const ms = Number(process.hrtime.bigint() - t0) / 1e6;
console.log(`per file: ${[...perFile].map(([f, n]) => `${f} ${n}`).join(', ')}`);
console.log(`verbatim: ${collisions.length} expansion(s) equal a Banking77 sentence${collisions.length ? ` (${Object.entries(bySplit).map(([s, n]) => `${s} ${n}`).join(', ')})` : ''}; ${templates} templates (${slotOnly} of only slots skipped), ${byNorm.size - viaParaphrase.size} distinct Banking77 texts${viaParaphrase.size ? ` (+${viaParaphrase.size} paraphrase swaps)` : ''}, ${ms.toFixed(0)} ms${splitNote}`);
process.exit(collisions.length ? 1 : 0);
