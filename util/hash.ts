// Hashing helpers: sha256 of bytes, strings and canonical JSON, with a branded hash type.
import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';

export type Sha256 = string & { readonly __brand: 'Sha256' };

export function sha256(data: string | Uint8Array): Sha256 {
  return createHash('sha256').update(data).digest('hex') as Sha256;
}

/** Hash of a JSON value independent of key order. */
export function hashJson(value: unknown): Sha256 {
  return sha256(canonicalJson(value));
}
