// Machine reporter for `run --json-events`: each executor event as one JSON line on stdout (NDJSON), nothing else there.
import type { Reporter } from '../../runner/events.js';
import type { Io } from '../io.js';

export function jsonEventsReporter(io: Io): Reporter {
  return (e) => {
    // An environment fault is an Error object (it serializes as {}): its message is what a reader can use.
    if (e.kind === 'run-finish') {
      const { fault, ...report } = e.report;
      io.stdout(JSON.stringify({ kind: e.kind, report: { ...report, ...(fault ? { fault: fault instanceof Error ? fault.message : String(fault) } : {}) } }));
    } else io.stdout(JSON.stringify(e));
  };
}
