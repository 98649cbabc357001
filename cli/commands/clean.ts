// `genesis clean`: garbage-collect objects no longer referenced by recent runs' outputs or the cache.
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { DB_FILE } from '../../store/db.js';
import { join, resolve } from 'node:path';
import { intOption, parse } from '../args.js';
import type { Io } from '../io.js';
import { loadAnalyzed, stateDirFor, openExistingState } from '../pipeline-state.js';
import { acquireLock } from '../../store/lock.js';
import type { Manifest } from '../../store/outputs.js';
import { reclaimTmp } from '../../store/tmp-space.js';

export async function cleanCommand(argv: string[], io: Io): Promise<number> {
  const usage = 'genesis clean [<pipeline.yaml>] [--state-dir DIR] [--keep-last N] [--drop-checkpoints] [--dry-run]';
  const { values, positionals } = parse(
    argv,
    { 'state-dir': { type: 'string' }, 'keep-last': { type: 'string' }, 'drop-checkpoints': { type: 'boolean' }, 'dry-run': { type: 'boolean' } },
    usage,
  );
  let stateDir = values['state-dir'] ? resolve(values['state-dir']) : resolve('.genesis');
  if (positionals[0]) stateDir = stateDirFor(await loadAnalyzed(positionals[0]), values['state-dir']);
  const keepLast = intOption(values['keep-last'], 'keep-last', 0);
  if (!existsSync(join(stateDir, DB_FILE))) {
    io.stdout(`nothing to clean in ${stateDir}`);
    return 0;
  }
  // Lock first: opening the database may migrate it, which is a write.
  const lock = await acquireLock(stateDir, { command: 'genesis clean', timeoutMs: 0 });
  let store: ReturnType<typeof openExistingState>;
  try {
    store = openExistingState(stateDir)!;
  } catch (e) {
    lock.release();
    throw e;
  }
  try {
    const db = store.db;
    // Keep: the current output of every step, and (with --keep-last N) the outputs of each step's last N runs.
    const keep = new Set<string>((db.prepare('SELECT output_hash FROM step_state').all() as Array<{ output_hash: string }>).map((r) => r.output_hash));
    if (keepLast !== undefined) {
      const rows = db
        .prepare(
          `SELECT output_hash FROM (SELECT s.output_hash, ROW_NUMBER() OVER (PARTITION BY r.pipeline_file, s.step_id ORDER BY r.started_at DESC) AS n
           FROM step_runs s JOIN runs r ON r.id = s.run_id WHERE s.output_hash IS NOT NULL) WHERE n <= ?`,
        )
        .all(keepLast) as Array<{ output_hash: string }>;
      for (const r of rows) keep.add(r.output_hash);
    }
    const liveObjects = new Set<string>();
    const outputs = db.prepare('SELECT output_hash, manifest FROM outputs').all() as Array<{ output_hash: string; manifest: string }>;
    const dropOutputs: string[] = [];
    for (const o of outputs) {
      if (keep.has(o.output_hash)) for (const f of (JSON.parse(o.manifest) as Manifest).files) liveObjects.add(f.sha256);
      else dropOutputs.push(o.output_hash);
    }
    const objectsDir = join(stateDir, 'objects');
    let removed = 0;
    let bytes = 0;
    const removedPaths: string[] = [];
    for (const prefix of safeList(objectsDir)) {
      for (const rest of safeList(join(objectsDir, prefix))) {
        const hash = prefix + rest;
        if (liveObjects.has(hash)) continue;
        const p = join(objectsDir, prefix, rest);
        bytes += statSync(p).size;
        removed++;
        removedPaths.push(p);
        if (!values['dry-run']) rmSync(p, { force: true });
      }
    }
    if (!values['dry-run']) {
      db.transaction(() => {
        const delCache = db.prepare('DELETE FROM cache WHERE output_hash = ?');
        const delOut = db.prepare('DELETE FROM outputs WHERE output_hash = ?');
        for (const h of dropOutputs) {
          delCache.run(h);
          delOut.run(h);
        }
        // Their size-and-mtime memo rows would only grow the memo every run reads.
        const delMemo = db.prepare('DELETE FROM file_hashes WHERE path = ?');
        for (const p of removedPaths) delMemo.run(p);
      })();
      // Cached validated pipelines are rebuilt on the next run; old ones would only accumulate.
      rmSync(join(stateDir, 'pipelines'), { recursive: true, force: true });
    }
    // What killed runs left in tmp/ counts in the size reported (it can be most of it).
    const tmp = reclaimTmp(stateDir, { dryRun: values['dry-run'] });
    bytes += tmp.bytes;
    let checkpoints = '';
    if (values['drop-checkpoints']) {
      // Item checkpoints are what resuming and top-ups reuse; dropping them means paying again for LLM items.
      const n = (db.prepare('SELECT COUNT(*) AS n FROM items').get() as { n: number }).n;
      if (!values['dry-run']) db.prepare('DELETE FROM items').run();
      checkpoints = `; ${n} item checkpoint(s) ${values['dry-run'] ? 'would be ' : ''}dropped`;
    }
    const leftovers = tmp.entries ? ` and ${tmp.entries} temp folder(s) left by killed runs` : '';
    io.stdout(`${values['dry-run'] ? 'would remove' : 'removed'} ${removed} object(s)${leftovers}, ${(bytes / 1048576).toFixed(1)} MB; ${dropOutputs.length} cached output(s) forgotten${checkpoints}`);
    return 0;
  } finally {
    lock.release();
    store.close();
  }
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
