// Exact-duplicate rate over a stream: one 52-bit key per document, sorted once at the end.
import { Growable } from './growable.js';

export class ExactDuplicates {
  private readonly keys = new Growable(Float64Array);

  /** Adds one document's normalised-content key (see hash32.key52). */
  add(key: number): void {
    this.keys.push(key);
  }

  /** Documents that repeat an earlier one, over all documents: (N − distinct) / N. */
  rate(): { documents: number; duplicates: number; rate: number } {
    const sorted = this.keys.view().slice().sort();
    let dups = 0;
    for (let i = 1; i < sorted.length; i++) if (sorted[i] === sorted[i - 1]) dups++;
    const n = sorted.length;
    return { documents: n, duplicates: dups, rate: n === 0 ? 0 : dups / n };
  }
}
