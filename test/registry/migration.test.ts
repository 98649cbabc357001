// The registry's schema upgrade: a version-1 database keeps its rows; a newer database is refused.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../store/db.js';
import { LATEST_VERSION, MIGRATIONS } from '../../store/migrations.js';
import { runCli, tempDir } from '../helpers/cli.js';

function v1Database(): string {
  const dir = join(tempDir(), '.genesis');
  mkdirSync(dir);
  const db = new Database(join(dir, 'state.db'));
  db.exec(MIGRATIONS.find((m) => m.version === 1)!.sql);
  db.pragma('user_version = 1');
  db.prepare("INSERT INTO runs (id, pipeline_file, pipeline_name, pipeline_hash, started_at, finished_at, status) VALUES ('r1', '/p.yaml', 'old', 'h', '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:01.000Z', 'succeeded')").run();
  db.prepare("INSERT INTO items (scope, key, status, value, updated_at) VALUES ('conversations', 'k', 'done', '{}', '2024-01-01')").run();
  db.close();
  return dir;
}

describe('state database migration', () => {
  it('upgrades a version-1 database in place and keeps its rows', () => {
    const dir = v1Database();
    const db = openDb(dir);
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
      expect(LATEST_VERSION).toBeGreaterThanOrEqual(2);
      expect(db.prepare('SELECT id, pipeline_name AS name FROM runs').all()).toEqual([{ id: 'r1', name: 'old' }]);
      expect(db.prepare('SELECT key FROM items').all()).toEqual([{ key: 'k' }]);
      const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>).map((t) => t.name);
      expect(tables).toEqual(expect.arrayContaining(['datasets', 'dataset_metrics', 'training_runs', 'lineage_edges']));
    } finally {
      db.close();
    }
  });

  it('a version-3 database gains batch_records, and its rows keep what they said', () => {
    const dir = join(tempDir(), '.genesis');
    mkdirSync(dir);
    const raw = new Database(join(dir, 'state.db'));
    for (const m of MIGRATIONS.filter((x) => x.version <= 3)) raw.exec(m.sql);
    raw.pragma('user_version = 3');
    raw.prepare("INSERT INTO items (scope, key, status, value, requests, updated_at) VALUES ('conversations', 'k', 'done', '{}', 7, '2024-01-01')").run();
    raw.close();
    const db = openDb(dir);
    try {
      expect(db.prepare('SELECT requests, batch_records AS batchRecords FROM items').all()).toEqual([{ requests: 7, batchRecords: 0 }]);
      const cols = (db.prepare("SELECT name FROM pragma_table_info('datasets')").all() as Array<{ name: string }>).map((c) => c.name);
      expect(cols).toContain('batch_records');
    } finally {
      db.close();
    }
  });

  it('the upgraded database serves the old runs and an empty registry through the CLI', async () => {
    const dir = v1Database();
    const runs = await runCli(['runs', '--state-dir', dir, '--json']);
    expect(runs.code, runs.stderr).toBe(0);
    expect((JSON.parse(runs.stdout) as Array<{ id: string }>).map((r) => r.id)).toEqual(['r1']);
    expect(JSON.parse((await runCli(['datasets', '--json', '--state-dir', dir])).stdout)).toEqual([]);
  });

  it('enforces one version per content and per number for a name', () => {
    const db = openDb(join(tempDir(), '.genesis'));
    try {
      const insert = db.prepare(
        "INSERT INTO datasets (name, version, content_hash, file_name, record_type, record_count, schema_version, created_at, pipeline_file, pipeline_name, pipeline_hash, producer_step, producer_uses, producer_fingerprint, producer_output_hash, seed, output_path) VALUES (?, ?, ?, 'f', 'conversation', 1, '1', 'now', 'p', 'n', 'h', 's', 'u', '{}', 'o', 1, 'x')",
      );
      insert.run('a', 1, 'h1');
      expect(() => insert.run('a', 2, 'h1')).toThrow(/UNIQUE/);
      expect(() => insert.run('a', 1, 'h2')).toThrow(/UNIQUE/);
      expect(() => insert.run('b', 1, 'h1')).not.toThrow();
    } finally {
      db.close();
    }
  });

  it('refuses a database from a newer genesis with exit 2 and says why', async () => {
    const dir = join(tempDir(), '.genesis');
    mkdirSync(dir);
    const db = new Database(join(dir, 'state.db'));
    db.pragma('user_version = 99');
    db.close();
    for (const args of [['datasets'], ['lineage', 'support']]) {
      const r = await runCli([...args, '--state-dir', dir]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/state database is version 99, newer than this genesis understands \(\d+\); upgrade genesis or use another --state-dir/);
    }
  });
});
