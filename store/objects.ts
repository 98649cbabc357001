// Content-addressed object store: files by sha256, written atomically, verified on every read.
import { isEnvironmentFault } from '../util/env-faults.js';
import { closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import type { Sha256 } from '../util/hash.js';
import type { FileHasher } from './file-hashes.js';
import { hashFile } from './hash-file.js';

export class CorruptObjectError extends Error {
  constructor(readonly hash: string) {
    super(`object ${hash} is corrupt or missing`);
  }
}

export class ObjectStore {
  readonly root: string;
  private readonly tmp: string;
  /** With a memo (size, mtime), "is this object intact?" is a stat unless the object changed. */
  constructor(stateDir: string, private readonly hasher?: FileHasher) {
    this.root = join(stateDir, 'objects');
    this.tmp = join(stateDir, 'tmp');
  }

  pathOf(hash: string): string {
    return join(this.root, hash.slice(0, 2), hash.slice(2));
  }

  has(hash: string): boolean {
    return existsSync(this.pathOf(hash));
  }

  /** True when the object exists and its bytes hash to its name (memoized: rehashed only if it changed). */
  intact(hash: string): boolean {
    const p = this.pathOf(hash);
    if (this.hasher) return this.hasher.hash(p) === hash;
    try {
      return hashFile(p).hash === hash;
    } catch {
      return false;
    }
  }

  /**
   * Stores a file under its hash (copied to a temp name, fsynced, renamed) and returns the hash. An object already
   * there is kept only if intact: storing the same bytes again is how a corrupt object gets repaired.
   */
  putFile(src: string): { hash: Sha256; size: number } {
    const { hash, size } = hashFile(src);
    if (!this.intact(hash)) {
      mkdirSync(this.tmp, { recursive: true });
      const tmpPath = join(this.tmp, `${hash.slice(0, 12)}.${process.pid}.${randomBytes(4).toString('hex')}`);
      copyFileSync(src, tmpPath);
      const fd = openSync(tmpPath, 'r+');
      try {
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      // No second hash of the copy: sources are the step's own finished work folder, and every read
      // (copyTo) verifies the bytes against the name anyway.
      const dest = this.pathOf(hash);
      mkdirSync(dirname(dest), { recursive: true });
      renameSync(tmpPath, dest);
    }
    return { hash, size };
  }

  /** Throws CorruptObjectError (and removes the object) unless its bytes hash to its name. */
  verify(hash: string): void {
    const p = this.pathOf(hash);
    let actual: string;
    try {
      actual = hashFile(p).hash;
    } catch {
      throw new CorruptObjectError(hash);
    }
    if (actual !== hash) {
      rmSync(p, { force: true });
      throw new CorruptObjectError(hash);
    }
  }

  /** Copies a verified object to `dest` (never a hard link: users may edit what we materialize). */
  copyTo(hash: string, dest: string): void {
    mkdirSync(dirname(dest), { recursive: true });
    const tmpPath = `${dest}.genesis-tmp`;
    try {
      copyFileSync(this.pathOf(hash), tmpPath);
    } catch (e) {
      // A full or read-only destination is not a corrupt object: say what it is (the object is fine).
      if (isEnvironmentFault(e)) {
        rmSync(tmpPath, { force: true });
        throw e;
      }
      throw new CorruptObjectError(hash);
    }
    // Verify the copy rather than the object: one read, and what the user gets is what was checked.
    if (hashFile(tmpPath).hash !== hash) {
      rmSync(tmpPath, { force: true });
      this.verify(hash);
      throw new CorruptObjectError(hash);
    }
    renameSync(tmpPath, dest);
  }
}
