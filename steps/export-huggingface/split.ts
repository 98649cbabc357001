// Train/test splits for an export: parsed from `train=0.9,test=0.1`, stratified by a label, seeded and deterministic.
import { createRng } from '../../util/rng.js';

export interface SplitShare {
  name: string;
  fraction: number;
}

export const DEFAULT_SPLITS: readonly SplitShare[] = [
  { name: 'train', fraction: 0.9 },
  { name: 'test', fraction: 0.1 },
];

// The names the `datasets` library accepts for a split (it rejects anything outside \w+).
const SPLIT_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

/** `train=0.9,test=0.1` → shares, or the problem with it (a message for the user, no exception). */
export function parseSplits(spec: string): { splits: SplitShare[] } | { problem: string } {
  const splits: SplitShare[] = [];
  for (const part of spec.split(',').map((p) => p.trim())) {
    const m = /^([^=\s]+)=([0-9.]+)$/.exec(part);
    if (!m) return { problem: `"${part}" is not name=fraction (e.g. train=0.9,test=0.1)` };
    const [, name, value] = m as unknown as [string, string, string];
    if (!SPLIT_NAME.test(name)) return { problem: `split name "${name}" must be letters, digits and _ (starting with a letter)` };
    if (splits.some((s) => s.name === name)) return { problem: `split "${name}" is given twice` };
    const fraction = Number(value);
    if (!(fraction > 0 && fraction <= 1)) return { problem: `split "${name}": the fraction must be in (0, 1], not ${value}` };
    splits.push({ name, fraction });
  }
  const sum = splits.reduce((a, s) => a + s.fraction, 0);
  if (Math.abs(sum - 1) > 1e-6) return { problem: `the fractions add up to ${+sum.toFixed(6)}, not 1` };
  return { splits };
}

/**
 * Assigns each record index to a split: within each label, a seeded shuffle, then counts by largest remainder, and
 * every split given at least one record of the label when the label has as many records as there are splits (a test
 * split without some intent cannot measure it). Indices come back in record order, so output order is the input's.
 */
export function stratifiedSplit(labels: readonly string[], splits: readonly SplitShare[], seed: number): Map<string, number[]> {
  const byLabel = new Map<string, number[]>();
  labels.forEach((l, i) => {
    const list = byLabel.get(l);
    if (list) list.push(i);
    else byLabel.set(l, [i]);
  });
  const out = new Map<string, number[]>(splits.map((s) => [s.name, []]));
  for (const label of [...byLabel.keys()].sort()) {
    const members = createRng(seed, 'export-split', label).shuffle([...byLabel.get(label)!]);
    const counts = allocate(members.length, splits);
    let at = 0;
    splits.forEach((s, k) => {
      out.get(s.name)!.push(...members.slice(at, at + counts[k]!));
      at += counts[k]!;
    });
  }
  for (const list of out.values()) list.sort((a, b) => a - b);
  return out;
}

/** How many of n records each split gets: largest remainder (ties to the earlier split), then none left empty if n allows. */
export function allocate(n: number, splits: readonly SplitShare[]): number[] {
  const exact = splits.map((s) => s.fraction * n);
  const counts = exact.map(Math.floor);
  const order = exact.map((x, k) => ({ k, rem: x - Math.floor(x) })).sort((a, b) => b.rem - a.rem || a.k - b.k);
  for (let left = n - counts.reduce((a, c) => a + c, 0), i = 0; left > 0; left--, i++) counts[order[i % order.length]!.k]!++;
  if (n >= splits.length) {
    for (let k = 0; k < counts.length; k++) {
      if (counts[k] !== 0) continue;
      const donor = counts.indexOf(Math.max(...counts));
      counts[donor]!--;
      counts[k] = 1;
    }
  }
  return counts;
}
