// The dataset registry over the state database: versioned datasets, their reports, models and lineage edges.
import type { Db } from './db.js';
import { nowIso } from './db.js';

export type RecordType = 'conversation' | 'series';
export type MetricsKind = 'quality' | 'bias' | 'training';
export type NodeKind = 'pipeline' | 'step' | 'dataset' | 'report' | 'model';

/** Everything known about a dataset when it is registered; the registry assigns id, version and time. */
export interface NewDataset {
  name: string;
  description: string | null;
  contentHash: string;
  fileName: string;
  recordType: RecordType;
  recordCount: number;
  schemaVersion: string;
  runId: string | null;
  pipelineFile: string;
  pipelineName: string;
  pipelineHash: string;
  producerStep: string;
  producerUses: string;
  /** The producing step's labelled fingerprint, stored whole so "what made this" is a read, not a guess. */
  producerFingerprint: Record<string, unknown>;
  producerFingerprintHash: string | null;
  producerOutputHash: string;
  provider: string | null;
  model: string | null;
  inputTokens: number;
  outputTokens: number;
  requests: number;
  /** Batch-inference records paid for, apart from on-demand `requests`. */
  batchRecords: number;
  costUsd: number;
  seed: number;
  outputPath: string;
}

export interface DatasetRow extends NewDataset {
  id: number;
  version: number;
  createdAt: string;
}

export interface MetricsRow {
  kind: MetricsKind;
  stepId: string;
  uses: string;
  outputHash: string;
  metrics: Record<string, unknown>;
  createdAt: string;
}

export interface TrainingRunRow {
  id: number;
  stepId: string;
  uses: string;
  modelFile: string;
  modelHash: string;
  params: Record<string, unknown>;
  metrics: Record<string, unknown>;
  outputHash: string;
  createdAt: string;
}

export interface LineageNode {
  kind: NodeKind;
  id: string;
}

export interface LineageEdge {
  from: LineageNode;
  to: LineageNode;
  relation: string;
}

// Node ids carry what identifies the node, so an edge is readable without joining anything.
export const node = {
  pipeline: (file: string, hash: string): LineageNode => ({ kind: 'pipeline', id: `${file}@${hash}` }),
  step: (stepId: string, fingerprintHash: string): LineageNode => ({ kind: 'step', id: `${stepId}@${fingerprintHash}` }),
  dataset: (name: string, version: number): LineageNode => ({ kind: 'dataset', id: `${name}@${version}` }),
  report: (stepId: string, outputHash: string): LineageNode => ({ kind: 'report', id: `${stepId}@${outputHash}` }),
  model: (modelHash: string): LineageNode => ({ kind: 'model', id: modelHash }),
};

/** Splits a node id at its last `@` (file paths and step ids may not contain one, hashes never do). */
export function splitNodeId(id: string): { label: string; ref: string } {
  const at = id.lastIndexOf('@');
  return at < 0 ? { label: id, ref: '' } : { label: id.slice(0, at), ref: id.slice(at + 1) };
}

const DATASET_COLUMNS = `id, name, version, description, content_hash AS contentHash, file_name AS fileName, record_type AS recordType,
  record_count AS recordCount, schema_version AS schemaVersion, created_at AS createdAt, run_id AS runId,
  pipeline_file AS pipelineFile, pipeline_name AS pipelineName, pipeline_hash AS pipelineHash, producer_step AS producerStep,
  producer_uses AS producerUses, producer_fingerprint AS producerFingerprint, producer_fingerprint_hash AS producerFingerprintHash,
  producer_output_hash AS producerOutputHash, provider, model, input_tokens AS inputTokens, output_tokens AS outputTokens,
  requests, batch_records AS batchRecords, cost_usd AS costUsd, seed, output_path AS outputPath`;

function toDataset(row: Record<string, unknown> | undefined): DatasetRow | undefined {
  if (!row) return undefined;
  return { ...(row as unknown as DatasetRow), producerFingerprint: JSON.parse(row.producerFingerprint as string) as Record<string, unknown> };
}

/**
 * Registers a dataset version. The same content under the same name is the same version (no new row);
 * new content gets the next version. Call inside a transaction so the version number cannot race.
 */
