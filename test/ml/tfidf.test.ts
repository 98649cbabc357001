// TF-IDF: hand-computed values on a 3-document corpus, scikit-learn's n-gram conventions.
import { describe, expect, it } from 'vitest';
import { analyze, fitTfidf, TfidfVectorizer, defaultTfidfOptions } from '../../ml/tfidf.js';

const words = { ...defaultTfidfOptions, word_ngrams: [1, 1] as [number, number], char_ngrams: null, sublinear_tf: false };

describe('tfidf', () => {
  it('matches hand-computed smooth idf and l2 norm on a 3-document corpus', () => {
    const docs = ['the cat sat', 'the dog sat', 'the cat cat'];
    const m = fitTfidf(docs, words);
    expect(m.terms).toEqual(['w:cat', 'w:dog', 'w:sat', 'w:the']);
    // idf = ln((1+n)/(1+df)) + 1 with n = 3.
    const idf = (df: number) => Math.log(4 / (1 + df)) + 1;
    expect(m.idf).toEqual([idf(2), idf(1), idf(2), idf(3)]);
    const X = new TfidfVectorizer(m).transform(['the cat cat']);
    const raw = [2 * idf(2), idf(3)];
    const norm = Math.hypot(...raw);
    expect(Array.from(X.indices)).toEqual([0, 3]);
    expect(X.values[0]).toBeCloseTo((raw[0] as number) / norm, 12);
    expect(X.values[1]).toBeCloseTo((raw[1] as number) / norm, 12);
  });

  it('applies sublinear tf as 1 + ln(tf)', () => {
    const m = fitTfidf(['aa aa aa bb'], { ...words, sublinear_tf: true });
    const X = new TfidfVectorizer(m).transform(['aa aa aa bb']);
    const a = 1 + Math.log(3);
    expect((X.values[0] as number) / (X.values[1] as number)).toBeCloseTo(a, 12);
  });

  it.each([
    ['word bigrams skip 1-char tokens', { word_ngrams: [1, 2], char_ngrams: null }, 'I lost a Card today', ['w:lost', 'w:card', 'w:today', 'w:lost card', 'w:card today']],
    ['char_wb pads words and keeps short words whole', { word_ngrams: null, char_ngrams: [3, 3] }, 'ab  cd', ['c: ab', 'c:ab ', 'c: cd', 'c:cd ']],
    ['a word shorter than n yields itself once', { word_ngrams: null, char_ngrams: [4, 4] }, 'a', ['c: a ']],
  ] as const)('%s', (_name, opts, text, expected) => {
    const out: string[] = [];
    analyze(text, { ...defaultTfidfOptions, ...(opts as object) }, (t) => out.push(t));
    expect(out).toEqual(expected);
  });

  it('ignores unseen terms and normalises word and char blocks separately', () => {
    const m = fitTfidf(['card arrived', 'card lost']);
    const X = new TfidfVectorizer(m).transform(['card zzz']);
    let w = 0;
    let c = 0;
    for (let p = 0; p < X.indices.length; p++) {
      const v = X.values[p] as number;
      if ((m.terms[X.indices[p] as number] as string).startsWith('w:')) w += v * v;
      else c += v * v;
    }
    expect(w).toBeCloseTo(1, 12);
    expect(c).toBeCloseTo(1, 12);
  });
});
