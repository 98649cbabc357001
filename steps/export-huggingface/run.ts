// The body of export/huggingface: the registered dataset of a register/dataset need, written into the step's output.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StepContext, StepResult } from '../contract.js';
import { findDataset } from '../../store/registry.js';
import { codeVersion, packageVersion } from '../../util/code-versions.js';
import { InputError } from '../../util/errors.js';
import { fileNamed } from '../shared/dataset-source.js';
import type { ExportParams } from './index.js';
import { exportRegistered } from './source.js';

export async function runExport(ctx: StepContext<ExportParams>): Promise<StepResult> {
  const p = ctx.params;
  const need = ctx.inputs.find((i) => fileNamed(i, 'registration.json'));
  if (!need) throw new InputError(`${ctx.stepId}: export/huggingface exports a registered dataset: list the register/dataset step in \`needs\``);
  const reg = JSON.parse(readFileSync(join(need.dir, fileNamed(need, 'registration.json')!), 'utf8')) as { name: string; version: number };
  const { db, stateDir } = ctx.services;
  const d = findDataset(db, reg.name, reg.version);
  if (!d) throw new Error(`bug: ${reg.name}@${reg.version} is in ${need.stepId}'s registration.json but not in the registry`);
  // The step's derived version says exactly which code wrote the card; the release is for people.
  const genesisVersion = `${packageVersion()} (export/huggingface ${codeVersion('step:export/huggingface').slice(0, 12)})`;
  const splits = Object.entries(p.splits).map(([name, fraction]) => ({ name, fraction }));
  const result = exportRegistered(db, stateDir, d, ctx.outDir, { splits, seed: p.seed, format: p.format, license: p.license, genesisVersion });
  return {
    summary: `${d.name}@${d.version}: ${result.splits.map((s) => `${s.name} ${s.count}`).join(', ')} (${p.format}, ${result.files.length} files)`,
    metrics: { records: result.records, ...Object.fromEntries(result.splits.map((s) => [`split_${s.name}`, s.count])) },
  };
}
