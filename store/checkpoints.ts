// Item-level checkpoints in the state database: finished items survive Ctrl-C, SIGKILL and budget stops.
import type { Checkpoints, ItemCost, ItemRecord, ItemStore } from '../steps/contract.js';
import type { Db } from './db.js';
import { nowIso } from './db.js';
import { dbBatchJobs } from './batch-jobs.js';

/** Cheap items are committed in groups; paid-for items (durable) are committed one by one. */
const GROUP = 1024;

export function dbCheckpoints(db: Db, retryFailed: boolean): Checkpoints & { flushAll(): void; totals(): Required<ItemCost> } {
  const stores = new Map<string, DbItemStore>();
  return {
    retryFailed,
    jobs: dbBatchJobs(db),
    scope(name) {
      let s = stores.get(name);
      if (!s) stores.set(name, (s = new DbItemStore(db, name)));
      return s;
    },
    flushAll() {
      for (const s of stores.values()) s.flush();
    },
    totals() {
      const t = { inputTokens: 0, outputTokens: 0, usd: 0, requests: 0, batchRecords: 0 };
      for (const s of stores.values()) {
        t.inputTokens += s.spent.inputTokens;
        t.outputTokens += s.spent.outputTokens;
        t.usd += s.spent.usd;
        t.requests += s.spent.requests;
        t.batchRecords += s.spent.batchRecords;
      }
      return t;
    },
  };
}

class DbItemStore implements ItemStore {
  private readonly getStmt;
  private readonly upsert;
  /** Rows not yet committed, by key (a Map keeps insertion order for the commit). */
  private pending = new Map<string, unknown[]>();
  readonly spent = { inputTokens: 0, outputTokens: 0, usd: 0, requests: 0, batchRecords: 0 };

  constructor(private readonly db: Db, private readonly scopeName: string) {
    this.getStmt = db.prepare('SELECT key, status, value, error, attempts FROM items WHERE scope = ? AND key = ?');
    this.upsert = db.prepare(`
      INSERT INTO items (scope, key, status, value, error, attempts, input_tokens, output_tokens, usd, requests, batch_records, updated_at)
      VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (scope, key) DO UPDATE SET
        status = excluded.status, value = excluded.value, error = excluded.error, attempts = items.attempts + 1,
        input_tokens = items.input_tokens + excluded.input_tokens, output_tokens = items.output_tokens + excluded.output_tokens,
        usd = items.usd + excluded.usd, requests = items.requests + excluded.requests,
        batch_records = items.batch_records + excluded.batch_records, updated_at = excluded.updated_at`);
  }

  get(key: string): ItemRecord | undefined {
    const pending = this.pending.get(key);
    if (pending) return { key, status: pending[2] as ItemRecord['status'], value: (pending[3] as string) ?? undefined, error: (pending[4] as string) ?? undefined, attempts: 1 };
    const row = this.getStmt.get(this.scopeName, key) as { key: string; status: string; value: string | null; error: string | null; attempts: number } | undefined;
    if (!row) return undefined;
    return { key: row.key, status: row.status as ItemRecord['status'], value: row.value ?? undefined, error: row.error ?? undefined, attempts: row.attempts };
  }

  putDone(key: string, value: string, cost: ItemCost = {}, durable = false): void {
    this.spent.inputTokens += cost.inputTokens ?? 0;
    this.spent.outputTokens += cost.outputTokens ?? 0;
    this.spent.usd += cost.usd ?? 0;
    this.spent.requests += cost.requests ?? 0;
    this.spent.batchRecords += cost.batchRecords ?? 0;
    this.pending.set(key, [this.scopeName, key, 'done', value, null, cost.inputTokens ?? 0, cost.outputTokens ?? 0, cost.usd ?? 0, cost.requests ?? 0, cost.batchRecords ?? 0, nowIso()]);
    if (durable || this.pending.size >= GROUP) this.flush();
  }

  putFailed(key: string, error: string): void {
    this.pending.set(key, [this.scopeName, key, 'failed', null, error, 0, 0, 0, 0, 0, nowIso()]);
    this.flush();
  }

  flush(): void {
    if (!this.pending.size) return;
    const rows = [...this.pending.values()];
    this.pending = new Map();
    this.db.transaction(() => {
      for (const r of rows) this.upsert.run(...r);
    })();
  }
}
