// Checks a user's input file before reading it: it exists, is a file, is not empty, and is UTF-8 (encodings named).
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { InputError } from './errors.js';

/** Byte-order marks and what to tell the user about each. UTF-8's own BOM is accepted (and skipped by the readers). */
const BOMS: Array<{ bytes: number[]; name: string }> = [
  { bytes: [0xff, 0xfe, 0x00, 0x00], name: 'UTF-32LE' },
  { bytes: [0x00, 0x00, 0xfe, 0xff], name: 'UTF-32BE' },
  { bytes: [0xff, 0xfe], name: 'UTF-16LE' },
  { bytes: [0xfe, 0xff], name: 'UTF-16BE' },
];

export const UTF8_BOM = '\ufeff';

/** Throws an InputError naming the path and the problem; returns the file's size. */
export function checkInputFile(path: string, what = 'input file'): number {
  let size: number;
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new InputError(`${path}: error: the ${what} is a directory; give a JSONL or CSV file`);
    if (!st.isFile()) throw new InputError(`${path}: error: the ${what} is not a regular file`);
    size = st.size;
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError(`${path}: error: ${what} not found`);
    if (code === 'EACCES' || code === 'EPERM') throw new InputError(`${path}: error: permission denied reading the ${what}`);
    throw e;
  }
  if (size === 0) throw new InputError(`${path}: error: the ${what} is empty (an empty dataset is an error)`);
  const head = Buffer.alloc(Math.min(size, 4096));
  const fd = openSync(path, 'r');
  try {
    readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  const bom = BOMS.find((b) => b.bytes.every((x, i) => head[i] === x));
  const nul = head.indexOf(0);
  if (bom || nul >= 0) {
    const name = bom?.name ?? (nul % 2 === 1 ? 'UTF-16LE (no byte-order mark)' : 'UTF-16BE (no byte-order mark)');
    throw new InputError(`${path}: error: the ${what} is encoded as ${name}; genesis reads UTF-8 — convert it, e.g. \`iconv -f ${name.slice(0, 8)} -t UTF-8 ${path} > utf8.jsonl\``);
  }
  return size;
}
