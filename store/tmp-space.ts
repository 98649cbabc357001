// Scratch space under the state folder (.genesis/tmp): one folder per run, owned by its process; debris reclaimed.
import { lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { mayBeAlive } from '../util/alive.js';

const OWNER = '.owner';

export function tmpRoot(stateDir: string): string {
  return join(stateDir, 'tmp');
}

/** Creates the run's scratch folder, recording which process owns it. */
export function claimRunTmp(stateDir: string, runId: string): string {
  const dir = join(tmpRoot(stateDir), runId);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, OWNER), JSON.stringify({ pid: process.pid, host: hostname() }));
  return dir;
}

/**
 * Removes what runs and object writes that are no longer alive left in tmp/ (a killed run leaves its work folders
 * behind). Entries of live processes are kept: a run folder by its owner file, an object's temp file by the pid in
 * its name (`<hash>.<pid>.<random>`). Returns what was removed.
 */
export function reclaimTmp(stateDir: string, opts: { dryRun?: boolean } = {}): { entries: number; bytes: number } {
  const root = tmpRoot(stateDir);
  let names: string[];
  try {
    names = readdirSync(root);
  } catch {
    return { entries: 0, bytes: 0 };
  }
  let entries = 0;
  let bytes = 0;
  for (const name of names) {
    const p = join(root, name);
    if (ownerAlive(p, name)) continue;
    bytes += sizeOf(p);
    entries++;
    if (!opts.dryRun) rmSync(p, { recursive: true, force: true });
  }
  return { entries, bytes };
}

function ownerAlive(p: string, name: string): boolean {
  try {
    const o = JSON.parse(readFileSync(join(p, OWNER), 'utf8')) as { pid: number; host: string };
    return mayBeAlive(o.pid, o.host);
  } catch {
    const pid = /^[0-9a-f]+\.(\d+)\./.exec(name)?.[1];
    return pid !== undefined && mayBeAlive(Number(pid), hostname());
  }
}

/** Bytes in a file or folder tree (symlinks counted as themselves, not followed). */
export function sizeOf(p: string): number {
  let st;
  try {
    st = lstatSync(p);
  } catch {
    return 0;
  }
  if (!st.isDirectory()) return st.size;
  let total = 0;
  for (const name of readdirSync(p)) total += sizeOf(join(p, name));
  return total;
}
