// What every LLM step hands runLlmItems from its context: abort signal, progress, cost ledger, batch-job store, status lines.
import type { StepContext } from '../contract.js';

/**
 * One definition for the step side of runLlmItems, so each LLM step (generation, series, the judge) reports
 * progress, books unattributed cost under its own scope and can run in batch mode the same way.
 */
export function llmStepHooks<P>(ctx: StepContext<P>, scope: string, total: number, verb: string) {
  let done = 0;
  return {
    signal: ctx.signal,
    onItemDone: () => ctx.progress(++done, total, verb),
    ledger: ctx.checkpoints.scope(`${scope}/unattributed-cost`),
    ...(ctx.checkpoints.jobs ? { jobs: ctx.checkpoints.jobs } : {}),
    onStatus: (m: string) => ctx.log.info(m),
  };
}
