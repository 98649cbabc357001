// TF-IDF vectorizer with word (1–2) and char_wb (2–5) n-grams, as scikit-learn's TfidfVectorizer computes them.
import { CsrBuilder, type Csr } from './sparse.js';
import { NgramTable, hashStep, HASH_START } from './ngram-table.js';

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
  if (options.word_ngrams) wordNgrams(lower, options.word_ngrams, (t) => emit(t, 0));
  if (options.char_ngrams) {
    const range = options.char_ngrams;
    // char_wb: whitespace-collapsed words, each padded with one space on both sides.
    for (const word of lower.replace(WHITESPACE_RUN, ' ').split(/\s+/u)) if (word !== '') charNgramsOfWord(word, range, (t) => emit(t, 1));
  }
}

/** Word n-grams of an already lower-cased text. */
function wordNgrams(lower: string, [lo, hi]: [number, number], emit: (term: string) => void): void {
  const tokens: string[] = [];
  for (const m of lower.matchAll(WORD_RUN)) if (m[0].length > 2 || (m[0].length === 2 && !SURROGATE.test(m[0]))) tokens.push(m[0]);
  for (let n = lo; n <= hi; n++) {
    for (let i = 0; i + n <= tokens.length; i++) emit(n === 1 ? (tokens[i] as string) : tokens.slice(i, i + n).join(' '));
  }
}

/** char_wb n-grams of one whitespace-free word, counted in code points as Python does. */
function charNgramsOfWord(word: string, [lo, hi]: [number, number], emit: (term: string) => void): void {
  const padded = ' ' + word + ' ';
  const chars = SURROGATE.test(padded) ? [...padded] : null;
  const len = chars ? chars.length : padded.length;
  for (let n = lo; n <= hi; n++) {
    // A padded word no longer than n yields itself once and ends the word, as scikit-learn's _char_wb_ngrams does
    // (it does not repeat the whole word for every larger n).
    if (len <= n) {
      emit(padded);
      break;
    }
    for (let off = 0; off + n <= len; off++) emit(chars ? chars.slice(off, off + n).join('') : padded.slice(off, off + n));
  }
}

/** Whether a UTF-16 code unit matches JavaScript's /\s/ (the separator the string path splits words on). */
export function isSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Learns the vocabulary and idf from training documents. */
export function fitTfidf(docs: readonly string[], opts: Partial<TfidfOptions> = {}): TfidfModel {
  const counter = new DocumentFrequencies(opts);
  counter.add(docs);
  return counter.finish();
}

/** fitTfidf in pieces: documents are added in chunks (so a long fit can yield to the event loop between them). */
export class DocumentFrequencies {
  readonly options: TfidfOptions;
  private readonly df = new Map<string, number>();
  private readonly seen = new Set<string>();
  private n = 0;

  constructor(opts: Partial<TfidfOptions> = {}) {
    this.options = { ...defaultTfidfOptions, ...opts };
  }

  add(docs: readonly string[]): void {
    const { df, seen } = this;
    for (const doc of docs) {
      seen.clear();
      analyze(doc, this.options, (t) => seen.add(t));
      for (const t of seen) df.set(t, (df.get(t) ?? 0) + 1);
    }
    this.n += docs.length;
  }

  finish(): TfidfModel {
    const { df, n, options } = this;
    // Sorted terms make the feature order independent of document order, as scikit-learn's is.
    const terms = [...df.keys()].filter((t) => (df.get(t) as number) >= options.min_df).sort();
    const idf = terms.map((t) => Math.log((1 + n) / (1 + (df.get(t) as number))) + 1);
    return { options, terms, idf };
  }
}

// 1 + ln(tf) for the small counts nearly every term has: the same doubles, without a log call per term.
const SUBLINEAR = Float64Array.from({ length: 64 }, (_, tf) => 1 + Math.log(tf));

/** A vectorizer ready to transform: the term index built once from a model. */
export class TfidfVectorizer {
  /** Word term index, keyed without the prefix. */
  private readonly words = new Map<string, number>();
  /** Char term index: looked up by slices of a code-unit buffer, so counting a char n-gram allocates nothing. */
  private readonly chars: NgramTable;
  private readonly idf: Float64Array;
  /** 0 for word terms, 1 for char terms: each block is L2-normalised on its own, like a FeatureUnion. */
  private readonly block: Uint8Array;
  /** The padded word being cut into char n-grams. */
  private buf = new Uint16Array(64);
  /** Per-term counters, all zero between documents. */
  private counts: Float64Array | undefined;

