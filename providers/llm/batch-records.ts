// How a batch job's items are grouped into records: several items per record, like an on-demand request.
import { createHash } from 'node:crypto';

/**
 * Items per record for `n` items: up to the step's batch_size, but never so many that the job falls below the
 * service's minimum records (a 300-item step with min 100 gets 3 per record, not 5 and 60 records).
 */
export function itemsPerRecord(n: number, batchSize: number, minRecords: number): number {
  return Math.max(1, Math.min(Math.floor(batchSize), Math.floor(n / Math.max(1, minRecords))));
}

/** `keys` cut into `records` consecutive groups of near-equal size: a pure function of what the job store keeps. */
export function groupKeys<T>(keys: readonly T[], records: number): T[][] {
  const r = Math.max(1, Math.min(keys.length, records));
  return Array.from({ length: r }, (_, i) => keys.slice(Math.floor((i * keys.length) / r), Math.floor(((i + 1) * keys.length) / r)));
}

/**
 * A record's id, from its item keys: a single item keeps its key (the id jobs created before grouping used, so they
 * are still collected), a group gets a hash of its keys.
 */
export function recordIdOf(keys: readonly string[]): string {
  return keys.length === 1 ? (keys[0] as string) : `g${createHash('sha256').update(keys.join('\n')).digest('hex').slice(0, 40)}`;
}
