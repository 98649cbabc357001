// TF-IDF vectorizer with word (1–2) and char_wb (2–5) n-grams, as scikit-learn's TfidfVectorizer computes them.
import { CsrBuilder, type Csr } from './sparse.js';

export interface TfidfOptions {
  /** Word n-gram range [min, max]; null disables word features. */
  word_ngrams: [number, number] | null;
  /** char_wb n-gram range [min, max]; null disables character features. */
  char_ngrams: [number, number] | null;
  /** Keep terms found in at least this many training documents. */
  min_df: number;
  /** Replace tf with 1 + ln(tf). */
  sublinear_tf: boolean;
}

export const defaultTfidfOptions: TfidfOptions = {
  word_ngrams: [1, 2],
  char_ngrams: [2, 5],
  min_df: 1,
  sublinear_tf: true,
};

/** A fitted vectorizer: serialisable as JSON (terms in index order, idf per term). */
export interface TfidfModel {
  options: TfidfOptions;
  /** Term strings; word terms are prefixed "w:", char terms "c:" so the two spaces never collide. */
  terms: string[];
  idf: number[];
}

// Python's (?u)\b\w\w+\b: maximal runs of 2+ unicode word characters.
const WORD_RUN = /[\p{L}\p{N}_]+/gu;
const WHITESPACE_RUN = /\s\s+/gu;
const SURROGATE = /[\uD800-\uDFFF]/;

/** Calls emit(term) for every n-gram occurrence of one document (terms repeat as often as they occur). */
export function analyze(text: string, options: TfidfOptions, emit: (term: string) => void): void {
  analyzeBlocks(text, options, (t, block) => emit((block === 0 ? 'w:' : 'c:') + t));
}

/** As analyze, without the family prefix: block 0 for word n-grams, 1 for char n-grams (saves a string per n-gram). */
export function analyzeBlocks(text: string, options: TfidfOptions, emit: (term: string, block: 0 | 1) => void): void {
  const lower = text.toLowerCase();
  if (options.word_ngrams) {
    const [lo, hi] = options.word_ngrams;
    const tokens: string[] = [];
    for (const m of lower.matchAll(WORD_RUN)) if (m[0].length > 2 || (m[0].length === 2 && !SURROGATE.test(m[0]))) tokens.push(m[0]);
    for (let n = lo; n <= hi; n++) {
      for (let i = 0; i + n <= tokens.length; i++) emit(n === 1 ? (tokens[i] as string) : tokens.slice(i, i + n).join(' '), 0);
    }
  }
  if (options.char_ngrams) {
    const [lo, hi] = options.char_ngrams;
    // char_wb: whitespace-collapsed words, each padded with one space on both sides.
    for (const word of lower.replace(WHITESPACE_RUN, ' ').split(/\s+/u)) {
      if (word === '') continue;
      const padded = ' ' + word + ' ';
      const chars = SURROGATE.test(padded) ? [...padded] : null;
      const len = chars ? chars.length : padded.length;
      for (let n = lo; n <= hi; n++) {
        // A word shorter than n still yields itself once, as scikit-learn does.
        if (len < n) {
          emit(padded, 1);
          continue;
        }
        for (let off = 0; off + n <= len; off++) emit(chars ? chars.slice(off, off + n).join('') : padded.slice(off, off + n), 1);
      }
    }
  }
}

/** Learns the vocabulary and idf from training documents. */
export function fitTfidf(docs: readonly string[], opts: Partial<TfidfOptions> = {}): TfidfModel {
  const options: TfidfOptions = { ...defaultTfidfOptions, ...opts };
  const df = new Map<string, number>();
  const seen = new Set<string>();
  for (const doc of docs) {
    seen.clear();
    analyze(doc, options, (t) => seen.add(t));
    for (const t of seen) df.set(t, (df.get(t) ?? 0) + 1);
  }
  // Sorted terms make the feature order independent of document order, as scikit-learn's is.
  const terms = [...df.keys()].filter((t) => (df.get(t) as number) >= options.min_df).sort();
  const n = docs.length;
  const idf = terms.map((t) => Math.log((1 + n) / (1 + (df.get(t) as number))) + 1);
  return { options, terms, idf };
}

/** A vectorizer ready to transform: the term index built once from a model. */
export class TfidfVectorizer {
  /** Term index per family (word, char), keyed without the prefix. */
  private readonly index: [Map<string, number>, Map<string, number>] = [new Map(), new Map()];
  private readonly idf: Float64Array;
  /** 0 for word terms, 1 for char terms: each block is L2-normalised on its own, like a FeatureUnion. */
  private readonly block: Uint8Array;

  constructor(readonly model: TfidfModel) {
    model.terms.forEach((t, i) => this.index[t.startsWith('c:') ? 1 : 0].set(t.slice(2), i));
    this.idf = Float64Array.from(model.idf);
    this.block = Uint8Array.from(model.terms, (t) => (t.startsWith('c:') ? 1 : 0));
  }

  get size(): number {
    return this.model.terms.length;
  }

  /** Tf-idf rows, one per document, each n-gram family L2-normalised; unknown terms are ignored. */
  transform(docs: readonly string[]): Csr {
    const b = new CsrBuilder(this.size);
    const { sublinear_tf } = this.model.options;
    // Dense per-term counters reset through the touched list: no Map per document.
    const counts = new Float64Array(this.size);
    let touched = new Int32Array(256);
    let nTouched = 0;
    let val = new Float64Array(256);
    const onTerm = (t: string, block: 0 | 1) => {
      const j = this.index[block].get(t);
      if (j === undefined) return;
      if (counts[j] === 0) {
        if (nTouched === touched.length) {
          const grown = new Int32Array(touched.length * 2);
          grown.set(touched);
          touched = grown;
        }
        touched[nTouched++] = j;
      }
      counts[j] = (counts[j] as number) + 1;
    };
    for (const doc of docs) {
      nTouched = 0;
      analyzeBlocks(doc, this.model.options, onTerm);
      const idx = touched.subarray(0, nTouched).sort();
      if (val.length < nTouched) val = new Float64Array(touched.length);
      const norm = new Float64Array(2);
      for (let k = 0; k < nTouched; k++) {
        const j = idx[k] as number;
        const tf = counts[j] as number;
        counts[j] = 0;
        const v = (sublinear_tf ? 1 + Math.log(tf) : tf) * (this.idf[j] as number);
        val[k] = v;
        const blk = this.block[j] as number;
        norm[blk] = (norm[blk] as number) + v * v;
      }
      const scale = norm.map((s) => (s > 0 ? 1 / Math.sqrt(s) : 0));
      for (let k = 0; k < nTouched; k++) val[k] = (val[k] as number) * (scale[this.block[idx[k] as number] as number] as number);
      b.push(idx, val, nTouched);
    }
    return b.build();
  }
}
