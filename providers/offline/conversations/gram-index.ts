// Which of many probe lists can occur in a text, by their first three characters: a text of 200 characters has 200
// three-character runs, so looking those up beats testing every probe of every rule (paraphrase, dialect wording).

/** For each three-character run (as a number), the rules one of whose probes starts with it; short probes always run. */
export interface GramIndex {
  size: number;
  byGram: ReadonlyMap<number, readonly number[]>;
  always: readonly number[];
}

const gram = (s: string, i: number): number => s.charCodeAt(i) * 4294967296 + s.charCodeAt(i + 1) * 65536 + s.charCodeAt(i + 2);

export function gramIndex(probes: ReadonlyArray<readonly string[]>): GramIndex {
  const byGram = new Map<number, number[]>();
  const always: number[] = [];
  probes.forEach((ps, i) => {
    if (ps.some((p) => p.length < 3)) return void always.push(i);
    for (const p of ps) {
      const g = gram(p, 0);
      const list = byGram.get(g) ?? [];
      if (list[list.length - 1] !== i) list.push(i);
      byGram.set(g, list);
    }
  });
  return { size: probes.length, byGram, always };
}

/**
 * Marks (1) the rules that may match `text`, from rule `from` on: every rule one of whose probes is a substring of
 * it is marked, since that probe's first three characters are then a run of the text.
 */
export function candidatesIn(index: GramIndex, text: string, from = 0): Uint8Array {
  const marks = new Uint8Array(index.size);
  for (const r of index.always) marks[r] = 1;
  for (let i = 0; i + 3 <= text.length; i++) {
    const list = index.byGram.get(gram(text, i));
    if (list) for (const r of list) marks[r] = 1;
  }
  if (from > 0) marks.fill(0, 0, from);
  return marks;
}
