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

  // scikit-learn 1.2.1: TfidfVectorizer(analyzer='char_wb', ngram_range=(2, 5)).build_analyzer()(text).
  it.each([
    ['a', [' a', 'a ', ' a ']],
    ['ab  cd', [' a', 'ab', 'b ', ' ab', 'ab ', ' ab ', ' c', 'cd', 'd ', ' cd', 'cd ', ' cd ']],
    ['I lost my card', [' i', 'i ', ' i ', ' l', 'lo', 'os', 'st', 't ', ' lo', 'los', 'ost', 'st ', ' los', 'lost', 'ost ', ' lost', 'lost ', ' m', 'my', 'y ', ' my', 'my ', ' my ',
      ' c', 'ca', 'ar', 'rd', 'd ', ' ca', 'car', 'ard', 'rd ', ' car', 'card', 'ard ', ' card', 'card ']],
  ])('char_wb 2–5 of %j emits what scikit-learn emits (a short word once, not once per larger n)', (text, expected) => {
    const out: string[] = [];
    analyze(text, { ...defaultTfidfOptions, word_ngrams: null }, (t) => out.push(t));
    expect(out).toEqual(expected.map((t) => 'c:' + t));
  });

  it('transforms short words with the weights scikit-learn computes', () => {
    // scikit-learn 1.2.1: TfidfVectorizer(analyzer='char_wb', ngram_range=(2, 5), sublinear_tf=True) fitted on docs.
    const docs = ['I lost my card', 'a', 'my card is lost', 'ok go'];
    const expected: Record<string, number> = {
      'y ': 0.201225, 'ok ': 0.255229, ok: 0.255229, 'my ': 0.201225, my: 0.201225, 'k ': 0.255229, 'i ': 0.255229, 'a ': 0.255229, ' ok ': 0.255229,
      ' ok': 0.255229, ' o': 0.255229, ' my ': 0.201225, ' my': 0.201225, ' m': 0.201225, ' i ': 0.255229, ' i': 0.201225, ' a ': 0.255229, ' a': 0.255229,
    };
    const m = fitTfidf(docs, { word_ngrams: null });
    const X = new TfidfVectorizer(m).transform(['a my ok I']);
    const got: Record<string, number> = {};
    for (let p = 0; p < X.indices.length; p++) got[(m.terms[X.indices[p] as number] as string).slice(2)] = Math.round((X.values[p] as number) * 1e6) / 1e6;
    expect(got).toEqual(expected);
  });

  it('counts a word shorter than the smallest n once per occurrence when transforming', () => {
    const m = fitTfidf(['a', 'bcdef'], { word_ngrams: null, char_ngrams: [4, 5], sublinear_tf: false });
    const X = new TfidfVectorizer(m).transform(['a a bcdef']);
    const tf: Record<string, number> = {};
    // Undo idf and the norm: the ratios of value / idf are the ratios of the counts.
    for (let p = 0; p < X.indices.length; p++) tf[m.terms[X.indices[p] as number] as string] = (X.values[p] as number) / (m.idf[X.indices[p] as number] as number);
    const unit = tf['c: bcd'] as number;
    expect(tf['c: a '] as number / unit).toBeCloseTo(2, 12);
    expect(Object.keys(tf).sort()).toEqual(['c: a ', 'c: bcd', 'c: bcde', 'c:bcde', 'c:bcdef', 'c:cdef', 'c:cdef ', 'c:def '].sort());
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
