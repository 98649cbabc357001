// Plan: without running anything, decide for each step whether its cached output is fresh, and why not.
import type { AnalyzedPipeline } from './analyze.js';
import { computeFingerprint, diffFingerprints, staleReason, type Fingerprint, type FingerprintChange } from './fingerprint.js';
import type { StepId } from './pipeline.js';
import { FileHasher } from '../store/file-hashes.js';
import type { StateStore } from '../store/state.js';
import { forcedSteps, selectSteps } from './select.js';

export interface StepPlan {
  id: StepId;
  uses: string;
  /** fresh: cached output matches; stale: will run; pending: will run only if an upstream output changes. */
  state: 'fresh' | 'stale' | 'pending' | 'not-selected';
  reason: string;
  changes: FingerprintChange[];
  fingerprint?: Fingerprint;
  fingerprintHash?: string;
  previous?: Record<string, unknown>;
  outputHash?: string;
}

export function planRun(a: AnalyzedPipeline, store: StateStore | undefined, opts: { only?: string[]; until?: string; force?: true | string[] } = {}): StepPlan[] {
  const { pipeline } = a;
  const { selected } = selectSteps(pipeline, opts);
  const forced = forcedSteps(pipeline, opts.force);
  const hasher = new FileHasher(store?.db);
  const known = new Map<string, string>(); // step → output hash when fresh
  const plans = new Map<StepId, StepPlan>();
  const byId = new Map(pipeline.steps.map((s) => [s.id, s]));
  for (const id of a.order) {
    const step = byId.get(id)!;
    const type = a.types.get(id)!;
    const base = { id, uses: step.uses, changes: [] as FingerprintChange[] };
    const previous = store?.lastState(pipeline.file, id);
    const unknownUp = step.needs.filter((n) => !known.has(n));
    if (unknownUp.length) {
      const up = unknownUp.map((n) => plans.get(n));
      const definitelyStale = up.some((p) => p?.state === 'stale' && !p.outputHash);
      plans.set(id, {
        ...base,
        state: selected.has(id) ? (definitelyStale && !previous ? 'stale' : 'pending') : 'not-selected',
        reason: previous ? `reruns if the output of ${unknownUp.join(', ')} changes` : 'never ran',
        previous: previous?.fingerprint,
      });
      continue;
    }
    const { fingerprint, hash } = computeFingerprint(pipeline, step, type, known, hasher);
    const hit = store?.lookup(hash);
    const changes = previous ? diffFingerprints(previous.fingerprint, fingerprint) : [];
    let state: StepPlan['state'];
    let reason: string;
    if (!selected.has(id)) {
      state = 'not-selected';
      reason = 'outside --only/--until';
    } else if (forced.has(id)) {
      state = 'stale';
      reason = 'forced';
    } else if (hit) {
      state = 'fresh';
      reason = 'cached';
    } else {
      state = 'stale';
      reason = staleReason(previous ? changes : undefined);
    }
    if (hit && state !== 'stale') known.set(id, hit.outputHash);
    plans.set(id, { ...base, state, reason, changes, fingerprint, fingerprintHash: hash, previous: previous?.fingerprint, outputHash: hit?.outputHash });
  }
  return a.order.map((id) => plans.get(id)!);
}
