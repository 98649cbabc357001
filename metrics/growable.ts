// Append-only typed arrays: per-document sketch state at a few bytes each instead of JS objects.

type TypedCtor<T> = new (n: number) => T;

export class Growable<T extends Uint8Array | Uint32Array | Float64Array> {
  data: T;
  length = 0;
  constructor(private readonly ctor: TypedCtor<T>, initial = 1024) {
    this.data = new ctor(initial);
  }
  /** Makes room for `n` more elements and returns the offset to write them at. */
  reserve(n: number): number {
    const need = this.length + n;
    if (need > this.data.length) {
      let cap = this.data.length * 2;
      while (cap < need) cap *= 2;
      const next = new this.ctor(cap);
      next.set(this.data as never);
      this.data = next;
    }
    const at = this.length;
    this.length = need;
    return at;
  }
  push(v: number): void {
    const at = this.reserve(1);
    this.data[at] = v;
  }
  view(): T {
    return this.data.subarray(0, this.length) as T;
  }
}
