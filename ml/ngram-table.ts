// Open-addressing table of n-gram terms keyed by UTF-16 code units: a lookup hashes a slice of a buffer, allocating no string.

const FNV_BASIS = 0x811c9dc5;

/** One step of the incremental key hash (FNV-1a over code units): extend a prefix's hash by one code unit. */
export function hashStep(h: number, code: number): number {
  return Math.imul(h ^ code, 0x01000193);
}

export const HASH_START = FNV_BASIS;

// FNV's low bits are weak on short keys; a murmur finaliser spreads them before masking.
function slotOf(h: number, mask: number): number {
  let x = h ^ (h >>> 16);
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  return x & mask;
}

export class NgramTable {
  /** Entry index + 1 per slot; 0 marks an empty slot. */
  private readonly slots: Int32Array;
  private readonly mask: number;
  /** Every key's code units, concatenated; entry e spans codes[start[e] .. start[e] + length[e]). */
  private readonly codes: Uint16Array;
  private readonly start: Int32Array;
  private readonly length: Int32Array;
  private readonly value: Int32Array;

  /** Keys must be distinct; value[i] is returned for keys[i]. */
  constructor(keys: readonly string[], values: readonly number[]) {
    let size = 16;
    while (size < keys.length * 2) size *= 2;
    this.slots = new Int32Array(size);
    this.mask = size - 1;
    let total = 0;
    for (const k of keys) total += k.length;
    this.codes = new Uint16Array(total);
    this.start = new Int32Array(keys.length);
    this.length = new Int32Array(keys.length);
    this.value = Int32Array.from(values);
    let at = 0;
    keys.forEach((k, e) => {
      this.start[e] = at;
      this.length[e] = k.length;
      let h = FNV_BASIS;
      for (let i = 0; i < k.length; i++) {
        const c = k.charCodeAt(i);
        this.codes[at++] = c;
        h = hashStep(h, c);
      }
      let s = slotOf(h, this.mask);
      while (this.slots[s] !== 0) s = (s + 1) & this.mask;
      this.slots[s] = e + 1;
    });
  }

  /** The value of the key buf[from .. from + n), whose hash (hashStep from HASH_START) is h; -1 when absent. */
  find(buf: Uint16Array, from: number, n: number, h: number): number {
    const { slots, mask, codes, start, length } = this;
    for (let s = slotOf(h, mask); ; s = (s + 1) & mask) {
      const e = (slots[s] as number) - 1;
      if (e < 0) return -1;
      if (length[e] !== n) continue;
      const o = start[e] as number;
      let i = 0;
      while (i < n && codes[o + i] === buf[from + i]) i++;
      if (i === n) return this.value[e] as number;
    }
  }

  /** The value of a key given as a string; -1 when absent. */
  get(key: string): number {
    const buf = new Uint16Array(key.length);
    let h = FNV_BASIS;
    for (let i = 0; i < key.length; i++) {
      const c = key.charCodeAt(i);
      buf[i] = c;
      h = hashStep(h, c);
    }
    return this.find(buf, 0, key.length, h);
  }
}
