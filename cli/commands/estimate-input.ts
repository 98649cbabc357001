// What a step's estimate and checkpoint listing get to see of the pipeline: its `with:`, providers, state, files.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { AnalyzedPipeline } from '../../runner/analyze.js';
import { outputDirOf } from '../../runner/execute.js';
import type { StepDef } from '../../runner/pipeline.js';
import type { EstimateInput } from '../../steps/contract.js';

export function estimateInputOf(a: AnalyzedPipeline, step: StepDef, db: EstimateInput['db']): EstimateInput {
  // The current output of a `needs` step, when one is on disk: what the step would read if it ran now.
  const upstreamFile = (name: string) => step.needs.map((n) => join(outputDirOf(a, n), name)).find((p) => existsSync(p));
  return { params: step.with, seed: a.pipeline.seed, providers: a.pipeline.providers, db, pipelineDir: a.pipeline.dir, upstreamFile };
}
