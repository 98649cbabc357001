// Which state folder a read-only command reads when none is named: ./.genesis, else the one found below the working folder.
import { existsSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { DB_FILE } from '../store/db.js';
import { InputError } from '../util/errors.js';

/** How deep below the working folder to look (pipelines/.genesis is 1; a project's examples/x/.genesis is 2). */
const DEPTH = 3;
const SKIP = new Set(['node_modules', '.git', 'dist', 'out']);

export interface FoundState {
  dir: string;
  /** Whether the folder holds a state database (read-only commands create nothing). */
  exists: boolean;
  /** Said to the user when the folder was found by looking below the working folder. */
  note?: string;
}

export function findStateDir(override: string | undefined): FoundState {
  if (override) return { dir: resolve(override), exists: existsSync(join(resolve(override), DB_FILE)) };
  const here = resolve('.genesis');
  if (existsSync(join(here, DB_FILE))) return { dir: here, exists: true };
  const found = statesBelow(process.cwd(), DEPTH);
  if (found.length === 1) return { dir: found[0]!, exists: true, note: `reading ${show(found[0]!)} (no .genesis here; it is the only state folder below)` };
  if (found.length > 1) {
    const shown = found.slice(0, 5).map(show).join(', ') + (found.length > 5 ? ` and ${found.length - 5} more` : '');
    throw new InputError(`no .genesis here, and ${found.length} state folders below: ${shown}; choose one with --pipeline FILE or --state-dir DIR`);
  }
  return { dir: here, exists: false };
}

function statesBelow(dir: string, depth: number): string[] {
  if (depth === 0) return [];
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const e of entries) {
    if (!e.isDirectory() || SKIP.has(e.name)) continue;
    const p = join(dir, e.name);
    if (e.name === '.genesis') {
      if (existsSync(join(p, DB_FILE)) && p !== resolve('.genesis')) out.push(p);
    } else if (!e.name.startsWith('.')) out.push(...statesBelow(p, depth - 1));
  }
  return out.sort();
}

export function show(dir: string): string {
  const rel = relative(process.cwd(), dir);
  return rel && !rel.startsWith('..') ? rel : dir;
}
