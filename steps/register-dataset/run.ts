// The body of register/dataset: gathers provenance, writes registry rows in one transaction, emits registration.json.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StepContext, StepResult } from '../contract.js';
import { addEdge, node, recordMetrics, recordTrainingRun, registerDataset, type DatasetRow, type NewDataset } from '../../store/registry.js';
import { StepFailure } from '../../util/errors.js';
import { sha256 } from '../../util/hash.js';
import { hashAndCount } from './content.js';
import type { RegisterParams } from './index.js';
import { sortInputs, type ModelSource, type ReportSource } from './inputs.js';
import { consumed, producerSpend, producerState } from './provenance.js';

export async function registerFromInputs(ctx: StepContext<RegisterParams>): Promise<StepResult> {
  const p = ctx.params;
  const { db, runId, pipelineHash } = ctx.services;
  const sorted = sortInputs(ctx.inputs, p.dataset);
  const src = sorted.dataset;
  const datasetPath = join(src.input.dir, src.file);
  const { hash: contentHash, records } = hashAndCount(datasetPath);

  const { pipelineFile } = ctx.services;
  const producer = producerState(db, pipelineFile, src.input.stepId, src.input.outputHash);
  const spend = producerSpend(db, src.input.stepId, src.input.outputHash);
  const generation = readJson(join(src.input.dir, src.file.replace(/[^/]+$/, 'generation.json')));
  const origin = describeOrigin(producer.fingerprint, generation);
  const seed = typeof generation?.seed === 'number' ? generation.seed : typeof producer.fingerprint.seed === 'number' ? producer.fingerprint.seed : ctx.seed;

  // A report or model computed from something else (say, a CSV by path) is not about this dataset.
  const related = <T extends { input: { stepId: string; outputHash: string } }>(xs: T[]) =>
    xs.filter((x) => {
      const ok = consumed(db, pipelineFile, x.input.stepId, x.input.outputHash, src.input.outputHash);
      if (!ok) ctx.log.warn(`${x.input.stepId}: not computed from ${src.input.stepId}'s output, so not recorded with this dataset`);
      return ok;
    });
  const reports = related(sorted.reports).map((r) => ({ ...r, metrics: readReport(r) }));
  const models = related(sorted.models).map((m) => ({ ...m, ...readModel(m) }));

  const fresh: NewDataset = {
    name: p.name,
    description: p.description ?? null,
    contentHash,
    fileName: src.file,
    recordType: src.recordType,
    recordCount: records,
    schemaVersion: p.schema_version,
    runId,
    pipelineFile,
    pipelineName: ctx.pipelineName,
    pipelineHash,
    producerStep: src.input.stepId,
    producerUses: src.input.uses,
    producerFingerprint: producer.fingerprint,
    producerFingerprintHash: producer.fingerprintHash,
    producerOutputHash: src.input.outputHash,
    provider: origin.provider,
    model: origin.model,
    inputTokens: spend.inputTokens,
    outputTokens: spend.outputTokens,
    requests: spend.requests,
    batchRecords: spend.batchRecords,
    costUsd: spend.usd,
    seed,
    outputPath: datasetPath,
  };

  let dataset!: DatasetRow;
  let created = false;
  db.transaction(() => {
    ({ dataset, created } = registerDataset(db, fresh));
    const ds = node.dataset(dataset.name, dataset.version);
    const step = node.step(src.input.stepId, producer.fingerprintHash ?? src.input.outputHash);
    addEdge(db, { from: node.pipeline(pipelineFile, pipelineHash), to: step, relation: 'defines' });
    addEdge(db, { from: step, to: ds, relation: 'produced' });
    for (const r of reports) {
      recordMetrics(db, dataset.id, { kind: r.kind, stepId: r.input.stepId, uses: r.input.uses, outputHash: r.input.outputHash, metrics: r.metrics });
      const hasModel = models.some((m) => m.input === r.input);
      if (!(r.kind === 'training' && hasModel)) addEdge(db, { from: ds, to: node.report(r.input.stepId, r.input.outputHash), relation: r.kind });
    }
    for (const m of models) {
      recordTrainingRun(db, dataset.id, { stepId: m.input.stepId, uses: m.input.uses, modelFile: m.modelFile, modelHash: m.modelHash, params: m.params, metrics: m.metrics, outputHash: m.input.outputHash });
      addEdge(db, { from: ds, to: node.model(m.modelHash), relation: 'trained' });
    }
  }).immediate();

  // Only what identifies the registration: no times or paths, so a rerun of the same content hashes the same.
  const registration = {
    name: dataset.name,
    version: dataset.version,
    content_hash: dataset.contentHash,
    record_type: dataset.recordType,
    record_count: dataset.recordCount,
    schema_version: dataset.schemaVersion,
    file: dataset.fileName,
    reports: reports.map((r) => ({ kind: r.kind, step: r.input.stepId, output: r.input.outputHash })),
    models: models.map((m) => ({ step: m.input.stepId, model_hash: m.modelHash })),
  };
  writeFileSync(join(ctx.outDir, 'registration.json'), JSON.stringify(registration, null, 2) + '\n');
  const noun = dataset.recordType === 'conversation' ? 'conversations' : 'series';
  return {
    summary: `${dataset.name}@${dataset.version}: ${dataset.recordCount} ${noun}, ${created ? 'new version' : 'already registered'}${reports.length ? `, ${reports.length} report(s)` : ''}${models.length ? `, ${models.length} model(s)` : ''}`,
    metrics: { version: dataset.version, records: dataset.recordCount, new_version: created ? 1 : 0 },
  };
}

