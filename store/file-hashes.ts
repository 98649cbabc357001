// Content hashes of files (inputs, referenced datasets, materialized outputs, objects), memoized by size and mtime.
import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { hashFile } from './hash-file.js';
import type { Db } from './db.js';

/**
 * A memo entry is trusted only for a file whose mtime was at least this far in the past when it was hashed: an edit
 * within the file system's timestamp granularity (up to 2 s on some) could otherwise keep the same size and mtime.
 */
const RACY_NS = 2_000_000_000n;

interface Memo {
  size: number;
  mtime_ns: string;
  sha256: string;
}

export class FileHasher {
  private readonly putStmt;
  /** The whole memo, read in one query on first use: a no-op run checks every output file and object, one get each was most of its cost. */
  private memos: Map<string, Memo> | undefined;
  constructor(private readonly db: Db | undefined) {
    this.putStmt = db?.prepare('INSERT OR REPLACE INTO file_hashes (path, size, mtime_ns, sha256) VALUES (?, ?, ?, ?)');
  }

  private memo(path: string): Memo | undefined {
    if (!this.db) return undefined;
    if (!this.memos) {
      const rows = this.db.prepare('SELECT path, size, mtime_ns, sha256 FROM file_hashes').all() as Array<Memo & { path: string }>;
      this.memos = new Map(rows.map((r) => [r.path, r]));
    }
    return this.memos.get(path);
  }

  /** sha256 of a file, or of a folder's sorted (path, hash) list; `missing` when it doesn't exist. */
  hash(path: string): string {
    let st;
    try {
      st = statSync(path, { bigint: true });
    } catch {
      return 'missing';
    }
    if (st.isDirectory()) {
      const entries = readdirSync(path).sort().map((name) => `${name}:${this.hash(join(path, name))}`);
      return createHash('sha256').update(entries.join('\n')).digest('hex');
    }
    const mtime = st.mtimeNs.toString();
    const row = this.memo(path);
    if (row && row.size === Number(st.size) && row.mtime_ns === mtime) return row.sha256;
    const sha = hashFile(path).hash;
    this.remember(path, { size: Number(st.size), mtime_ns: mtime, sha256: sha }, st.mtimeNs);
    return sha;
  }

  private remember(path: string, m: Memo, mtimeNs: bigint): void {
    if (BigInt(Date.now()) * 1_000_000n - mtimeNs < RACY_NS) return; // hashed again next time, then trusted
    this.memos?.set(path, m);
    try {
      this.putStmt?.run(path, m.size, m.mtime_ns, m.sha256);
    } catch {
      // Read-only database (status/why): memoization is optional.
    }
  }
}
