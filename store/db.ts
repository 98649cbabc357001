// The state database: better-sqlite3 in WAL mode, migrated to the latest schema on open.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
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
