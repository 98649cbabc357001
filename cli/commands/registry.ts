// Registry views: `genesis datasets [list | show <name>[@version]]` and `genesis lineage <name>[@version]`.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from '../args.js';
import type { Io } from '../io.js';
import { DB_FILE, openDb, type Db } from '../../store/db.js';
import {
  datasetMetrics,
  datasetNames,
  findDataset,
  lineageOf,
  listDatasets,
  splitNodeId,
  trainingRuns,
  type DatasetRow,
  type LineageTree,
  type MetricsRow,
  type TrainingRunRow,
} from '../../store/registry.js';
import { InputError } from '../../util/errors.js';
import { paidCalls } from '../../util/paid-calls.js';
import { didYouMean } from '../../util/suggest.js';
import { findStateDir, show } from '../find-state.js';
import { reportHeadline } from '../headlines.js';

const STATE_OPTIONS = {
  json: { type: 'boolean' },
  'state-dir': { type: 'string' },
  pipeline: { type: 'string' },
} as const;

export async function datasetsCommand(argv: string[], io: Io): Promise<number> {
  const usage = 'genesis datasets [list | show <name>[@version]] [--json] [--state-dir DIR | --pipeline FILE]';
  const { values, positionals } = parse(argv, STATE_OPTIONS, usage);
  const [sub = 'list', ref, ...extra] = positionals;
  if (sub !== 'list' && sub !== 'show') throw new InputError(`unknown datasets subcommand "${sub}"${didYouMean(sub, ['list', 'show'])}\nusage: ${usage}`);
  if (extra.length || (sub === 'list' && ref !== undefined)) throw new InputError(`unexpected argument "${extra[0] ?? ref}"\nusage: ${usage}`);
  if (sub === 'show' && ref === undefined) throw new InputError(`missing dataset name\nusage: ${usage}`);
  const { db, dir } = await openState(values, io);
  try {
    if (sub === 'list') return list(db, dir, io, values.json ?? false);
    const d = resolveRef(db, ref!, dir);
    const metrics = datasetMetrics(db!, d.id);
    const models = trainingRuns(db!, d.id);
    const versions = listDatasets(db!).filter((x) => x.name === d.name).map((x) => x.version).reverse();
    if (values.json) io.stdout(JSON.stringify({ ...d, versions, metrics, trainingRuns: models }, null, 2));
    else io.stdout(showText(d, versions, metrics, models));
    return 0;
  } finally {
    db?.close();
  }
}

export async function lineageCommand(argv: string[], io: Io): Promise<number> {
  const usage = 'genesis lineage <name>[@version] [--json] [--state-dir DIR | --pipeline FILE]';
  const { values, positionals } = parse(argv, STATE_OPTIONS, usage);
  const [ref, ...extra] = positionals;
  if (ref === undefined) throw new InputError(`missing dataset name\nusage: ${usage}`);
  if (extra.length) throw new InputError(`unexpected argument "${extra[0]}"\nusage: ${usage}`);
  const { db, dir } = await openState(values, io);
  try {
    const d = resolveRef(db, ref, dir);
    const roots = lineageOf(db!, d);
    if (values.json) {
      io.stdout(JSON.stringify({ dataset: `${d.name}@${d.version}`, roots }, null, 2));
      return 0;
    }
    const metrics = datasetMetrics(db!, d.id);
    const models = trainingRuns(db!, d.id);
    const lines: string[] = [];
    const walk = (t: LineageTree, prefix: string, last: boolean, root: boolean) => {
      lines.push(root ? nodeLabel(t, d, metrics, models) : `${prefix}${last ? '└─ ' : '├─ '}${nodeLabel(t, d, metrics, models)}`);
      const childPrefix = root ? '' : prefix + (last ? '   ' : '│  ');
      t.children.forEach((c, i) => walk(c, childPrefix, i === t.children.length - 1, false));
    };
    for (const r of roots) walk(r, '', true, true);
    io.stdout(lines.join('\n'));
    return 0;
  } finally {
    db?.close();
  }
}

/**
 * --state-dir wins; else the state folder of --pipeline; else .genesis here or the one state folder below. The
 * pipeline loader (YAML, ajv) is imported only for --pipeline, so listing stays close to bare node start-up.
 */
export async function openState(values: { 'state-dir'?: string; pipeline?: string }, io: Io): Promise<{ db: Db | undefined; dir: string }> {
  let dir: string;
  if (values.pipeline) {
    const { loadAnalyzed, stateDirFor } = await import('../pipeline-state.js');
    dir = stateDirFor(await loadAnalyzed(values.pipeline), values['state-dir']);
  } else {
    const found = findStateDir(values['state-dir']);
    if (found.note) io.stderr(`genesis: ${found.note}`);
    dir = found.dir;
  }
  // Read-only commands create nothing; an older database is still upgraded (openDb migrates), a newer refused.
  return { db: existsSync(join(dir, DB_FILE)) ? openDb(dir) : undefined, dir };
}

export function resolveRef(db: Db | undefined, ref: string, dir: string): DatasetRow {
  const at = ref.lastIndexOf('@');
  const name = at < 0 ? ref : ref.slice(0, at);
  const v = at < 0 ? 'latest' : ref.slice(at + 1);
  if (v !== 'latest' && !/^[1-9][0-9]*$/.test(v)) throw new InputError(`"${ref}": the version after @ must be a number ≥ 1 or "latest"`);
  const version = v === 'latest' ? undefined : Number(v);
  const d = db && findDataset(db, name, version);
  if (d) return d;
  const names = db ? datasetNames(db) : [];
  if (names.includes(name)) {
    const latest = findDataset(db!, name)!;
    throw new InputError(`dataset "${name}" has no version ${v} (latest is ${latest.version})`);
  }
  throw new InputError(`no dataset "${name}" is registered in ${show(dir)}${names.length ? didYouMean(name, names) : ' (nothing is registered there yet; another pipeline\'s? use --pipeline FILE)'}`);
}

