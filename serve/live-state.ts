// What a page shows about a pipeline right now, polled from the state folder: who holds the lock, and the run
// recorded as running with what it has committed (this is how a run started from a terminal shows up).
import { runningProgress, type RunningProgress } from '../store/history.js';
import { lockHolder, type LockInfo } from '../store/lock.js';
import { readState } from './state-db.js';
import type { PipelineEntry } from './workspace.js';

export interface LiveState {
  lock: LockInfo | null;
  /** Only while the lock is held: a `running` row without a holder is a killed run the next run marks interrupted. */
  running: RunningProgress | null;
}

export function liveState(entry: PipelineEntry): LiveState {
  const held = lockHolder(entry.stateDir);
  // The nonce only tells lock records apart; a page has no use for it.
  const lock = held ? { pid: held.pid, host: held.host, started: held.started, command: held.command } : null;
  const running = lock ? readState(entry.stateDir, undefined, (db) => runningProgress(db, entry.file)) ?? null : null;
  return { lock, running };
}
