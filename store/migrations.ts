// Versioned schema of the state database; each entry upgrades the previous version in place.

export const MIGRATIONS: ReadonlyArray<{ version: number; sql: string }> = [
  {
    version: 1,
    sql: `
      CREATE TABLE runs (
        id TEXT PRIMARY KEY,
        pipeline_file TEXT NOT NULL,
        pipeline_name TEXT NOT NULL,
        pipeline_hash TEXT NOT NULL,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        status TEXT NOT NULL,
        options TEXT NOT NULL DEFAULT '{}'
      );
      CREATE INDEX runs_by_file ON runs(pipeline_file, started_at);
      CREATE TABLE step_runs (
        run_id TEXT NOT NULL REFERENCES runs(id),
        step_id TEXT NOT NULL,
        uses TEXT NOT NULL,
        status TEXT NOT NULL,
        fingerprint_hash TEXT,
        output_hash TEXT,
        duration_ms INTEGER,
        summary TEXT,
        metrics TEXT,
        error TEXT,
        PRIMARY KEY (run_id, step_id)
      );
      CREATE TABLE outputs (
        output_hash TEXT PRIMARY KEY,
        manifest TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE TABLE cache (
        fingerprint_hash TEXT PRIMARY KEY,
        output_hash TEXT NOT NULL REFERENCES outputs(output_hash),
        uses TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE TABLE step_state (
        pipeline_file TEXT NOT NULL,
        step_id TEXT NOT NULL,
        fingerprint_hash TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        output_hash TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (pipeline_file, step_id)
      );
      CREATE TABLE items (
        scope TEXT NOT NULL,
        key TEXT NOT NULL,
        status TEXT NOT NULL,
        value TEXT,
        error TEXT,
        attempts INTEGER NOT NULL DEFAULT 1,
        input_tokens INTEGER NOT NULL DEFAULT 0,
        output_tokens INTEGER NOT NULL DEFAULT 0,
        usd REAL NOT NULL DEFAULT 0,
        requests INTEGER NOT NULL DEFAULT 0,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (scope, key)
      ) WITHOUT ROWID;
      CREATE TABLE file_hashes (
        path TEXT PRIMARY KEY,
        size INTEGER NOT NULL,
        mtime_ns TEXT NOT NULL,
        sha256 TEXT NOT NULL
      );
    `,
  },
];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
