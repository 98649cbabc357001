// Seeded reservoir sampling: a uniform, reproducible sample of k items from a stream of unknown length.
import type { Rng } from '../util/rng.js';

export class Reservoir<T> {
  readonly items: T[] = [];
  seen = 0;
  constructor(readonly size: number, private readonly rng: Rng) {}

  /** Offers one item; `make` is called only when the item is kept, so rejected items cost nothing. */
  offer(make: () => T): void {
    this.seen++;
    if (this.items.length < this.size) {
      this.items.push(make());
      return;
    }
    const j = Math.floor(this.rng.next() * this.seen);
    if (j < this.size) this.items[j] = make();
  }
}
