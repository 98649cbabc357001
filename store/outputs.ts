// Step outputs: a manifest of content-addressed files, stored, materialized for users and verified.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hashJson, type Sha256 } from '../util/hash.js';
import { hashFile, type ObjectStore } from './objects.js';

export interface ManifestEntry {
  path: string;
  sha256: string;
  size: number;
}

export interface Manifest {
  files: ManifestEntry[];
}

/** Marker in a materialized folder recording which output it holds, so a no-op rerun skips copying. */
export const MARKER = '.genesis-output';

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

/** Copies an output's verified objects into `dir`, replacing what was there. Throws CorruptObjectError. */
export function materialize(objects: ObjectStore, manifest: Manifest, hash: string, dir: string): void {
  // Copy into a fresh sibling folder, verifying each copy, then swap it in: a corrupt object fails
  // before the user's folder is touched.
  const staging = `${dir}.genesis-staging`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  try {
    for (const f of manifest.files) objects.copyTo(f.sha256, join(staging, f.path));
  } catch (e) {
    rmSync(staging, { recursive: true, force: true });
    throw e;
  }
  rmSync(dir, { recursive: true, force: true });
  renameSync(staging, dir);
  writeFileSync(join(dir, MARKER), `${hash}\n`);
}

/** True when `dir` holds exactly the manifest's bytes (hashing each file: used before a dependant reads). */
export function verifyMaterialized(manifest: Manifest, dir: string): boolean {
  const present = listFiles(dir);
  if (present.length !== manifest.files.length) return false;
  for (const f of manifest.files) {
    try {
      if (hashFile(join(dir, f.path)).hash !== f.sha256) return false;
    } catch {
      return false;
    }
  }
  return true;
}