export function registerDataset(db: Db, d: NewDataset): { dataset: DatasetRow; created: boolean } {
  const existing = toDataset(db.prepare(`SELECT ${DATASET_COLUMNS} FROM datasets WHERE name = ? AND content_hash = ?`).get(d.name, d.contentHash) as Record<string, unknown> | undefined);
  if (existing) return { dataset: existing, created: false };
  const { next } = db.prepare('SELECT COALESCE(MAX(version), 0) + 1 AS next FROM datasets WHERE name = ?').get(d.name) as { next: number };
  const info = db
    .prepare(
      `INSERT INTO datasets (name, version, description, content_hash, file_name, record_type, record_count, schema_version, created_at, run_id,
        pipeline_file, pipeline_name, pipeline_hash, producer_step, producer_uses, producer_fingerprint, producer_fingerprint_hash,
        producer_output_hash, provider, model, input_tokens, output_tokens, requests, batch_records, cost_usd, seed, output_path)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      d.name, next, d.description, d.contentHash, d.fileName, d.recordType, d.recordCount, d.schemaVersion, nowIso(), d.runId,
      d.pipelineFile, d.pipelineName, d.pipelineHash, d.producerStep, d.producerUses, JSON.stringify(d.producerFingerprint), d.producerFingerprintHash,
      d.producerOutputHash, d.provider, d.model, Math.round(d.inputTokens), Math.round(d.outputTokens), Math.round(d.requests), Math.round(d.batchRecords ?? 0), d.costUsd, d.seed, d.outputPath,
    );
  return { dataset: datasetById(db, Number(info.lastInsertRowid))!, created: true };
}

/** Records a report about a dataset; the same report (same step output) is recorded once. Returns whether it was new. */
export function recordMetrics(db: Db, datasetId: number, m: Omit<MetricsRow, 'createdAt'>): boolean {
  const info = db
    .prepare('INSERT OR IGNORE INTO dataset_metrics (dataset_id, kind, step_id, uses, output_hash, metrics, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(datasetId, m.kind, m.stepId, m.uses, m.outputHash, JSON.stringify(m.metrics), nowIso());
  return info.changes > 0;
}

/** Records a model trained on a dataset; the same model file is recorded once. Returns whether it was new. */
export function recordTrainingRun(db: Db, datasetId: number, t: Omit<TrainingRunRow, 'id' | 'createdAt'>): boolean {
  const info = db
    .prepare(
      'INSERT OR IGNORE INTO training_runs (dataset_id, step_id, uses, model_file, model_hash, params, metrics, output_hash, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    )
    .run(datasetId, t.stepId, t.uses, t.modelFile, t.modelHash, JSON.stringify(t.params), JSON.stringify(t.metrics), t.outputHash, nowIso());
  return info.changes > 0;
}

export function addEdge(db: Db, e: LineageEdge): void {
  db.prepare('INSERT OR IGNORE INTO lineage_edges (from_kind, from_id, to_kind, to_id, relation, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(
    e.from.kind, e.from.id, e.to.kind, e.to.id, e.relation, nowIso(),
  );
}

export function datasetById(db: Db, id: number): DatasetRow | undefined {
  return toDataset(db.prepare(`SELECT ${DATASET_COLUMNS} FROM datasets WHERE id = ?`).get(id) as Record<string, unknown> | undefined);
}

/** A dataset by name, at a version or (without one) its latest. */
export function findDataset(db: Db, name: string, version?: number): DatasetRow | undefined {
  const row =
    version === undefined
      ? db.prepare(`SELECT ${DATASET_COLUMNS} FROM datasets WHERE name = ? ORDER BY version DESC LIMIT 1`).get(name)
      : db.prepare(`SELECT ${DATASET_COLUMNS} FROM datasets WHERE name = ? AND version = ?`).get(name, version);
  return toDataset(row as Record<string, unknown> | undefined);
}

/** Every version of every dataset, by name then newest version first. */
export function listDatasets(db: Db): DatasetRow[] {
  return (db.prepare(`SELECT ${DATASET_COLUMNS} FROM datasets ORDER BY name, version DESC`).all() as Array<Record<string, unknown>>).map((r) => toDataset(r)!);
}

export function datasetNames(db: Db): string[] {
  return (db.prepare('SELECT DISTINCT name FROM datasets ORDER BY name').all() as Array<{ name: string }>).map((r) => r.name);
}

export function datasetMetrics(db: Db, datasetId: number): MetricsRow[] {
  const rows = db
    .prepare('SELECT kind, step_id AS stepId, uses, output_hash AS outputHash, metrics, created_at AS createdAt FROM dataset_metrics WHERE dataset_id = ? ORDER BY created_at, rowid')
    .all(datasetId) as Array<Omit<MetricsRow, 'metrics'> & { metrics: string }>;
  return rows.map((r) => ({ ...r, metrics: JSON.parse(r.metrics) as Record<string, unknown> }));
}

export function trainingRuns(db: Db, datasetId: number): TrainingRunRow[] {
  const rows = db
    .prepare(
      'SELECT id, step_id AS stepId, uses, model_file AS modelFile, model_hash AS modelHash, params, metrics, output_hash AS outputHash, created_at AS createdAt FROM training_runs WHERE dataset_id = ? ORDER BY id',
    )
    .all(datasetId) as Array<Omit<TrainingRunRow, 'params' | 'metrics'> & { params: string; metrics: string }>;
  return rows.map((r) => ({ ...r, params: JSON.parse(r.params) as Record<string, unknown>, metrics: JSON.parse(r.metrics) as Record<string, unknown> }));
}

type EdgeRow = { fromKind: NodeKind; fromId: string; toKind: NodeKind; toId: string; relation: string };
const toEdge = (r: EdgeRow): LineageEdge => ({ from: { kind: r.fromKind, id: r.fromId }, to: { kind: r.toKind, id: r.toId }, relation: r.relation });
const EDGE_COLUMNS = 'from_kind AS fromKind, from_id AS fromId, to_kind AS toKind, to_id AS toId, relation';

export function edgesInto(db: Db, n: LineageNode): LineageEdge[] {
  return (db.prepare(`SELECT ${EDGE_COLUMNS} FROM lineage_edges WHERE to_kind = ? AND to_id = ? ORDER BY created_at, from_id`).all(n.kind, n.id) as EdgeRow[]).map(toEdge);
}

export function edgesOutOf(db: Db, n: LineageNode): LineageEdge[] {
  return (db.prepare(`SELECT ${EDGE_COLUMNS} FROM lineage_edges WHERE from_kind = ? AND from_id = ? ORDER BY created_at, to_id`).all(n.kind, n.id) as EdgeRow[]).map(toEdge);
}

export interface LineageTree extends LineageNode {
  /** How this node relates to its parent (`defines`, `produced`, `quality`, `bias`, `training`, `trained`). */
  relation: string | null;
  children: LineageTree[];
}

/**
 * Where a dataset version came from and what was made of it, rooted at the pipeline(s) that defined its
 * producer: pipeline → step → dataset → reports and models. A dataset made by several producers (the same
 * content under another fingerprint) appears under each.
 */
// Reports before models, in the order a pipeline makes them.
const RELATION_ORDER = ['quality', 'bias', 'training', 'trained'];
function rank(relation: string): number {
  const i = RELATION_ORDER.indexOf(relation);
  return i < 0 ? RELATION_ORDER.length : i;
}

export function lineageOf(db: Db, d: Pick<DatasetRow, 'name' | 'version'>): LineageTree[] {
  const ds = node.dataset(d.name, d.version);
  const datasetTree = (relation: string | null): LineageTree => ({
    ...ds,
    relation,
    children: edgesOutOf(db, ds)
      .sort((a, b) => rank(a.relation) - rank(b.relation) || a.to.id.localeCompare(b.to.id))
      .map((e) => ({ ...e.to, relation: e.relation, children: [] })),
  });
  const producers = edgesInto(db, ds);
  if (!producers.length) return [datasetTree(null)];
  return producers.flatMap((p) => {
    const stepTree = (relation: string | null): LineageTree => ({ ...p.from, relation, children: [datasetTree(p.relation)] });
    const pipelines = edgesInto(db, p.from);
    return pipelines.length ? pipelines.map((pl) => ({ ...pl.from, relation: null, children: [stepTree(pl.relation)] })) : [stepTree(null)];
  });
}
