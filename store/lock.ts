// A state-folder lock: one `genesis run` at a time; taking it, and taking over a dead holder's, are atomic.
import { createHash, randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { mayBeAlive } from '../util/alive.js';
import { GenesisError, ExitCode } from '../util/errors.js';

export interface LockInfo {
  pid: number;
  host: string;
  started: string;
  command: string;
  /** Makes two records of the same process distinct, so a takeover can tell "still the dead one" from "a new one". */
  nonce?: string;
}

export class LockHeldError extends GenesisError {
  constructor(readonly holder: LockInfo, lockPath: string) {
    super(
      `${lockPath}: another genesis process holds the state lock (pid ${holder.pid} on ${holder.host}, since ${holder.started}: ${holder.command}); wait for it to finish or stop it`,
      ExitCode.resumable,
    );
  }
}

export interface Lock {
  release(): void;
}

/** A lock file that can't be parsed is one being written by an older genesis; past this age it is debris. */
const UNREADABLE_STALE_MS = 5000;

export async function acquireLock(
  stateDir: string,
  opts: { command: string; timeoutMs: number; onWait?: (h: LockInfo) => void; pollMs?: number },
): Promise<Lock> {
  mkdirSync(stateDir, { recursive: true });
  const path = join(stateDir, 'lock');
  const body = JSON.stringify({ pid: process.pid, host: hostname(), started: new Date().toISOString(), command: opts.command, nonce: randomBytes(8).toString('hex') } satisfies LockInfo);
  const deadline = Date.now() + opts.timeoutMs;
  let told = false;
  for (;;) {
    const r = tryTake(path, body, 0);
    if (r.kind === 'taken') return { release: () => releaseIf(path, body) };
    if (r.kind === 'again') continue;
    // A takeover in progress elsewhere finishes in microseconds: look again soon, and don't report a dead holder.
    // (One stuck for seconds means its process is stopped: then report the record it was replacing.)
    const takingOver = r.kind === 'takeover-elsewhere';
    if (Date.now() >= deadline + (takingOver ? 2000 : 0)) throw new LockHeldError(r.holder, path);
    if (!told && !takingOver) {
      opts.onWait?.(r.holder);
      told = true;
    }
    await new Promise((res) => setTimeout(res, takingOver ? 5 : opts.pollMs ?? 200));
  }
}

/** Who holds the state lock now (a dead holder's record counts as free): for a caller that must refuse rather than wait. */
export function lockHolder(stateDir: string): LockInfo | undefined {
  const cur = readCurrent(join(stateDir, 'lock'));
  if (!cur || isStale(cur)) return undefined;
  return cur.info ?? { pid: 0, host: '?', started: new Date(cur.mtimeMs).toISOString(), command: '(lock file being written)' };
}

type Attempt = { kind: 'taken' } | { kind: 'again' } | { kind: 'held'; holder: LockInfo } | { kind: 'takeover-elsewhere'; holder: LockInfo };

interface Current {
  /** Identity of this particular lock record (its bytes, plus mtime when unreadable). */
  generation: string;
  info?: LockInfo;
  mtimeMs: number;
}

/**
 * One attempt. A free lock is taken by hard-linking a complete temp file into place (never an empty file visible).
 * A dead holder's lock is replaced only by the one process that wins the takeover marker of that exact record
 * (itself taken the same way, recursively), which checks the record is unchanged and renames its own over it.
 */
function tryTake(path: string, body: string, depth: number): Attempt {
  if (publish(path, body)) return { kind: 'taken' };
  const cur = readCurrent(path);
  if (!cur) return { kind: 'again' }; // released between our link and our read
  const holder = cur.info ?? { pid: 0, host: '?', started: new Date(cur.mtimeMs).toISOString(), command: '(lock file being written)' };
  if (!isStale(cur)) return { kind: 'held', holder };
  if (depth >= 3) return { kind: 'takeover-elsewhere', holder };
  const marker = `${path}.takeover-${cur.generation.slice(0, 24)}`;
  const m = tryTake(marker, body, depth + 1);
  if (m.kind === 'again') return m;
  if (m.kind !== 'taken') return { kind: 'takeover-elsewhere', holder };
  try {
    // Only the marker's holder may replace this record, so if it is still there it stays until our rename.
    if (readCurrent(path)?.generation !== cur.generation) return { kind: 'again' };
    renameSync(tempBeside(path, body), path);
    return { kind: 'taken' };
  } finally {
    rmSync(marker, { force: true });
  }
}

/** Creates `path` with `body` unless it exists: link(2) of a finished temp file, so readers never see it half-written. */
function publish(path: string, body: string): boolean {
  const tmp = tempBeside(path, body);
  try {
    linkSync(tmp, path);
    return true;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP') throw e;
    // No hard links on this file system: exclusive create; a reader treats a partial file as held, not stale.
    try {
      writeFileSync(path, body, { flag: 'wx' });
      return true;
    } catch (e2) {
      if ((e2 as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw e2;
    }
  } finally {
    rmSync(tmp, { force: true });
  }
}

function tempBeside(path: string, body: string): string {
  const tmp = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  writeFileSync(tmp, body, { flag: 'wx' });
  return tmp;
}

function readCurrent(path: string): Current | undefined {
  let raw: string;
  let mtimeMs: number;
  try {
    raw = readFileSync(path, 'utf8');
    mtimeMs = statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
  let info: LockInfo | undefined;
  try {
    const v = JSON.parse(raw) as LockInfo;
    if (typeof v?.pid === 'number' && typeof v.host === 'string') info = v;
  } catch {
    // partial or foreign content: judged by its age (isStale)
  }
  const generation = createHash('sha256').update(info ? raw : `${raw}\u0000${mtimeMs}`).digest('hex');
  return { generation, info, mtimeMs };
}

function releaseIf(path: string, body: string): void {
  // Nobody replaces a live holder's record, so if it is ours now it stays ours until we remove it.
  try {
    if (readFileSync(path, 'utf8') === body) rmSync(path, { force: true });
  } catch {
    // already gone
  }
}

function isStale(c: Current): boolean {
  if (!c.info) return Date.now() - c.mtimeMs > UNREADABLE_STALE_MS;
  return !mayBeAlive(c.info.pid, c.info.host);
}
