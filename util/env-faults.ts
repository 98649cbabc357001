// Faults of the environment — a full disk, a read-only or unwritable state — named with their path, never "internal error".
import { existsSync, mkdirSync, rmdirSync, statfsSync } from 'node:fs';
import { dirname } from 'node:path';
import { ExitCode, GenesisError } from './errors.js';

/** The environment stopped genesis (exit 74): finished steps and checkpoints are kept; fix the cause and rerun. */
export class EnvironmentError extends GenesisError {
  constructor(message: string, readonly code: string) {
    super(message, ExitCode.environment);
  }
}

const FULL = new Set(['ENOSPC', 'EDQUOT', 'SQLITE_FULL']);
const READ_ONLY = new Set(['EROFS', 'SQLITE_READONLY', 'SQLITE_READONLY_DBMOVED', 'SQLITE_READONLY_CANTINIT', 'SQLITE_READONLY_RECOVERY', 'SQLITE_READONLY_ROLLBACK', 'SQLITE_READONLY_CANTLOCK', 'SQLITE_READONLY_DIRECTORY']);
const DENIED = new Set(['EACCES', 'EPERM', 'SQLITE_PERM', 'SQLITE_AUTH']);

function codeOf(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return mkdirCause(err as NodeJS.ErrnoException);
  return typeof code === 'string' ? code : undefined;
}

/**
 * Node's recursive mkdir reports a read-only or full file system as ENOENT. When the parent does exist, one plain
 * mkdir tells the real cause (and the folder it may create is removed again).
 */
function mkdirCause(err: NodeJS.ErrnoException): string {
  if (err.syscall !== 'mkdir' || typeof err.path !== 'string' || !existsSync(dirname(err.path))) return 'ENOENT';
  try {
    mkdirSync(err.path);
    rmdirSync(err.path);
    return 'ENOENT';
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return typeof code === 'string' ? code : 'ENOENT';
  }
}

/** Whether `err` is a fault of the environment rather than of genesis or the user's input. */
export function isEnvironmentFault(err: unknown): boolean {
  if (err instanceof EnvironmentError) return true;
  const code = codeOf(err);
  return code !== undefined && (FULL.has(code) || READ_ONLY.has(code) || DENIED.has(code) || code === 'SQLITE_CANTOPEN' || code.startsWith('SQLITE_IOERR'));
}

/**
 * The fault as the user should read it, or undefined when `err` is not one. File-system errors carry their path;
 * SQLite's don't, so the caller says which database (`where`).
 */
export function environmentFault(err: unknown, where?: string): EnvironmentError | undefined {
  if (err instanceof EnvironmentError) return err;
  if (!isEnvironmentFault(err)) return undefined;
  const code = codeOf(err)!;
  // copyFile and rename fail on their destination, which they report as `dest`.
  const { path, dest } = err as { path?: unknown; dest?: unknown };
  const raw = typeof dest === 'string' ? dest : typeof path === 'string' ? path : where ?? 'the state folder';
  // Name the file the user knows, not genesis's temporary sibling of it (lock.123.ab12.tmp, x.genesis-staging).
  const at = raw.replace(/\.\d+\.[0-9a-f]+\.tmp$|\.genesis-(?:tmp|staging)$/, '');
  const kept = 'finished steps and checkpoints are kept';
  if (FULL.has(code)) return new EnvironmentError(`${at}: error: no space left on the file system holding it (${code}${freeSpace(at)}); free some space and rerun — ${kept}`, code);
  if (READ_ONLY.has(code))
    return new EnvironmentError(`${at}: error: read-only file system (${code}); genesis writes its state and outputs there — make it writable, or give --state-dir a writable folder`, code);
  if (DENIED.has(code)) return new EnvironmentError(`${at}: error: permission denied (${code}); fix its permissions, or give --state-dir a folder you own`, code);
  if (code === 'SQLITE_CANTOPEN') return new EnvironmentError(`${at}: error: cannot open the state database (${code}): its folder is missing, unwritable or read-only`, code);
  return new EnvironmentError(`${at}: error: input/output error (${code}); check the disk — ${kept}`, code);
}

/** ", 1.2 MB free" for the file system holding `path` (its nearest existing folder), or nothing when unknown. */
function freeSpace(path: string): string {
  for (let dir = dirname(path); ; dir = dirname(dir)) {
    try {
      const s = statfsSync(dir);
      return `, ${((s.bavail * s.bsize) / 1024 / 1024).toFixed(1)} MB free`;
    } catch {
      if (dir === dirname(dir)) return '';
    }
  }
}
