// Reads a dataset file once: its sha256 (the registry's identity for the content) and how many records it holds.
import { closeSync, openSync, readSync } from 'node:fs';
import { createHash } from 'node:crypto';
import type { Sha256 } from '../../util/hash.js';

const CHUNK = 1 << 20;
const NL = 0x0a;

/** Records are non-empty JSONL lines; a last line without a newline still counts. */
export function hashAndCount(path: string): { hash: Sha256; records: number } {
  const h = createHash('sha256');
  const buf = Buffer.alloc(CHUNK);
  const fd = openSync(path, 'r');
  let records = 0;
  let lineHasContent = false;
  try {
    for (;;) {
      const n = readSync(fd, buf, 0, CHUNK, null);
      if (n === 0) break;
      h.update(buf.subarray(0, n));
      for (let i = 0; i < n; i++) {
        const b = buf[i]!;
        if (b === NL) {
          if (lineHasContent) records++;
          lineHasContent = false;
        } else if (b !== 0x20 && b !== 0x09 && b !== 0x0d) lineHasContent = true;
      }
    }
  } finally {
    closeSync(fd);
  }
  if (lineHasContent) records++;
  return { hash: h.digest('hex') as Sha256, records };
}
