// sha256 of a file, streamed in 1 MiB chunks so memory stays flat however large a dataset grows.
import { closeSync, openSync, readSync } from 'node:fs';
import { createHash } from 'node:crypto';
import type { Sha256 } from '../util/hash.js';

const CHUNK = 1 << 20;

export function hashFile(path: string): { hash: Sha256; size: number } {
  const h = createHash('sha256');
  const buf = Buffer.allocUnsafe(CHUNK);
  const fd = openSync(path, 'r');
  let size = 0;
  try {
    for (;;) {
      const n = readSync(fd, buf, 0, CHUNK, null);
      if (n === 0) break;
      h.update(buf.subarray(0, n));
      size += n;
    }
  } finally {
    closeSync(fd);
  }
  return { hash: h.digest('hex') as Sha256, size };
}
