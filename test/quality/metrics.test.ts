// Unit tests of the quality metrics against hand-computed or textbook values.
import { describe, expect, it } from 'vitest';
import { chiSquareGoodnessOfFit, chiSquareIndependence, chiSquarePValue } from '../../metrics/chi-square.js';
import { DistinctCounter, DistinctN, distinctN } from '../../metrics/distinct.js';
import { jensenShannon, ksStatistic } from '../../metrics/divergence.js';
import { evaluateGates, describeFailure } from '../../metrics/gates.js';
import { hashString } from '../../metrics/hash32.js';
import { detectLanguage } from '../../metrics/language.js';
import { BANDS, estimateJaccard, minhashSignature, NearDuplicateIndex, NUM_HASHES, shingleJaccard } from '../../metrics/minhash.js';
import { selfBleu } from '../../metrics/self-bleu.js';
import { tokenize } from '../../metrics/text.js';
import { createRng } from '../../util/rng.js';

const hashes = (tokens: string[]) => Uint32Array.from(tokens.map((t) => hashString(t)));
const words = (seed: number, n: number) => {
  const rng = createRng(seed, 'words');
  return Array.from({ length: n }, () => `w${rng.int(0, 5000)}`);
};

describe('Jensen–Shannon divergence (bits)', () => {
  it.each([
    { p: [1, 0], q: [0, 1], jsd: 1 },
    { p: [0.5, 0.5], q: [0.5, 0.5], jsd: 0 },
    { p: [0.5, 0.5], q: [1, 0], jsd: 0.311278 },
    { p: [10, 30], q: [1, 3], jsd: 0 },
    { p: [0, 0], q: [1, 1], jsd: 1 },
  ])('JSD($p, $q) = $jsd', ({ p, q, jsd }) => expect(jensenShannon(p, q)).toBeCloseTo(jsd, 5));
});

describe('Kolmogorov–Smirnov', () => {
  it.each([
    { x: [1, 2, 3], y: [1, 2, 3], d: 0 },
    { x: [1, 2, 3], y: [4, 5, 6], d: 1 },
    { x: [1, 2, 3, 4], y: [3, 4, 5, 6], d: 0.5 },
  ])('D = $d', ({ x, y, d }) => expect(ksStatistic(x, y)).toBeCloseTo(d, 10));
});

describe('distinct-n', () => {
  it.each([
    { texts: [['a', 'b', 'a', 'b']], n: 1, v: 0.5 },
    { texts: [['a', 'b', 'a', 'b']], n: 2, v: 2 / 3 },
    { texts: [['a', 'b'], ['a', 'b']], n: 2, v: 0.5 },
    { texts: [['a']], n: 2, v: 0 },
  ])('exact distinct-$n = $v', ({ texts, n, v }) => expect(distinctN(texts, n)).toBeCloseTo(v, 10));

  it('streaming distinct-n equals the exact value on a small corpus', () => {
    const texts = Array.from({ length: 200 }, (_, i) => words(i % 150, 20));
    for (const n of [1, 2, 3]) {
      const d = new DistinctN(n);
      for (const t of texts) d.addText(hashes(t), Uint32Array.from(t.map((x) => hashString(x, 7))), t.length);
      expect(d.value()).toBeCloseTo(distinctN(texts, n), 6);
    }
  });

  it('switches to HyperLogLog past its cap and stays within 3 %', () => {
    const c = new DistinctCounter();
    for (let i = 0; i < 600_000; i++) c.add(hashString(`k${i}`), hashString(`k${i}`, 99));
    expect(c.estimated).toBe(true);
    expect(Math.abs(c.count() / 600_000 - 1)).toBeLessThan(0.03);
  });

  it('counts a key seen before and after the switch to HyperLogLog once (300k keys, each added twice)', () => {
    const c = new DistinctCounter();
    // The first pass crosses the exact cap (200k), so the second pass meets every exact-phase key again in the sketch.
    for (let pass = 0; pass < 2; pass++) for (let i = 0; i < 300_000; i++) c.add(hashString(`k${i}`), hashString(`k${i}`, 99));
    expect(c.estimated).toBe(true);
    expect(Math.abs(c.count() / 300_000 - 1)).toBeLessThan(0.03);
  });
});

