// Two versions of a registered dataset side by side: counts, report headlines and scores, distribution shifts,
// and what differs in how each was made (producer fingerprint, pipeline, run) — all read from the registry.
import { reportHeadline } from '../cli/headlines.js';
import { diffFingerprints, type FingerprintChange } from '../runner/fingerprint.js';
import type { Db } from '../store/db.js';
import { datasetMetrics, type DatasetRow, type MetricsKind, type MetricsRow } from '../store/registry.js';

type Obj = Record<string, unknown>;
type Value = string | number | null;

export interface Row {
  label: string;
  a: Value;
  b: Value;
  /** b − a for numbers; undefined when either side is not a number. */
  delta?: number;
  /** Said beside the label, e.g. the counts behind two shares. */
  note?: string;
}

export interface DistributionShift {
  field: string;
  /** Shares (0–1) in each version, largest absolute change first. */
  rows: Row[];
}

export interface VersionDiff {
  a: DatasetRow;
  b: DatasetRow;
  counts: Row[];
  headlines: Array<{ kind: MetricsKind; a: string; b: string }>;
  scores: Row[];
  distributions: DistributionShift[];
  fingerprint: FingerprintChange[];
  lineage: Row[];
}

const DISTRIBUTION_FIELDS = ['intent', 'category', 'language', 'sentiment', 'complexity'];

export function compareVersions(db: Db, a: DatasetRow, b: DatasetRow): VersionDiff {
  const ma = latestByKind(datasetMetrics(db, a.id));
  const mb = latestByKind(datasetMetrics(db, b.id));
  const row = (label: string, x: Value, y: Value): Row => ({ label, a: x, b: y, ...(typeof x === 'number' && typeof y === 'number' ? { delta: y - x } : {}) });
  const counts = [
    row('records', a.recordCount, b.recordCount),
    row('requests', a.requests, b.requests),
    ...(a.batchRecords || b.batchRecords ? [row('batch records', a.batchRecords, b.batchRecords)] : []),
    row('input tokens', a.inputTokens, b.inputTokens),
    row('output tokens', a.outputTokens, b.outputTokens),
    row('cost (USD)', a.costUsd, b.costUsd),
  ];
  const kinds: MetricsKind[] = ['quality', 'bias', 'training'];
  const headlines = kinds
    .filter((k) => ma.has(k) || mb.has(k))
    .map((k) => ({ kind: k, a: ma.has(k) ? reportHeadline(k, ma.get(k)!) : 'no report', b: mb.has(k) ? reportHeadline(k, mb.get(k)!) : 'no report' }));
  const scores = scoreRows(ma.get('quality'), mb.get('quality'), row).concat(trainingRows(ma.get('training'), mb.get('training'), row));
  const distributions = DISTRIBUTION_FIELDS.map((field) => shift(field, ma.get('bias'), mb.get('bias'), row)).filter((d): d is DistributionShift => Boolean(d));
  const lineage = [
    row('pipeline file', a.pipelineFile, b.pipelineFile),
    row('pipeline hash', a.pipelineHash.slice(0, 12), b.pipelineHash.slice(0, 12)),
    row('producer step', `${a.producerStep} (${a.producerUses})`, `${b.producerStep} (${b.producerUses})`),
    row('fingerprint', (a.producerFingerprintHash ?? '–').slice(0, 12), (b.producerFingerprintHash ?? '–').slice(0, 12)),
    row('provider / model', `${a.provider ?? '–'} / ${a.model ?? '–'}`, `${b.provider ?? '–'} / ${b.model ?? '–'}`),
    row('seed', a.seed, b.seed),
    row('run', a.runId, b.runId),
    row('content hash', a.contentHash.slice(0, 12), b.contentHash.slice(0, 12)),
  ];
  return { a, b, counts, headlines, scores, distributions, fingerprint: diffFingerprints(a.producerFingerprint, b.producerFingerprint), lineage };
}

/** The newest report of each kind (a dataset can be checked again by a later run). */
function latestByKind(rows: MetricsRow[]): Map<MetricsKind, Obj> {
  const out = new Map<MetricsKind, Obj>();
  for (const r of rows) out.set(r.kind, r.metrics);
  return out;
}

const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);
const obj = (v: unknown): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});

function scoreRows(qa: Obj | undefined, qb: Obj | undefined, row: (l: string, x: Value, y: Value) => Row): Row[] {
  if (!qa && !qb) return [];
  const names = [...new Set([...Object.keys(obj(qa?.scores)), ...Object.keys(obj(qb?.scores))])].sort();
  return [row('quality: overall', num(qa?.overall), num(qb?.overall)), ...names.map((n) => row(`quality: ${n}`, num(obj(qa?.scores)[n]), num(obj(qb?.scores)[n])))];
}

function trainingRows(ta: Obj | undefined, tb: Obj | undefined, row: (l: string, x: Value, y: Value) => Row): Row[] {
  if (!ta && !tb) return [];
  return ['accuracy', 'macro_f1'].map((k) => row(`classifier: held-out ${k.replace('_', ' ')}`, num(obj(ta?.held_out)[k]), num(obj(tb?.held_out)[k])));
}

/** Observed shares of one field, from the bias report's distribution finding. */
function shares(bias: Obj | undefined, field: string): Map<string, { share: number; count: number }> | undefined {
  const findings = Array.isArray(bias?.findings) ? (bias!.findings as Obj[]) : [];
  const f = findings.find((x) => x.field === field && x.kind === 'distribution' && Array.isArray(x.rows));
  if (!f) return undefined;
  return new Map((f.rows as Obj[]).map((r) => [String(r.value), { share: num(r.observed_share) ?? 0, count: num(r.observed) ?? 0 }]));
}

function shift(field: string, ba: Obj | undefined, bb: Obj | undefined, row: (l: string, x: Value, y: Value) => Row): DistributionShift | undefined {
  const sa = shares(ba, field);
  const sb = shares(bb, field);
  if (!sa && !sb) return undefined;
  const values = [...new Set([...(sa?.keys() ?? []), ...(sb?.keys() ?? [])])];
  const rows = values.map((v) => ({
    ...row(v, sa ? sa.get(v)?.share ?? 0 : null, sb ? sb.get(v)?.share ?? 0 : null),
    note: `${sa ? sa.get(v)?.count ?? 0 : '–'} → ${sb ? sb.get(v)?.count ?? 0 : '–'}`,
  }));
  rows.sort((x, y) => Math.abs(y.delta ?? 0) - Math.abs(x.delta ?? 0) || x.label.localeCompare(y.label));
  return { field, rows };
}
