// A registered dataset as an export reads it: its records (from the object store, by content hash, each checked to fit
// its export schema) and what the registry knows of it — provenance, reports, lineage — shaped for the dataset card.
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Db } from '../../store/db.js';
import { ObjectStore } from '../../store/objects.js';
import { hashFile } from '../../store/hash-file.js';
import { datasetMetrics, lineageOf, splitNodeId, type DatasetRow, type LineageTree, type RecordType } from '../../store/registry.js';
import { GenesisError, ExitCode } from '../../util/errors.js';
import { BadRecords } from '../../util/bad-records.js';
import { writeExport, type ExportFormat, type ExportResult, type Provenance } from './layout.js';
import type { SplitShare } from './split.js';
import { parquetProblem } from './parquet.js';

type Row = Record<string, unknown>;

/**
 * The file holding a dataset version's exact bytes: its object in the store, else the materialized copy when it
 * still hashes the same. A version whose bytes are gone (collected by `genesis clean`, or out/ rewritten by a newer
 * version) is a failure the user can fix by rerunning the pipeline that made it.
 */
export function datasetFile(stateDir: string, d: DatasetRow): string {
  const store = new ObjectStore(stateDir);
  if (store.intact(d.contentHash)) return store.pathOf(d.contentHash);
  if (existsSync(d.outputPath) && hashFile(d.outputPath).hash === d.contentHash) return d.outputPath;
  throw new GenesisError(`the records of ${d.name}@${d.version} (sha256 ${d.contentHash.slice(0, 12)}) are no longer stored (removed by \`genesis clean\`, or replaced by a newer version); run ${basename(d.pipelineFile)} again to restore them`, ExitCode.failed);
}

/**
 * Reads a registered JSONL dataset whole, checking each record fits its export schema; bad records are reported as
 * `label:line: error: …` (the first 20 and a count), like every other dataset genesis reads.
 */
export function readRecords(path: string, recordType: RecordType, label: string): Row[] {
  const bad = new BadRecords(label);
  const rows: Row[] = [];
  readFileSync(path, 'utf8').split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (e) {
      return bad.add(i + 1, `invalid JSON: ${(e as Error).message}`);
    }
    const problem = value && typeof value === 'object' && !Array.isArray(value) ? parquetProblem(recordType, value as Row) : 'not a JSON object';
    if (problem) return bad.add(i + 1, `cannot export this ${recordType}: ${problem}`);
    rows.push(value as Row);
  });
  bad.settle(rows.length, 'fail');
  return rows;
}

/** What the card says about a registered dataset, from its registry row, reports and lineage edges. */
export function registeredProvenance(db: Db, d: DatasetRow, license: string, genesisVersion: string): Provenance {
  return {
    name: d.name,
    version: d.version,
    description: d.description,
    license,
    generator: d.producerUses,
    provider: d.provider,
    model: d.model,
    seed: d.seed,
    pipelineFile: basename(d.pipelineFile),
    pipelineHash: d.pipelineHash,
    producerStep: d.producerStep,
    contentHash: d.contentHash,
    spend: { requests: d.requests, batchRecords: d.batchRecords, inputTokens: d.inputTokens, outputTokens: d.outputTokens, usd: d.costUsd },
    reports: datasetMetrics(db, d.id).map((m) => ({ kind: m.kind, stepId: m.stepId, metrics: m.metrics })),
    lineage: lineageLines(lineageOf(db, d)),
    genesisVersion,
  };
}

/** The lineage tree as indented lines; pipeline files by base name (their folder is the user's machine). */
function lineageLines(roots: LineageTree[]): string[] {
  const out: string[] = [];
  const walk = (t: LineageTree, depth: number) => {
    const { label, ref } = splitNodeId(t.id);
    const shown = t.kind === 'pipeline' ? `pipeline ${basename(label)} (sha256 ${ref.slice(0, 12)})` : t.kind === 'model' ? `model sha256 ${t.id.slice(0, 12)}` : `${t.relation && t.kind === 'report' ? t.relation : t.kind} ${label}${ref && t.kind !== 'dataset' ? ` (${ref.slice(0, 12)})` : ref ? `@${ref}` : ''}`;
    out.push(`${'  '.repeat(depth)}${depth ? '└─ ' : ''}${shown}`);
    for (const c of t.children) walk(c, depth + 1);
  };
  for (const r of roots) walk(r, 0);
  return out;
}

export interface RegisteredExport {
  splits: readonly SplitShare[];
  /** Seed of the split; default the dataset's own. */
  seed?: number;
  format: ExportFormat;
  license: string;
  genesisVersion: string;
}

/** A registered dataset version written into `dir` in the Hub layout: what `genesis export` and the step both do. */
export function exportRegistered(db: Db, stateDir: string, d: DatasetRow, dir: string, o: RegisteredExport): ExportResult & { records: number } {
  const rows = readRecords(datasetFile(stateDir, d), d.recordType, `${d.name}@${d.version}`);
  const result = writeExport(dir, { rows, recordType: d.recordType, splits: o.splits, seed: o.seed ?? d.seed, format: o.format, provenance: registeredProvenance(db, d, o.license, o.genesisVersion) });
  return { ...result, records: rows.length };
}
