// `genesis clean`: garbage-collect objects no longer referenced by recent runs' outputs or the cache.
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { DB_FILE } from '../../store/db.js';
import { join, resolve } from 'node:path';
import { intOption, listOption, parse } from '../args.js';
import type { Io } from '../io.js';
import { loadAnalyzed, stateDirFor, openExistingState } from '../pipeline-state.js';
import { acquireLock } from '../../store/lock.js';
import type { Manifest } from '../../store/outputs.js';
import { reclaimTmp } from '../../store/tmp-space.js';
import type { Db } from '../../store/db.js';
import { ExitCode, InputError } from '../../util/errors.js';
import { describeCheckpoints, dropCheckpoints, findCheckpoints, type StepCheckpoints } from './drop-checkpoints.js';

export const CLEAN_USAGE = 'genesis clean [<pipeline.yaml>] [--state-dir DIR] [--keep-last N] [--drop-checkpoints [--step ID]… [--yes]] [--dry-run]';

export async function cleanCommand(argv: string[], io: Io): Promise<number> {
  const usage = CLEAN_USAGE;
  const { values, positionals } = parse(
    argv,
    {
      'state-dir': { type: 'string' },
      'keep-last': { type: 'string' },
      'drop-checkpoints': { type: 'boolean' },
      step: { type: 'string', multiple: true },
      yes: { type: 'boolean', short: 'y' },
      'dry-run': { type: 'boolean' },
    },
    usage,
  );
  const dry = Boolean(values['dry-run']);
  const steps = listOption(values.step);
  if (steps && !values['drop-checkpoints']) throw new InputError(`--step only narrows --drop-checkpoints\nusage: ${usage}`);
  // Checkpoints are shared by every pipeline using the state folder: dropping needs to know whose.
  if (values['drop-checkpoints'] && !positionals[0]) throw new InputError(`--drop-checkpoints needs the pipeline whose item checkpoints to drop, e.g. genesis clean pipeline.yaml --drop-checkpoints\nusage: ${usage}`);
  const analyzed = positionals[0] ? await loadAnalyzed(positionals[0]) : undefined;
  const stateDir = analyzed ? stateDirFor(analyzed, values['state-dir']) : values['state-dir'] ? resolve(values['state-dir']) : resolve('.genesis');
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
    let found: StepCheckpoints[] = [];
    if (values['drop-checkpoints']) {
      found = await findCheckpoints(analyzed!, db, steps);
      const total = found.reduce((n, f) => n + f.keys.length, 0);
      io.stdout(total ? `item checkpoints of ${analyzed!.pipeline.displayFile} ${dry ? 'that would be dropped' : 'to drop'}:\n${describeCheckpoints(found).join('\n')}` : `no item checkpoints of ${analyzed!.pipeline.displayFile} in ${stateDir}`);
      if (total && !dry && !values.yes && io.confirm && !(await io.confirm(`drop ${total.toLocaleString('en-US')} item checkpoint(s)? A rerun makes (and pays for) them again`))) {
        io.stdout('nothing changed');
        return ExitCode.failed;
      }
    }
    const gc = collectGarbage(db, stateDir, keepLast, dry);
    const dropped = dry ? found.reduce((n, f) => n + f.keys.length, 0) : dropCheckpoints(db, found);
    const compacted = dry ? '' : compact(db, stateDir, io);
    const checkpoints = values['drop-checkpoints'] ? `; ${dropped} item checkpoint(s) ${dry ? 'would be ' : ''}dropped` : '';
    const leftovers = gc.tmpEntries ? ` and ${gc.tmpEntries} temp folder(s) left by killed runs` : '';
    io.stdout(`${dry ? 'would remove' : 'removed'} ${gc.removed} object(s)${leftovers}, ${mb(gc.bytes)}; ${gc.forgotten} cached output(s) forgotten${checkpoints}${compacted}`);
    return 0;
  } finally {
    lock.release();
    store.close();
  }
}

/** Removes objects no kept output references, and forgets the outputs that are not kept. */
function collectGarbage(db: Db, stateDir: string, keepLast: number | undefined, dry: boolean): { removed: number; bytes: number; forgotten: number; tmpEntries: number } {
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
      if (!dry) rmSync(p, { force: true });
    }
  }
  if (!dry) {
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
  const tmp = reclaimTmp(stateDir, { dryRun: dry });
  return { removed, bytes: bytes + tmp.bytes, forgotten: dropOutputs.length, tmpEntries: tmp.entries };
}

/** SQLite keeps deleted rows' pages for reuse: give them back to the disk when there are any. */
function compact(db: Db, stateDir: string, io: Io): string {
  if ((db.pragma('freelist_count', { simple: true }) as number) === 0) return '';
  const before = dbBytes(stateDir);
  io.stderr(`compacting ${join(stateDir, DB_FILE)}…`);
  db.exec('VACUUM');
  db.pragma('wal_checkpoint(TRUNCATE)');
  return `; ${DB_FILE} ${mb(before)} → ${mb(dbBytes(stateDir))}`;
}

function dbBytes(stateDir: string): number {
  let n = 0;
  for (const f of [DB_FILE, `${DB_FILE}-wal`]) {
    try {
      n += statSync(join(stateDir, f)).size;
    } catch {
      // no WAL file: nothing to add
    }
  }
  return n;
}

function mb(bytes: number): string {
  return `${(bytes / 1048576).toFixed(1)} MB`;
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
