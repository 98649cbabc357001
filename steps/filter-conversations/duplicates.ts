// The duplicate rules: exact copies by their turns, near-copies by the MinHash index validate/conversations uses.
import { hashString } from '../../metrics/hash32.js';
import { NearDuplicateIndex } from '../../metrics/minhash.js';
import { tokenize } from '../../metrics/text.js';

/** A conversation's identity for both rules: speakers and word tokens per turn (case and punctuation ignored). */
export function turnsOf(rec: Record<string, unknown>): Array<{ speaker: string; tokens: string[] }> {
  const turns = Array.isArray(rec.turns) ? (rec.turns as unknown[]) : [];
  return turns.map((t) => {
    const o = t !== null && typeof t === 'object' ? (t as Record<string, unknown>) : {};
    return { speaker: String(o.speaker ?? ''), tokens: tokenize(typeof o.text === 'string' ? o.text : '') };
  });
}

/** For each document, the index of the earlier document it exactly repeats, or -1. */
export function exactDuplicateOf(docs: ReadonlyArray<ReadonlyArray<{ speaker: string; tokens: string[] }>>): Int32Array {
  const firstOf = new Map<string, number>();
  const out = new Int32Array(docs.length).fill(-1);
  docs.forEach((turns, i) => {
    // A string key, not a hash: a filter must never drop a conversation for a collision.
    const key = JSON.stringify(turns.map((t) => [t.speaker, t.tokens.join(' ')]));
    const first = firstOf.get(key);
    if (first === undefined) firstOf.set(key, i);
    else out[i] = first;
  });
  return out;
}

/** For each document, the earliest document of its near-duplicate cluster when that is another one, or -1. */
export function nearDuplicateOf(docs: ReadonlyArray<ReadonlyArray<{ tokens: string[] }>>, threshold: number): Int32Array {
  const index = new NearDuplicateIndex(threshold);
  let buf = new Uint32Array(1024);
  for (const turns of docs) {
    const length = turns.reduce((a, t) => a + t.tokens.length, 0);
    if (length > buf.length) buf = new Uint32Array(length * 2);
    let k = 0;
    // Same token hashes as validate/conversations feeds the index, so both see the same near-copies.
    for (const t of turns) for (const tok of t.tokens) buf[k++] = hashString(tok, 0);
    index.add(buf, length);
  }
  const firsts = index.clusterFirsts();
  return Int32Array.from(docs, (_, i) => (i < firsts.length && (firsts[i] as number) !== i ? (firsts[i] as number) : -1));
}
