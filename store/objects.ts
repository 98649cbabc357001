// Content-addressed object store: files by sha256, written atomically, verified on every read.
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { createHash, randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import type { Sha256 } from '../util/hash.js';

export class CorruptObjectError extends Error {
  constructor(readonly hash: string) {
    super(`object ${hash} is corrupt or missing`);
  }
}

export class ObjectStore {
  readonly root: string;
  private readonly tmp: string;
  constructor(stateDir: string) {
    this.root = join(stateDir, 'objects');
    this.tmp = join(stateDir, 'tmp');
  }

  pathOf(hash: string): string {
    return join(this.root, hash.slice(0, 2), hash.slice(2));
  }

  has(hash: string): boolean {
    return existsSync(this.pathOf(hash));
  }

  /** Stores a file's bytes under their hash (temp name, fsync, rename) and returns the hash. */
  putFile(src: string): { hash: Sha256; size: number } {
    const bytes = readFileSync(src);
    const hash = createHash('sha256').update(bytes).digest('hex') as Sha256;
    if (!this.has(hash)) this.write(hash, bytes);
    return { hash, size: bytes.length };
  }

  putBytes(bytes: Uint8Array): Sha256 {
    const hash = createHash('sha256').update(bytes).digest('hex') as Sha256;
    if (!this.has(hash)) this.write(hash, bytes);
    return hash;
  }

  private write(hash: string, bytes: Uint8Array): void {
    mkdirSync(this.tmp, { recursive: true });
    const tmpPath = join(this.tmp, `${hash.slice(0, 12)}.${process.pid}.${randomBytes(4).toString('hex')}`);
    const fd = openSync(tmpPath, 'w');
    try {
      writeSync(fd, bytes);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    const dest = this.pathOf(hash);
    mkdirSync(dirname(dest), { recursive: true });
    renameSync(tmpPath, dest);
  }

  /** The object's bytes, or CorruptObjectError (and the bad object is removed) if they don't hash right. */
  read(hash: string): Buffer {
    const p = this.pathOf(hash);
    let bytes: Buffer;
    try {
      bytes = readFileSync(p);
    } catch {
      throw new CorruptObjectError(hash);
    }
    if (createHash('sha256').update(bytes).digest('hex') !== hash) {
      rmSync(p, { force: true });
      throw new CorruptObjectError(hash);
    }
    return bytes;
  }

  /** Copies a verified object to `dest` (never a hard link: users may edit what we materialize). */
  copyTo(hash: string, dest: string): void {
    const bytes = this.read(hash);
    mkdirSync(dirname(dest), { recursive: true });
    const tmpPath = `${dest}.genesis-tmp`;
    const fd = openSync(tmpPath, 'w');
    try {
      writeSync(fd, bytes);
    } finally {
      closeSync(fd);
    }
    renameSync(tmpPath, dest);
  }

  size(hash: string): number {
    return statSync(this.pathOf(hash)).size;
  }
}

