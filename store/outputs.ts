// Step outputs: a manifest of content-addressed files, stored, materialized for users and kept as the database says.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { StepFailure } from '../util/errors.js';
import { hashJson, type Sha256 } from '../util/hash.js';
import type { FileHasher } from './file-hashes.js';
import { CorruptObjectError, type ObjectStore } from './objects.js';

export interface ManifestEntry {
  path: string;
  sha256: string;
  size: number;
}

export interface Manifest {
  files: ManifestEntry[];
}

/** Marker in every folder genesis materializes: which output it holds, and that genesis made it (and may replace it). */
export const MARKER = '.genesis-output';

/** A folder at an output's place that genesis did not make: never deleted, the step fails saying so. */
export class ForeignFolderError extends StepFailure {
  constructor(dir: string) {
    super(`${dir} exists and was not made by genesis (it has no ${MARKER} marker), so genesis will not replace it; move it away, or set \`outputs:\` to another folder`);
  }
}

export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const e of readdirSync(rel ? join(dir, rel) : dir, { withFileTypes: true })) {
      const p = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && p !== MARKER) out.push(p);
    }
  };
  if (existsSync(dir)) walk('');
  return out.sort();
}

/** Moves a finished step's files into the object store; returns the manifest and its hash. */
export function storeOutputs(objects: ObjectStore, dir: string): { manifest: Manifest; hash: Sha256 } {
  const files = listFiles(dir).map((path) => {
    const { hash, size } = objects.putFile(join(dir, path));
    return { path, sha256: hash, size };
  });
  const manifest = { files };
  return { manifest, hash: outputHash(manifest) };
}

export function outputHash(manifest: Manifest): Sha256 {
  return hashJson(manifest.files.map((f) => [f.path, f.sha256]));
}

export function readMarker(dir: string): string | undefined {
  try {
    return readFileSync(join(dir, MARKER), 'utf8').trim();
  } catch {
    return undefined;
  }
}

/** Throws ForeignFolderError unless `dir` is absent, empty, or marked as made by genesis. */
export function assertOurs(dir: string): void {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
    if ((e as NodeJS.ErrnoException).code === 'ENOTDIR') throw new ForeignFolderError(dir);
    throw e;
  }
  if (entries.length && !entries.includes(MARKER)) throw new ForeignFolderError(dir);
}

/** Copies an output's verified objects into `dir`, replacing what was there. Throws CorruptObjectError, ForeignFolderError. */
export function materialize(objects: ObjectStore, manifest: Manifest, hash: string, dir: string): void {
  assertOurs(dir);
  // Copy into a fresh sibling folder, verifying each copy, then swap it in: a corrupt object fails
  // before the user's folder is touched. The marker goes in first, so even a killed run's staging folder is ours.
  const staging = `${dir}.genesis-staging`;
  assertOurs(staging);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  writeFileSync(join(staging, MARKER), `${hash}\n`);
  try {
    for (const f of manifest.files) objects.copyTo(f.sha256, join(staging, f.path));
  } catch (e) {
    rmSync(staging, { recursive: true, force: true });
    throw e;
  }
  rmSync(dir, { recursive: true, force: true });
  renameSync(staging, dir);
}

/** Files in `dir` that are not in the manifest. A flat folder holding exactly the expected names costs one readdir. */
function strays(manifest: Manifest, dir: string): string[] {
  const wanted = new Set(manifest.files.map((f) => f.path));
  const names = readdirSync(dir);
  if (names.length === wanted.size + 1 && names.every((n) => n === MARKER || wanted.has(n))) return [];
  return listFiles(dir).filter((p) => !wanted.has(p));
}

/** What syncOutput changed, for the reporter: users must hear that their edits under out/ were put back. */
export interface SyncReport {
  /** The folder held another output (or none): replaced whole. */
  replaced: boolean;
  /** Files edited or deleted since genesis wrote them, copied back from the store. */
  restored: string[];
  /** Files that are not part of the output, removed. */
  removed: string[];
  /** Stored objects found corrupt or missing, stored again from the intact materialized copy. */
  repaired: string[];
}

/**
 * Makes `dir` hold exactly the output's files, cheaply: a folder already marked with this output is checked file by
 * file against the size-and-mtime memo (a stat each; hashed only when changed), and so is each object behind it.
 * Throws CorruptObjectError when a file differs and its object is damaged too (the caller recomputes the step).
 */
export function syncOutput(objects: ObjectStore, hasher: FileHasher, manifest: Manifest, hash: string, dir: string): SyncReport {
  const report: SyncReport = { replaced: false, restored: [], removed: [], repaired: [] };
  if (readMarker(dir) !== hash) {
    materialize(objects, manifest, hash, dir);
    report.replaced = true;
    return report;
  }
  for (const p of strays(manifest, dir)) {
    rmSync(join(dir, p), { force: true });
    report.removed.push(p);
  }
  for (const f of manifest.files) {
    const p = join(dir, f.path);
    const here = hasher.hash(p) === f.sha256;
    if (!objects.intact(f.sha256)) {
      if (!here) throw new CorruptObjectError(f.sha256);
      objects.putFile(p);
      report.repaired.push(f.path);
    } else if (!here) {
      objects.copyTo(f.sha256, p);
      report.restored.push(f.path);
    }
  }
  return report;
}
