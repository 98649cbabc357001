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
  {
    // The dataset registry (store/registry.ts): versions by content hash, their reports and models, lineage.
    version: 2,
    sql: `
      CREATE TABLE datasets (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        version INTEGER NOT NULL,
        description TEXT,
        content_hash TEXT NOT NULL,
        file_name TEXT NOT NULL,
        record_type TEXT NOT NULL,
        record_count INTEGER NOT NULL,
        schema_version TEXT NOT NULL,
        created_at TEXT NOT NULL,
        run_id TEXT,
        pipeline_file TEXT NOT NULL,
        pipeline_name TEXT NOT NULL,
        pipeline_hash TEXT NOT NULL,
        producer_step TEXT NOT NULL,
        producer_uses TEXT NOT NULL,
        producer_fingerprint TEXT NOT NULL,
        producer_fingerprint_hash TEXT,
        producer_output_hash TEXT NOT NULL,
        provider TEXT,
        model TEXT,
        input_tokens INTEGER NOT NULL DEFAULT 0,
        output_tokens INTEGER NOT NULL DEFAULT 0,
        requests INTEGER NOT NULL DEFAULT 0,
        cost_usd REAL NOT NULL DEFAULT 0,
        seed INTEGER NOT NULL,
        output_path TEXT NOT NULL,
        UNIQUE (name, version),
        UNIQUE (name, content_hash)
      );
      CREATE TABLE dataset_metrics (
        dataset_id INTEGER NOT NULL REFERENCES datasets(id),
        kind TEXT NOT NULL CHECK (kind IN ('quality', 'bias', 'training')),
        step_id TEXT NOT NULL,
        uses TEXT NOT NULL,
        output_hash TEXT NOT NULL,
        metrics TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (dataset_id, kind, step_id, output_hash)
      );
      CREATE TABLE training_runs (
        id INTEGER PRIMARY KEY,
        dataset_id INTEGER NOT NULL REFERENCES datasets(id),
        step_id TEXT NOT NULL,
        uses TEXT NOT NULL,
        model_file TEXT NOT NULL,
        model_hash TEXT NOT NULL,
        params TEXT NOT NULL,
        metrics TEXT NOT NULL,
        output_hash TEXT NOT NULL,
        created_at TEXT NOT NULL,
        UNIQUE (dataset_id, model_hash)
      );
      CREATE TABLE lineage_edges (
        from_kind TEXT NOT NULL,
        from_id TEXT NOT NULL,
        to_kind TEXT NOT NULL,
        to_id TEXT NOT NULL,
        relation TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (from_kind, from_id, to_kind, to_id, relation)
      ) WITHOUT ROWID;
      CREATE INDEX lineage_edges_to ON lineage_edges(to_kind, to_id);
    `,
  },
  {
    // Bedrock batch inference jobs (store/batch-jobs.ts): written before CreateModelInvocationJob and after it, so a
    // rerun re-attaches to its jobs (the name is derived from the item keys; a crash between create and record is
    // found again by listing jobs by name). `item_keys` are the records' ids. No credentials, ever.
    version: 3,
    sql: `
      CREATE TABLE batch_jobs (
        name TEXT PRIMARY KEY,
        model TEXT NOT NULL,
        status TEXT NOT NULL,
        job_arn TEXT,
        input_uri TEXT NOT NULL,
        output_uri TEXT NOT NULL,
        item_keys TEXT NOT NULL,
        record_count INTEGER NOT NULL,
        processed INTEGER NOT NULL DEFAULT 0,
        message TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        collected_at TEXT
      ) WITHOUT ROWID;
      CREATE INDEX batch_jobs_open ON batch_jobs(collected_at);
    `,
  },
  {
    // Batch records apart from on-demand requests: items (store/checkpoints.ts) and datasets (store/registry.ts) said
    // "requests" for both, so a batch-made dataset claimed one on-demand request per record. Rows written before this
    // version keep what they said (a batch record counted as a request); new rows tell them apart.
    version: 4,
    sql: `
      ALTER TABLE items ADD COLUMN batch_records INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE datasets ADD COLUMN batch_records INTEGER NOT NULL DEFAULT 0;
    `,
  },
];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
