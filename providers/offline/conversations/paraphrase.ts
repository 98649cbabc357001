// Meaning-preserving rewording of customer turns from synonym sets (data/grammar/paraphrase/sets.json).
import type { Rng } from '../../../util/rng.js';
import { loadData } from '../../../util/paths.js';
import type { Dialect } from './slots.js';
import { candidatesIn, gramIndex, type GramIndex } from './gram-index.js';

/**
 * Each set lists phrases that can stand in for one another anywhere a customer might write them
 * ("how do I" / "how can I"). Sets are symmetric on purpose: a grammar author adds one line and every
 * template that uses any member gains all the others, which is what widens the corpus cheaply.
 */
export type ParaphraseSource = Partial<Record<'en' | 'es' | Dialect, string[][]>>;

interface CompiledSet {
  re: RegExp;
  members: readonly string[];
  /** Lower-cased members: a plain substring scan rules most sets out before the (slower) Unicode regex runs. */
  probes: readonly string[];
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function compileSet(members: readonly string[]): CompiledSet {
  const alts = [...members].sort((a, b) => b.length - a.length).map(escape);
  // A set of whole utterances ("Vale." / "Bien.") stands for a sentence, never its last word: "Espero que estén
  // bien." must not become "…estén de acuerdo." (2026-12-01 review).
  const sentence = members.every((m) => /[.!?]$/u.test(m)) ? '(?<=^|[.!?¡¿]\\s*)' : '';
  // \b is ASCII-only; Spanish needs Unicode-aware word edges (same trick as noise.ts).
  return { re: new RegExp(`${sentence}(?<![\\p{L}\\p{N}'])(?:${alts.join('|')})(?![\\p{L}\\p{N}'])`, 'giu'), members, probes: members.map((m) => m.toLowerCase()) };
}

/**
 * Joins a swap can make that no native writes: a member that fits where the set's author looked breaks elsewhere
 * ("It's been" → "It is been", "charged a fee" → "charged a charge", "lo necesito" → "lo me hace falta"; 2026-12-04
 * review, class 6). A swap that brings one in, where the text had none, is undone.
 */
const BROKEN: Record<'en' | 'es', readonly RegExp[]> = {
  en: [
    /(?<!\p{L})(it|what|there|that|who|he|she) is (been|got|gotten)(?!\p{L})/iu,
    /(?<!\p{L})(charged|billed) (a |an )?charges?(?!\p{L})/iu,
    // "I think so" → "I feel like so" / "it looks like so": the opinion set's phrases take a clause, not "so".
    /(?<!\p{L})(feel like|looks like) so(?!\p{L})/iu,
  ],
  // A clitic before "me": the object pronoun of the replaced verb has no verb left to attach to.
  es: [
    /(?<!\p{L})(lo|la|los|las|le|les) (me|te)(?!\p{L})/iu,
    // "mi pasta/lana" is feminine where "mi dinero" was not: a masculine word later in the sentence lost its noun.
    /(?<!\p{L})(mi|la|tu|su) (pasta|lana)(?!\p{L})[^.?!]*(?<!\p{L})(\p{L}+[aeií]dos?|bajo|alto|listo|el mismo|él|este|ese)(?!\p{L})/iu,
  ],
};

const breaks = (lang: 'en' | 'es', before: string, after: string): boolean =>
  BROKEN[lang].some((re) => re.test(after) && !re.test(before));

// Text before a match that ends where a sentence starts: nothing, or a sentence's end and a space.
const SENTENCE_START = /(^|[.!?…:]\s+)[¿¡"“]?$/u;

let compiled: Map<Dialect, { sets: CompiledSet[]; index: GramIndex }> | undefined;

function setsFor(dialect: Dialect): { sets: CompiledSet[]; index: GramIndex } {
  if (!compiled) {
    const src = loadData<ParaphraseSource>('grammar', 'paraphrase', 'sets.json');
    compiled = new Map();
    for (const d of ['en-US', 'en-GB', 'es-MX', 'es-ES'] as const) {
      const lang = d.slice(0, 2) as 'en' | 'es';
      const sets = [...(src[lang] ?? []), ...(src[d] ?? [])].map(compileSet);
      compiled.set(d, { sets, index: gramIndex(sets.map((s) => s.probes)) });
    }
  }
  return compiled.get(dialect) ?? { sets: [], index: gramIndex([]) };
}

/**
 * Keeps a capital at the start of the replaced phrase (sentence starts) without lowercasing "I". A phrase that starts
 * with the pronoun I is capitalised wherever it stands, so its capital says nothing: its replacement takes one only at
 * a sentence start ("Hi there, I think…" became "Hi there, It looks like…", found merging round 7).
 */
function matchCase(original: string, replacement: string, atSentenceStart: boolean): string {
  const o = /\p{L}/u.exec(original)?.[0] ?? '';
  const pronoun = /^[¿¡]?I(?![\p{L}])/u.test(original);
  if (o && o === o.toUpperCase() && o !== o.toLowerCase() && (!pronoun || atSentenceStart)) {
    return replacement.replace(/\p{L}/u, (c) => c.toUpperCase());
  }
  // Mid-sentence: lower the replacement's first letter, except the pronoun I ("I'd", "I am").
  if (/^[¿¡]?I(?![\p{L}])/u.test(replacement)) return replacement;
  return replacement.replace(/\p{L}/u, (c) => c.toLowerCase());
}

/** Rewords `text`: every phrase found in a set is swapped for a random member with probability `rate`. */
export function paraphrase(text: string, dialect: Dialect, rng: Rng, rate = 0.75): string {
  const lang = dialect.slice(0, 2) as 'en' | 'es';
  let t = text;
  let lower = t.toLowerCase();
  const { sets, index } = setsFor(dialect);
  // Only the sets one of whose members' first three letters occur in the text can match (a swap can bring new
  // ones in, so the candidates are read again after each change); the same sets as a scan of all, in order.
  let candidates = candidatesIn(index, lower);
  for (let i = 0; i < sets.length; i++) {
    if (candidates[i] === 0) continue;
    const s = sets[i] as CompiledSet;
    if (!s.probes.some((p) => lower.includes(p))) continue;
    s.re.lastIndex = 0;
    const before = t;
    const from = t;
    t = t.replace(s.re, (m: string, ...rest: unknown[]) => {
      if (!rng.chance(rate)) return m;
      const offset = rest.find((x): x is number => typeof x === 'number') ?? 0;
      return matchCase(m, rng.pick(s.members), SENTENCE_START.test(from.slice(0, offset)));
    });
    if (t !== before && breaks(lang, before, t)) t = before;
    if (t !== before) {
      lower = t.toLowerCase();
      candidates = candidatesIn(index, lower, i + 1);
    }
  }
  return t;
}
