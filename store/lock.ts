// A state-folder lock: one `genesis run` at a time; a lock left by a dead process is taken over.
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { GenesisError, ExitCode } from '../util/errors.js';

export interface LockInfo {
  pid: number;
  host: string;
  started: string;
  command: string;
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

export async function acquireLock(stateDir: string, opts: { command: string; timeoutMs: number; onWait?: (h: LockInfo) => void }): Promise<Lock> {
  mkdirSync(stateDir, { recursive: true });
  const path = join(stateDir, 'lock');
  const deadline = Date.now() + opts.timeoutMs;
  let told = false;
  for (;;) {
    const mine: LockInfo = { pid: process.pid, host: hostname(), started: new Date().toISOString(), command: opts.command };
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, JSON.stringify(mine));
      closeSync(fd);
      return {
        release() {
          const holder = readHolder(path);
          if (holder?.pid === process.pid) rmSync(path, { force: true });
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const holder = readHolder(path);
    if (!holder || isStale(holder)) {
      // Dead holder (or a half-written lock file): remove it and race for it again.
      rmSync(path, { force: true });
      continue;
    }
    if (Date.now() >= deadline) throw new LockHeldError(holder, path);
    if (!told) {
      opts.onWait?.(holder);
      told = true;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

function readHolder(path: string): LockInfo | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as LockInfo;
  } catch {
    return undefined;
  }
}

function isStale(h: LockInfo): boolean {
  if (h.host !== hostname()) return false; // can't check another machine's processes
  if (h.pid === process.pid) return false;
  try {
    process.kill(h.pid, 0);
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
