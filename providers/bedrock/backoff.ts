// Exponential backoff with "equal jitter": a guaranteed half wait plus a random half, so retries spread out.
import type { Rng } from '../../util/rng.js';

export function backoffMs(attempt: number, rng: Rng, baseMs = 500, capMs = 20_000): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.min(attempt, 16));
  return Math.round(ceiling / 2 + (rng.next() * ceiling) / 2);
}
