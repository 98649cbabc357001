// A registered dataset as an export reads it: its records (from the object store, by content hash) and what the
// registry knows of it — provenance, reports, lineage — shaped for the dataset card.
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import type { Db } from '../../store/db.js';
import { ObjectStore } from '../../store/objects.js';
import { hashFile } from '../../store/hash-file.js';
import { datasetMetrics, lineageOf, splitNodeId, type DatasetRow, type LineageTree } from '../../store/registry.js';
import { GenesisError, ExitCode } from '../../util/errors.js';
import type { Provenance } from './layout.js';

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
    spend: { requests: d.requests, inputTokens: d.inputTokens, outputTokens: d.outputTokens, usd: d.costUsd },
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
