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

export class FileHasher {
  private readonly getStmt;
  private readonly putStmt;
  constructor(db: Db | undefined) {
    this.getStmt = db?.prepare('SELECT size, mtime_ns, sha256 FROM file_hashes WHERE path = ?');
    this.putStmt = db?.prepare('INSERT OR REPLACE INTO file_hashes (path, size, mtime_ns, sha256) VALUES (?, ?, ?, ?)');
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
    const row = this.getStmt?.get(path) as { size: number; mtime_ns: string; sha256: string } | undefined;
    if (row && row.size === Number(st.size) && row.mtime_ns === mtime) return row.sha256;
    const sha = hashFile(path).hash;
    this.memo(path, st, sha);
    return sha;
  }

  private memo(path: string, st: { size: bigint; mtimeNs: bigint }, sha: string): void {
    if (BigInt(Date.now()) * 1_000_000n - st.mtimeNs < RACY_NS) return; // hashed again next time, then trusted
    try {
      this.putStmt?.run(path, Number(st.size), st.mtimeNs.toString(), sha);
    } catch {
      // Read-only database (status/why): memoization is optional.
    }
  }
}
