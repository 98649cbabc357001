// Reading a pipeline file's bytes with the checks that need no parsing: exists, is a file, is not too big.
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { InputError } from '../util/errors.js';

/** Larger files are refused before parsing: no real pipeline is this big. */
export const MAX_PIPELINE_BYTES = 1024 * 1024;

export interface PipelineSource {
  /** Path as the user gave it, for messages. */
  display: string;
  file: string;
  bytes: Buffer;
}

export function readPipelineSource(path: string): PipelineSource {
  const file = resolve(path);
  let st;
  try {
    st = statSync(file);
  } catch {
    throw new InputError(`${path}: error: no such file`);
  }
  if (st.isDirectory()) throw new InputError(`${path}: error: is a directory, not a pipeline file`);
  if (st.size > MAX_PIPELINE_BYTES) {
    throw new InputError(`${path}: error: file is ${(st.size / 1048576).toFixed(1)} MB; pipeline files are limited to ${MAX_PIPELINE_BYTES / 1048576} MB`);
  }
  return { display: path, file, bytes: readFileSync(file) };
}
