// The state database: better-sqlite3 in WAL mode, migrated to the latest schema on open.
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError } from '../util/errors.js';
import { LATEST_VERSION, MIGRATIONS } from './migrations.js';

export type Db = Database.Database;

export const DB_FILE = 'state.db';

export function openDb(stateDir: string, opts: { readonly?: boolean } = {}): Db {
  mkdirSync(stateDir, { recursive: true });
  const db = new Database(join(stateDir, DB_FILE), { readonly: opts.readonly ?? false, timeout: 10_000 });
  if (!opts.readonly) {
    db.pragma('journal_mode = WAL');
    // NORMAL in WAL mode survives a killed process (not power loss) at a fraction of FULL's cost.
    db.pragma('synchronous = NORMAL');
  }
  db.pragma('foreign_keys = ON');
  if (!opts.readonly) migrate(db, stateDir);
  else if ((db.pragma('user_version', { simple: true }) as number) < LATEST_VERSION) {
    // A read-only reader (report, serve) never migrates the user's database; it reads a migrated private copy.
    db.close();
    return openDbCopy(stateDir);
  }
  return db;
}

/**
 * Opens a copy of a state database that can't be opened in place (a read-only file system: SQLite in WAL mode needs
 * to write beside the file even to read), or that is older than this genesis, for read-only commands. The copy, with
 * its WAL, lives in the temp folder, migrated to the latest schema.
 */
export function openDbCopy(stateDir: string): Db {
  const copy = mkdtempSync(join(tmpdir(), 'genesis-ro-'));
  process.once('exit', () => rmSync(copy, { recursive: true, force: true }));
  for (const suffix of ['', '-wal']) {
    const src = join(stateDir, DB_FILE + suffix);
    if (existsSync(src)) copyFileSync(src, join(copy, DB_FILE + suffix));
  }
  const db = new Database(join(copy, DB_FILE), { timeout: 10_000 });
  // An older database is migrated in the copy (the original stays as it is); a newer one is refused, as by migrate.
  migrate(db, stateDir);
  db.pragma('query_only = ON');
  return db;
}

export function migrate(db: Db, where: string): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > LATEST_VERSION) {
    db.close();
    throw new InputError(
      `${join(where, DB_FILE)}: error: state database is version ${current}, newer than this genesis understands (${LATEST_VERSION}); upgrade genesis or use another --state-dir`,
    );
  }
  if (current === LATEST_VERSION) return;
  const upgrade = db.transaction(() => {
    for (const m of MIGRATIONS) if (m.version > current) db.exec(m.sql);
    db.pragma(`user_version = ${LATEST_VERSION}`);
  });
  upgrade.immediate();
}

export function nowIso(): string {
  return new Date().toISOString();
}
