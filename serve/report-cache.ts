// The report view is rebuilt only when what it is built from changed: the pipeline file or its state database.
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { DB_FILE } from '../store/db.js';
import type { PipelineEntry } from './workspace.js';

/** What the report of `e` depends on, as an HTTP entity tag: size and modification time of every file it reads. */
export function reportTag(e: PipelineEntry): string {
  // The database's WAL and its shared memory change on every commit, before a checkpoint touches the main file.
  const files = [e.file, ...['', '-wal'].map((s) => join(e.stateDir, DB_FILE + s))];
  const stamp = files.map((f) => {
    try {
      const s = statSync(f, { bigint: true });
      // Opening the database read-only (as the report does) leaves an empty WAL behind: the same state as none.
      return s.size === 0n ? '-' : `${s.size}:${s.mtimeNs}`;
    } catch {
      return '-';
    }
  });
  return `"${createHash('sha256').update(stamp.join('|')).digest('hex').slice(0, 20)}"`;
}

/** The last page built per pipeline, with the tag it was built under (objects are content-addressed: never stale). */
export class ReportCache {
  private readonly pages = new Map<string, { tag: string; html: string }>();

  async get(e: PipelineEntry, build: () => Promise<string>): Promise<{ tag: string; html: string }> {
    const tag = reportTag(e);
    const hit = this.pages.get(e.key);
    if (hit?.tag === tag) return hit;
    const html = await build();
    // A run that committed while the page was built would otherwise be hidden under the older tag.
    const entry = { tag: reportTag(e) === tag ? tag : '"rebuild"', html };
    this.pages.set(e.key, entry);
    return entry;
  }
}