  constructor(readonly model: TfidfModel) {
    const charKeys: string[] = [];
    const charIds: number[] = [];
    model.terms.forEach((t, i) => {
      if (t.startsWith('c:')) {
        charKeys.push(t.slice(2));
        charIds.push(i);
      } else this.words.set(t.slice(2), i);
    });
    this.chars = new NgramTable(charKeys, charIds);
    this.idf = Float64Array.from(model.idf);
    this.block = Uint8Array.from(model.terms, (t) => (t.startsWith('c:') ? 1 : 0));
  }

  get size(): number {
    return this.model.terms.length;
  }

  /** Tf-idf rows, one per document, each n-gram family L2-normalised; unknown terms are ignored. */
  transform(docs: readonly string[]): Csr {
    const b = new CsrBuilder(this.size);
    this.transformInto(b, docs);
    return b.build();
  }

  /** Appends the documents' rows to `b`: transform in chunks, one builder. */
  transformInto(b: CsrBuilder, docs: readonly string[]): void {
    const { sublinear_tf, word_ngrams, char_ngrams } = this.model.options;
    // Dense per-term counters reset through the touched list: no Map per document, and one array per vectorizer.
    const counts = (this.counts ??= new Float64Array(this.size));
    let touched = new Int32Array(256);
    let nTouched = 0;
    let val = new Float64Array(256);
    const norm = new Float64Array(2);
    const scale = new Float64Array(2);
    const add = (j: number) => {
      if (j < 0) return;
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
    const addWord = (t: string) => add(this.words.get(t) ?? -1);
    const addChar = (t: string) => add(this.chars.get(t));
    for (const doc of docs) {
      nTouched = 0;
      const lower = doc.toLowerCase();
      if (word_ngrams) wordNgrams(lower, word_ngrams, addWord);
      if (char_ngrams) this.countCharNgrams(lower, char_ngrams, add, addChar);
      const idx = touched.subarray(0, nTouched).sort();
      if (val.length < nTouched) val = new Float64Array(touched.length);
      norm.fill(0);
      for (let k = 0; k < nTouched; k++) {
        const j = idx[k] as number;
        const tf = counts[j] as number;
        counts[j] = 0;
        const v = (sublinear_tf ? (tf < SUBLINEAR.length ? (SUBLINEAR[tf] as number) : 1 + Math.log(tf)) : tf) * (this.idf[j] as number);
        val[k] = v;
        const blk = this.block[j] as number;
        norm[blk] = (norm[blk] as number) + v * v;
      }
      for (let blk = 0; blk < 2; blk++) scale[blk] = (norm[blk] as number) > 0 ? 1 / Math.sqrt(norm[blk] as number) : 0;
      for (let k = 0; k < nTouched; k++) val[k] = (val[k] as number) * (scale[this.block[idx[k] as number] as number] as number);
      b.push(idx, val, nTouched);
    }
  }

  /**
   * The same n-grams as charNgramsOfWord, found by scanning the text's code units and hashing each n-gram
   * incrementally from its start; words holding surrogate pairs (counted in code points) take the string path.
   */
  private countCharNgrams(lower: string, range: [number, number], add: (j: number) => void, addString: (t: string) => void): void {
    const [lo, hi] = range;
    const L = lower.length;
    const table = this.chars;
    let i = 0;
    while (i < L) {
      while (i < L && isSpace(lower.charCodeAt(i))) i++;
      if (i >= L) break;
      let j = i;
      let surrogate = false;
      for (let c; j < L && !isSpace((c = lower.charCodeAt(j))); j++) if (c >= 0xd800 && c <= 0xdfff) surrogate = true;
      if (surrogate) {
        charNgramsOfWord(lower.slice(i, j), range, addString);
        i = j;
        continue;
      }
      const len = j - i + 2;
      if (this.buf.length < len) this.buf = new Uint16Array(len * 2);
      const buf = this.buf;
      buf[0] = 32;
      for (let k = i; k < j; k++) buf[k - i + 1] = lower.charCodeAt(k);
      buf[len - 1] = 32;
      for (let off = 0; off < len; off++) {
        const maxN = Math.min(hi, len - off);
        let h = HASH_START;
        for (let n = 1; n <= maxN; n++) {
          h = hashStep(h, buf[off + n - 1] as number);
          if (n >= lo) add(table.find(buf, off, n, h));
        }
      }
      // The whole padded word counts once: above, at n = len when lo ≤ len ≤ hi; here when it is shorter than lo.
      if (len < lo) {
        let h = HASH_START;
        for (let k = 0; k < len; k++) h = hashStep(h, buf[k] as number);
        add(table.find(buf, 0, len, h));
      }
      i = j;
    }
  }
}
