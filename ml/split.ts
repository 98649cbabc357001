// Stratified train/test split: every class keeps (about) the same share in both parts, drawn from a seed.
import { createRng } from '../util/rng.js';

export interface Split {
  /** Row positions, ascending. */
  train: number[];
  test: number[];
}

/**
 * Puts round(count * testFraction) rows of each class in test (at least one when a class has two or more rows,
 * so every class is evaluated); classes are visited in sorted order so the result depends only on (labels, seed).
 */
export function stratifiedSplit(labels: readonly string[], testFraction: number, seed: number): Split {
  if (!(testFraction >= 0 && testFraction < 1)) throw new RangeError(`testFraction must be in [0, 1), got ${testFraction}`);
  const byClass = new Map<string, number[]>();
  labels.forEach((l, i) => {
    const rows = byClass.get(l);
    if (rows) rows.push(i);
    else byClass.set(l, [i]);
  });
  const train: number[] = [];
  const test: number[] = [];
  for (const label of [...byClass.keys()].sort()) {
    const rows = byClass.get(label) as number[];
    createRng(seed, 'stratified-split', label).shuffle(rows);
    let nTest = Math.round(rows.length * testFraction);
    if (testFraction > 0 && nTest === 0 && rows.length >= 2) nTest = 1;
    if (nTest >= rows.length) nTest = rows.length - 1;
    test.push(...rows.slice(0, nTest));
    train.push(...rows.slice(nTest));
  }
  return { train: train.sort((a, b) => a - b), test: test.sort((a, b) => a - b) };
}