function list(db: Db | undefined, dir: string, io: Io, json: boolean): number {
  const rows = (db ? listDatasets(db) : []).map((r) => ({ ...r, headlines: headlinesOf(db!, r) }));
  if (json) {
    io.stdout(JSON.stringify(rows.map(({ producerFingerprint: _fp, ...r }) => ({ ...r, tokens: r.inputTokens + r.outputTokens })), null, 2));
    return 0;
  }
  if (!rows.length) {
    io.stdout(`no datasets registered in ${show(dir)} yet (add a register/dataset step to a pipeline, or point at its state with --pipeline FILE)`);
    return 0;
  }
  io.stdout(
    table(
      ['dataset', 'records', 'type', 'source', 'seed', 'tokens', 'cost', 'quality', 'bias', 'content', 'created'],
      rows.map((r) => [
        `${r.name}@${r.version}`, String(r.recordCount), r.recordType, origin(r), String(r.seed), String(r.inputTokens + r.outputTokens), usd(r.costUsd),
        r.headlines.quality ?? '-', r.headlines.bias ?? '-', short(r.contentHash), r.createdAt.slice(0, 19).replace('T', ' '),
      ]),
      [false, true, false, false, true, true, true, false, false, false, false],
    ) + `\n(registry: ${show(join(dir, DB_FILE))})`,
  );
  return 0;
}

/** The latest report of each kind, as one line each (what the list promises: quality, bias, training). */
function headlinesOf(db: Db, d: DatasetRow): Partial<Record<MetricsRow['kind'], string>> {
  const out: Partial<Record<MetricsRow['kind'], string>> = {};
  for (const m of datasetMetrics(db, d.id)) out[m.kind] = reportHeadline(m.kind, m.metrics);
  return out;
}

function showText(d: DatasetRow, versions: number[], metrics: MetricsRow[], models: TrainingRunRow[]): string {
  const lines = [`${d.name}@${d.version}${d.description ? ` — ${d.description}` : ''}`];
  const kv = (k: string, v: string) => lines.push(`  ${k.padEnd(10)} ${v}`);
  kv('content', `sha256:${d.contentHash}`);
  kv('records', `${d.recordCount} ${d.recordType} (${d.fileName}, schema ${d.schemaVersion})`);
  kv('created', `${d.createdAt}${d.runId ? ` by run ${d.runId}` : ''}`);
  kv('pipeline', `${d.pipelineName} (${show(d.pipelineFile)}, sha256 ${short(d.pipelineHash)})`);
  kv('producer', `${d.producerStep} (${d.producerUses}), fingerprint ${d.producerFingerprintHash ? short(d.producerFingerprintHash) : 'unknown'}`);
  kv('source', `${origin(d)}, seed ${d.seed}`);
  kv('spend', `${paidCalls(d.requests, d.batchRecords)}, ${d.inputTokens} input + ${d.outputTokens} output tokens, ${usd(d.costUsd)}`);
  kv('file', show(d.outputPath));
  kv('versions', versions.join(', '));
  if (metrics.length) {
    lines.push('reports');
    for (const m of metrics) lines.push(`  ${m.kind.padEnd(9)} ${m.stepId.padEnd(16)} ${reportHeadline(m.kind, m.metrics)}`);
  }
  if (models.length) {
    lines.push('models');
    for (const m of models) lines.push(`  ${m.stepId.padEnd(16)} ${m.modelFile} sha256 ${short(m.modelHash)}  ${reportHeadline('training', m.metrics)}`);
  }
  return lines.join('\n');
}

function nodeLabel(t: LineageTree, d: DatasetRow, metrics: MetricsRow[], models: TrainingRunRow[]): string {
  const { label, ref } = splitNodeId(t.id);
  switch (t.kind) {
    case 'pipeline':
      return `pipeline ${show(label)} (sha256 ${short(ref)})`;
    case 'step':
      return `step ${label} (fingerprint ${short(ref)})`;
    case 'dataset':
      return `dataset ${t.id} (${d.recordCount} ${d.recordType} records, sha256 ${short(d.contentHash)})`;
    case 'report': {
      const m = metrics.find((x) => x.stepId === label && x.outputHash === ref && x.kind === t.relation);
      return `${t.relation ?? 'report'} ${label}${m ? ` (${reportHeadline(m.kind, m.metrics)})` : ''}`;
    }
    case 'model': {
      const m = models.find((x) => x.modelHash === t.id);
      return `model ${m ? `${m.stepId}/${m.modelFile} ` : ''}(sha256 ${short(t.id)}${m ? `, ${reportHeadline('training', m.metrics)}` : ''})`;
    }
  }
}

function origin(d: DatasetRow): string {
  if (!d.provider && !d.model) return 'unknown';
  if (d.provider === 'offline' || !d.model) return d.model ?? d.provider!;
  return `${d.provider ?? '?'}/${d.model}`;
}

function usd(v: number): string {
  return `$${v.toFixed(v > 0 && v < 0.01 ? 4 : 2)}`;
}

function short(hash: string): string {
  return hash.slice(0, 12);
}

function table(head: string[], rows: string[][], right: boolean[]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (right[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(head), ...rows.map(line)].join('\n');
}
