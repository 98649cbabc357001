// The allocation-free char n-gram path and the unrolled scoring kernel give exactly what the plain string/loop paths give.
import { describe, expect, it } from 'vitest';
import { analyze, fitTfidf, isSpace, TfidfVectorizer, type TfidfOptions } from '../../ml/tfidf.js';
import { NgramTable } from '../../ml/ngram-table.js';
import { decision, probabilities, argmaxRows, type SoftmaxModel } from '../../ml/softmax.js';
import { CsrBuilder, type Csr } from '../../ml/sparse.js';
import { trainTextClassifier, predict, predictProba } from '../../ml/text-classifier.js';
import { createRng } from '../../util/rng.js';

const CORPUS = [
  'My card has not arrived yet',
  'I want a refund   for this\tpurchase',
  '¿Dónde está mi tarjeta? Llegó tarde\u00a0otra vez',
  'a b c d',
  'emoji 🙂 in the middle of a wórd😀x and 𝔘nicode',
  'line\nbreaks\r\nand\u2003em spaces\u3000too',
  'CAPITALS and ÅNGSTRÖM İstanbul',
  'x',
];

/** The reference: count analyze()'s terms through a Map, weight, normalise per family, sort by index. */
function referenceRows(model: ReturnType<typeof fitTfidf>, docs: string[]): Array<Array<[number, number]>> {
  const index = new Map(model.terms.map((t, i) => [t, i]));
  return docs.map((doc) => {
    const counts = new Map<number, number>();
    analyze(doc, model.options, (t) => {
      const j = index.get(t);
      if (j !== undefined) counts.set(j, (counts.get(j) ?? 0) + 1);
    });
    const idx = [...counts.keys()].sort((a, b) => a - b);
    const vals = idx.map((j) => (model.options.sublinear_tf ? 1 + Math.log(counts.get(j) as number) : (counts.get(j) as number)) * (model.idf[j] as number));
    const norm = [0, 0];
    idx.forEach((j, k) => (norm[(model.terms[j] as string).startsWith('c:') ? 1 : 0] += (vals[k] as number) ** 2));
    return idx.map((j, k) => {
      const n = norm[(model.terms[j] as string).startsWith('c:') ? 1 : 0] as number;
      return [j, (vals[k] as number) * (n > 0 ? 1 / Math.sqrt(n) : 0)] as [number, number];
    });
  });
}

function rowsOf(X: Csr): Array<Array<[number, number]>> {
  return Array.from({ length: X.rows }, (_, r) =>
    Array.from({ length: (X.indptr[r + 1] as number) - (X.indptr[r] as number) }, (_, k) => {
      const p = (X.indptr[r] as number) + k;
      return [X.indices[p] as number, X.values[p] as number] as [number, number];
    }),
  );
}

describe('char n-gram fast path', () => {
  it.each<[string, Partial<TfidfOptions>]>([
    ['char 2–5 with words', {}],
    ['char 1–3 only', { word_ngrams: null, char_ngrams: [1, 3] }],
    ['char 3–8, raw tf', { word_ngrams: null, char_ngrams: [3, 8], sublinear_tf: false }],
    ['char 4–4 (short words kept whole)', { word_ngrams: null, char_ngrams: [4, 4] }],
  ])('transform equals the string path (%s)', (_name, opts) => {
    const model = fitTfidf(CORPUS.slice(0, 6), opts);
    const probe = [...CORPUS, 'unseen wörds 🙂🙂 here', '', '   '];
    expect(rowsOf(new TfidfVectorizer(model).transform(probe))).toEqual(referenceRows(model, probe));
  });

  it('splits words on exactly what /\\s/u matches', () => {
    const wrong: number[] = [];
    for (let c = 0; c < 0x10000; c++) if (isSpace(c) !== /\s/u.test(String.fromCharCode(c))) wrong.push(c);
    expect(wrong).toEqual([]);
  });

  it('finds each key and nothing else', () => {
    const keys = [' ab', 'ab ', 'b', 'ñá', ' card ', 'c'];
    const table = new NgramTable(keys, keys.map((_, i) => i * 10));
    expect(keys.map((k) => table.get(k))).toEqual([0, 10, 20, 30, 40, 50]);
    expect(['ab', ' a', '', 'card', 'd'].map((k) => table.get(k))).toEqual([-1, -1, -1, -1, -1]);
  });
});

describe('scoring kernel', () => {
  function naiveDecision(m: SoftmaxModel, X: Csr): Float64Array {
    const K = m.classes;
    const out = new Float64Array(X.rows * K);
    for (let i = 0; i < X.rows; i++) {
      for (let k = 0; k < K; k++) out[i * K + k] = m.bias[k] as number;
      for (let p = X.indptr[i] as number; p < (X.indptr[i + 1] as number); p++) {
        for (let k = 0; k < K; k++) out[i * K + k] = (out[i * K + k] as number) + (X.values[p] as number) * (m.weights[(X.indices[p] as number) * K + k] as number);
      }
    }
    return out;
  }

  it.each([1, 3, 8, 11, 21])('gives bit-identical scores to the plain loop for %i classes', (K) => {
    const rng = createRng(K, 'kernel');
    const D = 50;
    const b = new CsrBuilder(D);
    for (let r = 0; r < 30; r++) {
      const idx = [...new Set(Array.from({ length: rng.int(0, 12) }, () => rng.int(0, D - 1)))].sort((x, y) => x - y);
      b.push(idx, idx.map(() => rng.normal()));
    }
    const X = b.build();
    const model: SoftmaxModel = { classes: K, features: D, weights: Float32Array.from({ length: D * K }, () => rng.normal()), bias: Float64Array.from({ length: K }, () => rng.normal()) };
    expect(Buffer.from(decision(model, X).buffer).equals(Buffer.from(naiveDecision(model, X).buffer))).toBe(true);
  });
});

describe('predict', () => {
  const TOY: Array<[string, string]> = [
    ['my card has not arrived yet', 'card_arrival'], ['when will my new card arrive', 'card_arrival'], ['card not delivered', 'card_arrival'],
    ['I want a refund for this purchase', 'refund'], ['how do I get my money back', 'refund'], ['please refund the payment', 'refund'],
    ['what is the exchange rate today', 'exchange_rate'], ['exchange rate for euros', 'exchange_rate'], ['is the exchange rate fair', 'exchange_rate'],
    ['my pin is blocked', 'pin_blocked'], ['unblock my pin please', 'pin_blocked'], ['pin locked after three tries', 'pin_blocked'],
  ];
  const probe = ['card still missing', 'money back now', 'euro rate', 'pin blocked again', 'nothing to do with anything', 'refund my card'];

  it('labels are the argmax of the probabilities (the softmax it skips changes nothing)', async () => {
    const model = await trainTextClassifier(TOY.map((t) => t[0]), TOY.map((t) => t[1]), { max_iter: 30 });
    const X = new TfidfVectorizer(model.tfidf).transform(probe);
    const viaProbabilities = Array.from(argmaxRows(probabilities(model.softmax, X), 4), (k) => model.labels[k]);
    expect(predict(model, probe)).toEqual(viaProbabilities);
    expect(predict(model, probe).slice(0, 4)).toEqual(['card_arrival', 'refund', 'exchange_rate', 'pin_blocked']);
  });

  it.each([1, 2, 3])('predictProba with top %i is the head of the full ranking', async (top) => {
    const model = await trainTextClassifier(TOY.map((t) => t[0]), TOY.map((t) => t[1]), { max_iter: 30 });
    const full = predictProba(model, probe);
    expect(predictProba(model, probe, top)).toEqual(full.map((r) => r.slice(0, top)));
  });
});
