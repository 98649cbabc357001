// Where the package's own files (schemas/, data/) live, whether run from source (vitest) or dist/.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/** The folder holding genesis's package.json. */
export function packageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'package.json');
    if (existsSync(candidate) && /"name":\s*"genesis-lab"/.test(readFileSync(candidate, 'utf8'))) return (root = dir);
    const parent = dirname(dir);
    if (parent === dir) throw new Error('genesis package root not found');
    dir = parent;
  }
}

/** Absolute path of a file shipped with the package, e.g. dataPath('intents.json'). */
export function dataPath(...parts: string[]): string {
  return join(packageRoot(), 'data', ...parts);
}

export function schemaPath(name: string): string {
  return join(packageRoot(), 'schemas', name);
}

const jsonCache = new Map<string, unknown>();

/** Reads and caches a JSON file shipped under data/. */
export function loadData<T>(...parts: string[]): T {
  const p = dataPath(...parts);
  let v = jsonCache.get(p);
  if (v === undefined) {
    v = JSON.parse(readFileSync(p, 'utf8'));
    jsonCache.set(p, v);
  }
  return v as T;
}
