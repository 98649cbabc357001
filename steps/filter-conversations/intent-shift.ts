// How filtering moved the intent distribution, and the warnings for intents it emptied or thinned out.

export interface IntentShift {
  intents: Record<string, { before: number; after: number; removed: number }>;
  emptied: string[];
  belowMin: string[];
  warnings: string[];
}

const count = (xs: readonly string[]) => xs.reduce<Record<string, number>>((m, x) => ((m[x] = (m[x] ?? 0) + 1), m), {});

export function intentShift(before: readonly string[], after: readonly string[], minPerIntent: number): IntentShift {
  const b = count(before);
  const a = count(after);
  const intents: IntentShift['intents'] = {};
  for (const name of Object.keys(b).sort()) intents[name] = { before: b[name] as number, after: a[name] ?? 0, removed: (b[name] as number) - (a[name] ?? 0) };
  const emptied = Object.keys(intents).filter((k) => intents[k]?.after === 0);
  const belowMin = Object.keys(intents).filter((k) => (intents[k]?.after as number) > 0 && (intents[k]?.after as number) < minPerIntent);
  // Generation is checkpointed per item: a larger count makes only the new items, so topping up is cheap.
  const topUp = 'raise `count` on the generate step and rerun: only the missing items are generated';
  const warnings: string[] = [];
  if (emptied.length > 0) warnings.push(`filtering emptied ${emptied.length} intent(s): ${emptied.slice(0, 10).join(', ')}${emptied.length > 10 ? ', …' : ''}; ${topUp}`);
  if (belowMin.length > 0) {
    const shown = belowMin.slice(0, 10).map((k) => `${k} (${intents[k]?.after})`).join(', ');
    warnings.push(`${belowMin.length} intent(s) kept fewer than min_per_intent (${minPerIntent}) conversations: ${shown}${belowMin.length > 10 ? ', …' : ''}; ${topUp}`);
  }
  return { intents, emptied, belowMin, warnings };
}
