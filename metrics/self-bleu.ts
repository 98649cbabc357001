// Self-BLEU: mean BLEU-4 of each sampled text against all the others (1 = the texts repeat each other).

function ngramCounts(tokens: readonly string[], n: number): Map<string, number> {
  const m = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i++) {
    const g = tokens.slice(i, i + n).join('\u0001');
    m.set(g, (m.get(g) ?? 0) + 1);
  }
  return m;
}

/**
 * Self-BLEU over a sample (BLEU-4, uniform weights, clipped counts against the maximum over the other
 * texts, brevity penalty against the closest other length, epsilon smoothing of zero precisions).
 */
export function selfBleu(texts: readonly string[][], maxN = 4): number {
  if (texts.length < 2) return 0;
  const counts: Array<Array<Map<string, number>>> = texts.map((t) => Array.from({ length: maxN }, (_, k) => ngramCounts(t, k + 1)));
  // Per n-gram, the two largest counts with their owners: "max over the others" in O(1).
  const top: Array<Map<string, { c1: number; d1: number; c2: number }>> = Array.from({ length: maxN }, () => new Map());
  counts.forEach((perN, d) =>
    perN.forEach((m, k) => {
      const t = top[k] as Map<string, { c1: number; d1: number; c2: number }>;
      for (const [g, c] of m) {
        const e = t.get(g);
        if (!e) t.set(g, { c1: c, d1: d, c2: 0 });
        else if (c > e.c1) {
          e.c2 = e.c1;
          e.c1 = c;
          e.d1 = d;
        } else if (c > e.c2) e.c2 = c;
      }
    }),
  );
  const lengths = texts.map((t) => t.length).sort((a, b) => a - b);
  let sum = 0;
  let scored = 0;
  texts.forEach((hyp, d) => {
    if (hyp.length === 0) return;
    let logP = 0;
    for (let k = 0; k < maxN; k++) {
      const m = (counts[d] as Array<Map<string, number>>)[k] as Map<string, number>;
      const t = top[k] as Map<string, { c1: number; d1: number; c2: number }>;
      let match = 0;
      let total = 0;
      for (const [g, c] of m) {
        const e = t.get(g) as { c1: number; d1: number; c2: number };
        const other = e.d1 === d ? e.c2 : e.c1;
        match += Math.min(c, other);
        total += c;
      }
      const p = total === 0 ? 0 : match / total;
      logP += Math.log(p > 0 ? p : 0.1 / Math.max(1, total)) / maxN;
    }
    const ref = closestLength(lengths, hyp.length);
    const bp = hyp.length >= ref ? 1 : Math.exp(1 - ref / hyp.length);
    sum += bp * Math.exp(logP);
    scored++;
  });
  return scored === 0 ? 0 : sum / scored;
}

// The closest length among the other texts (one occurrence of the hypothesis's own length is skipped).
function closestLength(sorted: readonly number[], len: number): number {
  let best = Number.NaN;
  let skipped = false;
  for (const l of sorted) {
    if (l === len && !skipped) {
      skipped = true;
      continue;
    }
    if (Number.isNaN(best) || Math.abs(l - len) < Math.abs(best - len)) best = l;
  }
  return Number.isNaN(best) ? len : best;
}
