// Bench helpers: write a pipeline into a fresh temp dir and run `genesis run --json` on it, failing the bench loudly.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** A new temp dir holding `p.yaml` with the given text. */
export function tempPipeline(prefix, yaml) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const file = join(dir, 'p.yaml');
  writeFileSync(file, yaml);
  return { dir, file };
}

/** Runs `genesis run FILE --json ...args` synchronously; exits the bench with genesis's stderr on failure. Returns the steps by id. */
export function runJson(file, args = []) {
  const r = spawnSync(process.execPath, [join(root, 'bin/genesis.js'), 'run', file, '--json', ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) {
    console.error(r.stderr);
    process.exit(1);
  }
  return Object.fromEntries(JSON.parse(r.stdout).steps.map((s) => [s.id, s]));
}
