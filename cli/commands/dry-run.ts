// `genesis run --dry-run`: what would run and why, without running or writing anything.
import type { AnalyzedPipeline } from '../../runner/analyze.js';
import { planRun } from '../../runner/plan.js';
import { estimateInputOf } from './estimate-input.js';
import type { StateStore } from '../../store/state.js';
import type { Io } from '../io.js';

export async function dryRun(a: AnalyzedPipeline, store: StateStore | undefined, opts: { only?: string[]; until?: string; force?: true | string[] }, io: Io, json: boolean): Promise<number> {
  try {
    const plans = planRun(a, store, opts);
    const estimates = await estimateRemaining(a, store);
    if (json) {
      io.stdout(JSON.stringify({ pipeline: a.pipeline.name, dryRun: true, steps: plans.map(({ id, uses, state, reason, changes }) => ({ id, uses, state, reason, changes, estimate: estimates.get(id) })) }, null, 2));
      return 0;
    }
    for (const p of plans) {
      const verb = p.state === 'fresh' ? 'cached  ' : p.state === 'stale' ? 'run     ' : p.state === 'pending' ? 'maybe   ' : 'skip    ';
      // A fresh step's reason is just "cached": say what the cached output holds instead.
      const detail = p.state === 'fresh' ? (p.outputHash && store?.producedBy(p.id, p.outputHash)?.summary) : p.reason;
      io.stdout(`${verb}${p.id} (${p.uses})${detail ? `: ${detail}` : ''}`);
      const est = estimates.get(p.id);
      if (est) io.stdout(`        ${est}`);
    }
    const n = plans.filter((p) => p.state === 'stale').length;
    const m = plans.filter((p) => p.state === 'pending').length;
    io.stdout(`${n} step(s) would run${m ? `, ${m} more if upstream outputs change` : ''}; nothing was run.`);
    return 0;
  } finally {
    store?.close();
  }
}

/** Steps may describe their remaining work (e.g. LLM requests, tokens, cost) for a dry run. */
async function estimateRemaining(a: AnalyzedPipeline, store: StateStore | undefined): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const step of a.pipeline.steps) {
    const type = a.types.get(step.id);
    if (!type?.estimate) continue;
    const text = await type.estimate(estimateInputOf(a, step, store?.db));
    if (text) out.set(step.id, text);
  }
  return out;
}
