// A reference profile of customer text: counts and histograms only (no sentences), comparable across datasets.
import { tokenize } from './text.js';

/** Word-count bin edges: bin i holds lengths in [EDGES[i], EDGES[i+1]); the last bin is open. */
export const LENGTH_EDGES = [0, 3, 5, 7, 9, 11, 13, 15, 18, 21, 25, 30, 40, 60, 100] as const;

export interface TextProfile {
  format: 'genesis-text-profile/1';
  source: string;
  /** Majority language of the texts; only conversations in this language are compared with it. */
  language: 'en' | 'es';
  documents: number;
  intents: Record<string, number>;
  /** Histograms over LENGTH_EDGES of words per customer turn / per first customer turn. */
  turn_words: number[];
  first_turn_words: number[];
  /** The most frequent words with their counts, and the total number of word tokens. */
  vocabulary: { tokens: number; top: Record<string, number> };
  /** Per structural feature (ending, sentences, digits, opening, case), counts per value. */
  structure: Record<string, Record<string, number>>;
}

export function lengthBin(words: number): number {
  let i = LENGTH_EDGES.length - 1;
  while (i > 0 && words < (LENGTH_EDGES[i] as number)) i--;
  return i;
}

/** Intent names compared across sources: case and stray punctuation ignored ("Refund_not_showing_up"). */
export function normalizeIntent(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9_]/g, '');
}

const QUESTION_OPENERS = new Set(
  'what how why when where which who can could is are do does did will would should qué cómo por cuándo dónde cuál puedo puede podría es hay'.split(' '),
);
const PRONOUN_OPENERS = new Set("i i'm i've my me we our yo mi mis me nosotros".split(' '));
const GREETING_OPENERS = new Set('hi hello hey good hola buenos buenas buen'.split(' '));

/** Categorical shape of one customer turn: how it ends, how many sentences, digits, how it opens, case. */
export function structureOf(text: string, tokens: readonly string[]): Record<string, string> {
  const t = text.trim();
  const last = t.slice(-1);
  const sentences = t.split(/[.!?]+(?:\s+|$)/).filter((s) => s.trim().length > 0).length;
  const first = tokens[0] ?? '';
  const opening = GREETING_OPENERS.has(first) ? 'greeting' : QUESTION_OPENERS.has(first) ? 'question' : PRONOUN_OPENERS.has(first) ? 'pronoun' : 'other';
  const c = t.replace(/^[¿¡"'(\s]+/, '').charAt(0);
  return {
    ending: last === '?' ? 'question' : last === '.' ? 'period' : last === '!' ? 'exclamation' : 'none',
    sentences: sentences <= 1 ? '1' : sentences === 2 ? '2' : '3+',
    digits: /\d/.test(t) ? 'yes' : 'no',
    opening,
    case: c !== '' && c === c.toUpperCase() && c !== c.toLowerCase() ? 'upper' : 'lower',
  };
}

/**
 * Accumulates a profile from customer turns. With `vocabularyOf`, only those words are counted (the side
 * compared with a reference needs nothing else), which keeps memory bounded on huge datasets.
 */
export class TextProfileBuilder {
  documents = 0;
  readonly intents: Record<string, number> = {};
  readonly turnWords = new Array<number>(LENGTH_EDGES.length).fill(0);
  readonly firstTurnWords = new Array<number>(LENGTH_EDGES.length).fill(0);
  readonly words = new Map<string, number>();
  tokens = 0;
  readonly structure: Record<string, Record<string, number>> = {};
  private en = 0;
  private es = 0;

  constructor(private readonly vocabularyOf?: ReadonlySet<string>) {}

  /** One document: its intent and its customer turns in order (each with its tokens). */
  add(intent: string, customerTurns: ReadonlyArray<{ text: string; tokens: readonly string[] }>, language?: 'en' | 'es'): void {
    this.documents++;
    const key = normalizeIntent(intent);
    this.intents[key] = (this.intents[key] ?? 0) + 1;
    if (language === 'es') this.es++;
    else this.en++;
    customerTurns.forEach((turn, i) => {
      const bin = lengthBin(turn.tokens.length);
      this.turnWords[bin] = (this.turnWords[bin] as number) + 1;
      if (i === 0) this.firstTurnWords[bin] = (this.firstTurnWords[bin] as number) + 1;
      this.tokens += turn.tokens.length;
      for (const w of turn.tokens) if (!this.vocabularyOf || this.vocabularyOf.has(w)) this.words.set(w, (this.words.get(w) ?? 0) + 1);
      for (const [f, v] of Object.entries(structureOf(turn.text, turn.tokens))) {
        const m = (this.structure[f] ??= {});
        m[v] = (m[v] ?? 0) + 1;
      }
    });
  }

  /** The profile, keeping the `topWords` most frequent words (ties broken alphabetically: deterministic). */
  build(source: string, topWords = 1000): TextProfile {
    const top = [...this.words.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, topWords);
    return {
      format: 'genesis-text-profile/1',
      source,
      language: this.es > this.en ? 'es' : 'en',
      documents: this.documents,
      intents: sortedRecord(this.intents),
      turn_words: [...this.turnWords],
      first_turn_words: [...this.firstTurnWords],
      vocabulary: { tokens: this.tokens, top: Object.fromEntries(top) },
      structure: Object.fromEntries(Object.keys(this.structure).sort().map((k) => [k, sortedRecord(this.structure[k] as Record<string, number>)])),
    };
  }
}

function sortedRecord(r: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.keys(r).sort().map((k) => [k, r[k] as number]));
}

/** Profile of single-turn texts with labels (a Banking77-style CSV: text, category). */
export function profileFromTexts(rows: ReadonlyArray<{ text: string; intent: string }>, source: string, topWords = 1000): TextProfile {
  const b = new TextProfileBuilder();
  for (const r of rows) b.add(r.intent, [{ text: r.text, tokens: tokenize(r.text) }]);
  return b.build(source, topWords);
}
