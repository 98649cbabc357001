// Whether a sentence only says again what the message already said ("I'm not comfortable sharing my ID… I'm not
// comfortable sharing my passport", "Es una tarjeta de mi otro banco. Estaba usando mi tarjeta de otro banco").

// Words too common to show that two sentences say the same thing.
const STOP = new Set([
  'that', 'this', 'with', 'have', 'from', 'they', 'what', 'when', 'there', 'their', 'about', 'would', 'could', 'just',
  'your', 'been', 'still', 'some', 'into', 'only', 'also', 'then', 'than', 'will', 'does', 'here', 'were', 'very',
  'para', 'pero', 'como', 'esta', 'este', 'esto', 'tengo', 'tiene', 'porque', 'cuando', 'todo', 'todavía', 'sigue',
  'desde', 'hasta', 'donde', 'dónde', 'cómo', 'puedo', 'quiero', 'estoy', 'había', 'hace', 'sobre', 'ahora', 'bien',
]);

// Openings too common to mean a repeat ("It was…", "I have…").
const COMMON_OPENINGS = new Set(['it was', 'it is', "it's", 'i have', 'i am', "i'm", 'the card', 'my card', 'la tarjeta', 'mi tarjeta', 'fue de', 'es una', 'es un', 'el dinero', 'the money', 'i was', 'i tried', 'lo intenté']);

/** Content-word stems (first five letters of words of four letters or more). */
function stems(text: string): Set<string> {
  const out = new Set<string>();
  for (const w of text.toLowerCase().match(/\p{L}{4,}/gu) ?? []) if (!STOP.has(w)) out.add(w.slice(0, 5));
  return out;
}

/** True when at least two of `sentence`'s content words, and half of them, are already in `said`. */
export function repeats(said: string, sentence: string): boolean {
  // "Me mudé y tengo que poner la dirección nueva. Me mudé a…": a sentence that opens like one already said.
  const opening = /^[¿¡]?(\p{L}+ \p{L}+)/u.exec(sentence.toLowerCase())?.[1];
  if (opening !== undefined && said.toLowerCase().includes(opening) && !COMMON_OPENINGS.has(opening)) return true;
  const s = stemsOf(sentence);
  if (s.size === 0) return false;
  const shared = countShared(stemsOf(said), s);
  return shared >= 2 && shared * 2 >= s.size;
}

/** Content-word stems of a text: compare them with countShared ("I don't see a block" vs "Is the card blocked?"). */
export const stemsOf = stems;

/** How many of `sentence`'s stems are in `known`. */
export function countShared(known: ReadonlySet<string>, sentence: ReadonlySet<string>): number {
  let shared = 0;
  for (const w of sentence) if (known.has(w)) shared++;
  return shared;
}

/** The first three words of each part; a part (other than `keep`) that opens like an earlier one is left out. */
export function dropRepeatedOpenings(parts: readonly string[], keep: number): string[] {
  const seen: string[] = [];
  const open = (p: string): string | undefined => /^[¿¡]?(\p{L}+ \p{L}+ \p{L}+)/u.exec(p.toLowerCase())?.[1];
  // The kept part counts first: "Can you help me reset…? … Can you help?" loses the closer, never the ask.
  const k = open(parts[keep] ?? '');
  if (k !== undefined) seen.push(k);
  return parts.map((p, i) => {
    if (i === keep || p === '') return p;
    const o = open(p);
    if (o === undefined) return p;
    if (seen.includes(o)) return '';
    seen.push(o);
    return p;
  });
}
