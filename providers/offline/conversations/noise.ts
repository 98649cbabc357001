// Typos and informal register for customer turns, applied at the spec's noise rate.
import type { Language } from '../../../util/records.js';
import type { Rng } from '../../../util/rng.js';

const informalEn: Array<[RegExp, string]> = [
  [/\byou\b/gi, 'u'],
  [/\bplease\b/gi, 'pls'],
  [/\bthanks\b/gi, 'thx'],
  [/\bthank you\b/gi, 'ty'],
  [/\bbecause\b/gi, 'cuz'],
  [/\bI am\b/g, 'im'],
  [/\bI'm\b/g, 'im'],
  [/\bdon't\b/gi, 'dont'],
  [/\bcan't\b/gi, 'cant'],
  [/\bhasn't\b/gi, 'hasnt'],
  [/\bdoesn't\b/gi, 'doesnt'],
  [/\bwhat's\b/gi, 'whats'],
  [/\bare\b/gi, 'r'],
  [/\bgoing to\b/gi, 'gonna'],
  [/\bwant to\b/gi, 'wanna'],
];
// \b is ASCII-only in JS regexes, so Spanish words with accents need Unicode-aware edges.
const es = (word: string, flags = 'gu'): RegExp => new RegExp(`(?<!\\p{L})${word}(?!\\p{L})`, flags);
const informalEs: Array<[RegExp, string]> = [
  [es('que'), 'q'],
  [es('porque', 'giu'), 'xq'],
  [es('por qué', 'giu'), 'xq'],
  [es('también', 'giu'), 'tb'],
  [es('por favor', 'giu'), 'porfa'],
  [es('gracias', 'giu'), 'grax'],
  [es('está'), 'esta'],
  [es('qué'), 'que'],
  [es('cómo'), 'como'],
  [es('dónde'), 'donde'],
  [es('más'), 'mas'],
  [es('para'), 'pa'],
];

/** Casual writing: lowercase start, contractions, missing opening ¿¡ and final punctuation. */
export function informal(text: string, lang: Language, rng: Rng): string {
  let t = text;
  for (const [re, sub] of lang === 'en' ? informalEn : informalEs) if (rng.chance(0.5)) t = t.replace(re, sub);
  if (lang === 'es' && rng.chance(0.7)) t = t.replace(/[¿¡]/g, '');
  if (rng.chance(0.6)) t = t.charAt(0).toLowerCase() + t.slice(1);
  if (rng.chance(0.5)) t = t.replace(/[.!]$/, '');
  if (rng.chance(0.15)) t = t.replace(/\?$/, '??');
  return t;
}

const keyboardNeighbours: Record<string, string> = {
  a: 'sq', b: 'vn', c: 'xv', d: 'sf', e: 'wr', f: 'dg', g: 'fh', h: 'gj', i: 'uo', j: 'hk', k: 'jl', l: 'k',
  m: 'n', n: 'bm', o: 'ip', p: 'o', q: 'w', r: 'et', s: 'ad', t: 'ry', u: 'yi', v: 'cb', w: 'qe', x: 'zc', y: 'tu', z: 'x',
};

/** One or two character slips (swap, drop, double, neighbouring key) in words of 4+ letters. */
export function typos(text: string, rng: Rng): string {
  const words = text.split(' ');
  const candidates = words.map((w, i) => (/^\p{L}{4,}/u.test(w) ? i : -1)).filter((i) => i >= 0);
  if (candidates.length === 0) return text;
  const edits = rng.chance(0.3) ? 2 : 1;
  for (let e = 0; e < edits; e++) {
    const wi = rng.pick(candidates);
    const w = words[wi] as string;
    const p = rng.int(1, Math.max(1, w.length - 2));
    const kind = rng.int(0, 3);
    let out = w;
    if (kind === 0) out = w.slice(0, p) + (w[p + 1] ?? '') + (w[p] ?? '') + w.slice(p + 2);
    else if (kind === 1) out = w.slice(0, p) + w.slice(p + 1);
    else if (kind === 2) out = w.slice(0, p) + (w[p] ?? '') + w.slice(p);
    else {
      const near = keyboardNeighbours[(w[p] ?? '').toLowerCase()];
      out = near ? w.slice(0, p) + rng.pick(near.split('')) + w.slice(p + 1) : w;
    }
    words[wi] = out;
  }
  return words.join(' ');
}

/** Applies noise to one customer turn with probability `rate`: informal, typos, or both. */
export function applyNoise(text: string, lang: Language, rate: number, rng: Rng): string {
  if (!(rate > 0) || !rng.chance(rate)) return text;
  const mode = rng.int(0, 2);
  let t = text;
  if (mode !== 1) t = informal(t, lang, rng);
  if (mode !== 0) t = typos(t, rng);
  return t;
}
