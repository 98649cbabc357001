// Versions derived at build time from code and shipped files (scripts/build-versions.mjs → dist/code-versions.json).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from './paths.js';

let table: Record<string, { version: string }> | undefined;

/**
 * The content version of a step type (`step:<type>`) or offline generator (`offline/<name>`). No one bumps these:
 * they change whenever the unit's code, anything it imports, or a data file it reads changes.
 */
export function codeVersion(unit: string): string {
  if (!table) {
    const file = join(packageRoot(), 'dist', 'code-versions.json');
    try {
      table = (JSON.parse(readFileSync(file, 'utf8')) as { units: Record<string, { version: string }> }).units;
    } catch (e) {
      // A bug of the installation, not of the user's pipeline: the build writes this file before anything runs.
      throw new Error(`genesis is not built (${file}: ${(e as Error).message}); run \`npm run build\``);
    }
  }
  const v = table[unit]?.version;
  if (v === undefined) throw new Error(`bug: no derived version for ${unit} in dist/code-versions.json; rebuild with \`npm run build\``);
  return v;
}

let pkgVersion: string | undefined;

/** genesis's release (package.json `version`), for what it writes for people to read: dataset cards, not cache keys. */
export function packageVersion(): string {
  pkgVersion ??= (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
  return pkgVersion;
}
