// Target selection for a run: --until (a step and its ancestors) and --only (just these steps).
import { InputError } from '../util/errors.js';
import { didYouMean } from '../util/suggest.js';
import type { Pipeline, StepId } from './pipeline.js';

export interface Selection {
  /** Steps that may run. */
  selected: Set<StepId>;
  /** Steps outside the selection whose cached outputs the selection reads. */
  external: Set<StepId>;
}

export function selectSteps(pipeline: Pipeline, opts: { only?: string[]; until?: string }): Selection {
  const byId = new Map(pipeline.steps.map((s) => [s.id as string, s]));
  const check = (id: string, flag: string) => {
    if (!byId.has(id)) throw new InputError(`${flag}: no step "${id}" in ${pipeline.displayFile}${didYouMean(id, byId.keys())}`);
    return id as StepId;
  };
  let selected: Set<StepId>;
  if (opts.until) {
    selected = new Set();
    const visit = (id: StepId) => {
      if (selected.has(id)) return;
      selected.add(id);
      for (const n of byId.get(id)!.needs) visit(n);
    };
    visit(check(opts.until, '--until'));
  } else {
    selected = new Set(pipeline.steps.map((s) => s.id));
  }
  if (opts.only?.length) {
    const only = new Set(opts.only.map((o) => check(o, '--only')));
    selected = new Set([...selected].filter((s) => only.has(s)));
  }
  // Every unselected ancestor: their cached outputs (and hashes) feed the selection's fingerprints.
  const external = new Set<StepId>();
  const visitUp = (id: StepId) => {
    for (const n of byId.get(id)!.needs) {
      if (selected.has(n) || external.has(n)) continue;
      external.add(n);
      visitUp(n);
    }
  };
  for (const id of selected) visitUp(id);
  return { selected, external };
}

/** Forced steps: `--force` alone forces all; `--force a b` forces those. */
export function forcedSteps(pipeline: Pipeline, force: true | string[] | undefined): Set<StepId> {
  if (force === undefined) return new Set();
  const ids = new Set(pipeline.steps.map((s) => s.id as string));
  if (force === true || force.length === 0) return new Set(ids) as Set<StepId>;
  for (const f of force) if (!ids.has(f)) throw new InputError(`--force: no step "${f}" in ${pipeline.displayFile}${didYouMean(f, ids)}`);
  return new Set(force) as Set<StepId>;
}
