// Read-only access to a pipeline's state database for the dashboard: opened per request, never migrated or written.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DB_FILE, openDb, type Db } from '../store/db.js';

/** Runs `read` on the state database, or returns `empty` when nothing has run there yet. */
export function readState<T>(stateDir: string, empty: T, read: (db: Db) => T): T {
  if (!existsSync(join(stateDir, DB_FILE))) return empty;
  const db = openDb(stateDir, { readonly: true });
  try {
    return read(db);
  } catch (e) {
    // The first run creates the database under the lock: for that moment it has no tables yet, so nothing to show.
    if (e instanceof Error && /^no such table/.test(e.message)) return empty;
    throw e;
  } finally {
    db.close();
  }
}
