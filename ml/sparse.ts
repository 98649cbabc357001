// Compressed sparse rows (CSR): the feature matrix layout the vectorizer produces and the models read.

export interface Csr {
  readonly rows: number;
  readonly cols: number;
  /** Row r's entries are indices/values[indptr[r] .. indptr[r+1]). */
  readonly indptr: Int32Array;
  readonly indices: Int32Array;
  readonly values: Float64Array;
}

/** Appends rows one at a time; growth is amortised so building never copies per row. */
export class CsrBuilder {
  private indptr: number[] = [0];
  private indices = new Int32Array(1024);
  private values = new Float64Array(1024);
  private nnz = 0;

  constructor(private readonly cols: number) {}

  push(indices: ArrayLike<number>, values: ArrayLike<number>, count = indices.length): void {
    this.reserve(this.nnz + count);
    for (let i = 0; i < count; i++) {
      this.indices[this.nnz] = indices[i] as number;
      this.values[this.nnz] = values[i] as number;
      this.nnz++;
    }
    this.indptr.push(this.nnz);
  }

  build(): Csr {
    return {
      rows: this.indptr.length - 1,
      cols: this.cols,
      indptr: Int32Array.from(this.indptr),
      indices: this.indices.slice(0, this.nnz),
      values: this.values.slice(0, this.nnz),
    };
  }

  private reserve(n: number): void {
    if (n <= this.indices.length) return;
    let cap = this.indices.length;
    while (cap < n) cap *= 2;
    const ind = new Int32Array(cap);
    ind.set(this.indices.subarray(0, this.nnz));
    const val = new Float64Array(cap);
    val.set(this.values.subarray(0, this.nnz));
    this.indices = ind;
    this.values = val;
  }
}

/** The rows at the given positions, in that order (for train/validation splits). */
export function selectRows(m: Csr, rows: readonly number[]): Csr {
  const b = new CsrBuilder(m.cols);
  for (const r of rows) {
    const start = m.indptr[r] as number;
    const end = m.indptr[r + 1] as number;
    b.push(m.indices.subarray(start, end), m.values.subarray(start, end));
  }
  return b.build();
}