/** Provider and resolved model: the producer's fingerprint says which provider, generation.json what it resolved to. */
function describeOrigin(fingerprint: Record<string, unknown>, generation: Record<string, unknown> | undefined): { provider: string | null; model: string | null } {
  const identity = fingerprint.provider && typeof fingerprint.provider === 'object' ? (fingerprint.provider as Record<string, unknown>) : undefined;
  const generator = typeof generation?.generator === 'string' ? generation.generator : undefined;
  const kind = typeof identity?.type === 'string' ? identity.type : generator?.includes('/') ? generator.split('/')[0]! : generator ? 'offline' : null;
  // A non-AWS endpoint (a fake, a proxy, a local server) is who answered: it is part of the provider recorded.
  const provider = kind && typeof identity?.endpoint === 'string' ? `${kind} via ${identity.endpoint}` : kind;
  let model: string | null = generator ?? (typeof identity?.model === 'string' ? identity.model : null);
  if (model && kind && kind !== 'offline' && model.startsWith(`${kind}/`)) model = model.slice(kind.length + 1);
  return { provider, model };
}

function readJson(path: string): Record<string, unknown> | undefined {
  if (!existsSync(path)) return undefined;
  try {
    const v = JSON.parse(readFileSync(path, 'utf8')) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function readReport(r: ReportSource): Record<string, unknown> {
  const path = join(r.input.dir, r.file);
  const v = readJson(path);
  if (!v) throw new StepFailure(`${r.input.stepId}: ${r.file} is not a JSON object`);
  return v;
}

/** The model file is identified by its bytes; params are what it was trained with (its `training` block). */
function readModel(m: ModelSource): { modelHash: string; params: Record<string, unknown>; metrics: Record<string, unknown> } {
  const bytes = readFileSync(join(m.input.dir, m.modelFile));
  let params: Record<string, unknown> = {};
  try {
    const parsed = JSON.parse(bytes.toString('utf8')) as Record<string, unknown>;
    const t = parsed.training ?? parsed.params;
    if (t && typeof t === 'object') params = t as Record<string, unknown>;
  } catch {
    throw new StepFailure(`${m.input.stepId}: ${m.modelFile} is not JSON`);
  }
  const metrics = m.metricsFile ? (readJson(join(m.input.dir, m.metricsFile)) ?? {}) : {};
  return { modelHash: sha256(bytes), params, metrics };
}