describe('MinHash', () => {
  it.each([0, 5, 15, 30])('estimates Jaccard within 0.15 after changing %i of 60 words', (changes) => {
    const a = words(1, 60);
    const b = [...a];
    for (let i = 0; i < changes; i++) b[(i * 7) % 60] = `x${i}`;
    const est = estimateJaccard(minhashSignature(hashes(a), a.length), minhashSignature(hashes(b), b.length));
    expect(Math.abs(est - shingleJaccard(a, b))).toBeLessThan(0.15);
  });

  it('clusters near-copies but not distinct texts', () => {
    const idx = new NearDuplicateIndex(0.9);
    const base = Array.from({ length: 50 }, (_, i) => words(100 + i, 60));
    for (const t of base) idx.add(hashes(t), t.length);
    for (const t of base.slice(0, 5)) {
      const copy = [...t.slice(0, 59), 'changed'];
      idx.add(hashes(copy), copy.length);
    }
    expect(idx.result()).toMatchObject({ documents: 55, near_duplicates: 5 });
  });

  it('compares every member of an LSH bucket, not only its first', () => {
    // Crafted so that X and its near-copy Y meet only in bands led by L, which is like neither of them.
    const rng = createRng(3, 'lsh-bucket');
    const token = () => rng.int(0, 0xffffffff) >>> 0;
    const sig = (t: number[]) => Array.from(minhashSignature(Uint32Array.from(t), t.length));
    const differing = (a: number[], b: number[]) => a.flatMap((v, r) => (v === b[r] ? [] : [r]));
    const bandsOf = (rows: number[]) => new Set(rows.map((r) => Math.floor(r / (NUM_HASHES / BANDS))));
    const X = Array.from({ length: 100 }, token);
    const sx = sig(X);
    // Y: X plus tokens that change at most 4 minima (estimated Jaccard ≥ 0.93) spread over ≥ 3 bands.
    const Y = [...X];
    while (bandsOf(differing(sx, sig(Y))).size < 3) {
      const next = [...Y, token()];
      if (differing(sx, sig(next)).length <= 4) Y.push(next.at(-1) as number);
    }
    const yDiff = bandsOf(differing(sx, sig(Y)));
    const shared = Array.from({ length: NUM_HASHES }, (_, r) => r).filter((r) => !yDiff.has(Math.floor(r / (NUM_HASHES / BANDS))));
    // L: X plus tokens that leave every minimum of the shared bands alone but change 12+ others (Jaccard ≲ 0.8).
    const L = [...X];
    while (differing(sx, sig(L)).length < 12) {
      const next = [...L, token()];
      const s = sig(next);
      if (shared.every((r) => s[r] === sx[r])) L.push(next.at(-1) as number);
    }
    expect(estimateJaccard(minhashSignature(Uint32Array.from(X), X.length), minhashSignature(Uint32Array.from(Y), Y.length))).toBeGreaterThan(0.92);
    expect(estimateJaccard(minhashSignature(Uint32Array.from(X), X.length), minhashSignature(Uint32Array.from(L), L.length))).toBeLessThan(0.85);
    const idx = new NearDuplicateIndex(0.9);
    for (const t of [L, X, Y]) idx.add(Uint32Array.from(t), t.length);
    expect(idx.result()).toMatchObject({ documents: 3, near_duplicates: 1 });
  });
});

describe('chi-square', () => {
  it.each([
    { stat: 3.841459, df: 1, p: 0.05 },
    { stat: 5.991465, df: 2, p: 0.05 },
    { stat: 18.307038, df: 10, p: 0.05 },
    { stat: 6.634897, df: 1, p: 0.01 },
    { stat: 0, df: 3, p: 1 },
    { stat: 100, df: 76, p: 0.03397 },
  ])('P(X²($df) ≥ $stat) = $p', ({ stat, df, p }) => expect(chiSquarePValue(stat, df)).toBeCloseTo(p, 4));

  it.each([
    { observed: [5, 3], expected: [1, 0], df: 0 },
    { observed: [5, 3, 2], expected: [1, 1, 0], df: 1 },
  ])('goodness of fit: an observed category expected at 0 rules the fit out (p 0), df $df', ({ observed, expected, df }) =>
    expect(chiSquareGoodnessOfFit(observed, expected)).toEqual({ statistic: Number.POSITIVE_INFINITY, df, p_value: 0 }));

  it('goodness of fit: a perfect fit has p 1, a skew has p ≈ 0', () => {
    expect(chiSquareGoodnessOfFit([50, 50], [0.5, 0.5]).p_value).toBe(1);
    expect(chiSquareGoodnessOfFit([90, 10], [0.5, 0.5])).toMatchObject({ statistic: 64, df: 1 });
  });

  it('independence: 2×2 table [[10,20],[20,10]] has χ² 6.667, p 0.0098, V 0.333', () => {
    const r = chiSquareIndependence([[10, 20], [20, 10]]);
    expect(r.statistic).toBeCloseTo(6.6667, 3);
    expect(r.p_value).toBeCloseTo(0.00982, 4);
    expect(r.cramers_v).toBeCloseTo(1 / 3, 4);
  });
});

describe('language detection', () => {
  it.each([
    { text: 'I am still waiting on my card, when will it arrive?', lang: 'en' },
    { text: '¿Cuándo llegará mi tarjeta? Todavía no la tengo.', lang: 'es' },
    { text: 'Hola, necesito ayuda con una transferencia', lang: 'es' },
    { text: 'Thanks!', lang: 'unknown' },
    { text: 'ok', lang: 'unknown' },
  ])('$text → $lang', ({ text, lang }) => expect(detectLanguage(text).language).toBe(lang));
});

describe('self-BLEU', () => {
  it('is 1 for identical texts and near 0 for unrelated ones', () => {
    const t = tokenize('my card has not arrived yet and I am worried about it');
    expect(selfBleu([t, t, t])).toBeCloseTo(1, 6);
    expect(selfBleu(Array.from({ length: 5 }, (_, i) => words(i, 15)))).toBeLessThan(0.05);
  });
});

describe('gates', () => {
  it.each([
    { gates: { duplicates_max: 0.01 }, values: { duplicates: 0.1 }, msg: 'duplicates 0.100 > duplicates_max 0.010' },
    { gates: { overall: 0.7 }, values: { overall: 0.65 }, msg: 'overall 0.650 < overall 0.700' },
  ])('$msg', ({ gates, values, msg }) => {
    const [r] = evaluateGates(gates, values);
    expect(r?.passed).toBe(false);
    expect(describeFailure(r as never)).toBe(msg);
  });
  it('fails a gate whose metric could not be measured, with the reason', () => {
    const [r] = evaluateGates({ realism: 0.5 }, { realism: null }, { realism: "no conversation in the reference's language (en)" });
    expect(r?.passed).toBe(false);
    expect(describeFailure(r as never)).toBe("realism not measured (no conversation in the reference's language (en)): gate realism 0.500 cannot be checked");
  });
});
