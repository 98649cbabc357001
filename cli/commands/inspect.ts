// Read-only commands: validate, graph, status, why, runs.
import { intOption, parse, requireFile } from '../args.js';
import type { Io } from '../io.js';
import { loadAnalyzed, openExistingState, stateDirFor } from '../pipeline-state.js';
import { planRun } from '../../runner/plan.js';
import { InputError } from '../../util/errors.js';
import { didYouMean } from '../../util/suggest.js';
import { duration } from '../reporters/format.js';

export async function validateCommand(argv: string[], io: Io): Promise<number> {
  const usage = 'genesis validate <pipeline.yaml> [--json]';
  const { values, positionals } = parse(argv, { json: { type: 'boolean' } }, usage);
  const a = await loadAnalyzed(requireFile(positionals, usage));
  if (values.json) io.stdout(JSON.stringify({ valid: true, pipeline: a.pipeline.name, steps: a.order }));
  else io.stdout(`${a.pipeline.displayFile}: ok — ${a.pipeline.name}, ${a.order.length} step(s): ${a.order.join(' → ')}`);
  return 0;
}

export async function graphCommand(argv: string[], io: Io): Promise<number> {
  const usage = 'genesis graph <pipeline.yaml> [--format mermaid|dot]';
  const { values, positionals } = parse(argv, { format: { type: 'string', default: 'mermaid' } }, usage);
  const a = await loadAnalyzed(requireFile(positionals, usage));
  const fmt = values.format;
  const label = (id: string) => `${id}\\n${a.pipeline.steps.find((s) => s.id === id)!.uses}`;
  const lines: string[] = [];
  if (fmt === 'mermaid') {
    lines.push('flowchart LR');
    for (const s of a.pipeline.steps) lines.push(`  ${s.id}["${label(s.id).replace('\\n', '<br/>')}"]`);
    for (const s of a.pipeline.steps) for (const n of s.needs) lines.push(`  ${n} --> ${s.id}`);
  } else if (fmt === 'dot') {
    lines.push(`digraph "${a.pipeline.name}" {`, '  rankdir=LR;', '  node [shape=box];');
    for (const s of a.pipeline.steps) lines.push(`  "${s.id}" [label="${label(s.id)}"];`);
    for (const s of a.pipeline.steps) for (const n of s.needs) lines.push(`  "${n}" -> "${s.id}";`);
    lines.push('}');
  } else throw new InputError(`--format must be mermaid or dot, not "${fmt}"`);
  io.stdout(lines.join('\n'));
  return 0;
}

export async function statusCommand(argv: string[], io: Io): Promise<number> {
  const usage = 'genesis status <pipeline.yaml> [--json] [--state-dir DIR]';
  const { values, positionals } = parse(argv, { json: { type: 'boolean' }, 'state-dir': { type: 'string' } }, usage);
  const a = await loadAnalyzed(requireFile(positionals, usage));
  const store = openExistingState(stateDirFor(a, values['state-dir']));
  try {
    const plans = planRun(a, store);
    if (values.json) {
      io.stdout(JSON.stringify({ pipeline: a.pipeline.name, steps: plans.map(({ id, uses, state, reason, outputHash }) => ({ id, uses, state: state === 'fresh' ? 'fresh' : 'stale', reason, outputHash: outputHash ?? null })) }, null, 2));
    } else {
      for (const p of plans) io.stdout(`${p.state === 'fresh' ? 'fresh' : 'stale'}  ${p.id.padEnd(16)} ${p.reason}`);
    }
    return 0;
  } finally {
    store?.close();
  }
}

export async function whyCommand(argv: string[], io: Io): Promise<number> {
  const usage = 'genesis why <pipeline.yaml> <step> [--json] [--state-dir DIR]';
  const { values, positionals } = parse(argv, { json: { type: 'boolean' }, 'state-dir': { type: 'string' } }, usage);
  const a = await loadAnalyzed(requireFile(positionals, usage));
  const stepId = positionals[1];
  if (!stepId) throw new InputError(`missing step id\nusage: ${usage}`);
  if (!a.order.includes(stepId as never)) throw new InputError(`no step "${stepId}" in ${a.pipeline.displayFile}${didYouMean(stepId, a.order)}`);
  const store = openExistingState(stateDirFor(a, values['state-dir']));
  try {
    const plan = planRun(a, store).find((p) => p.id === stepId)!;
    if (values.json) {
      io.stdout(JSON.stringify({ step: plan.id, state: plan.state, reason: plan.reason, changes: plan.changes, fingerprint: plan.fingerprint ?? null, previous: plan.previous ?? null }, null, 2));
      return 0;
    }
    io.stdout(`${plan.id}: ${plan.state === 'fresh' ? 'fresh (cached output matches)' : plan.reason}`);
    for (const c of plan.changes) {
      // env values are recorded as hashes only: say which variable changed, not two meaningless digests.
      if (c.field.startsWith('env.')) io.stdout(`  ${c.field} ${c.before === undefined ? 'added' : c.after === undefined ? 'removed' : 'changed'}`);
      else if (c.field === 'version') io.stdout(`  version: ${short(c.before)} → ${short(c.after)} (the step's code, a module it imports or a data file it reads changed)`);
      else io.stdout(`  ${c.field}: ${short(c.before)} → ${short(c.after)}`);
    }
    return 0;
  } finally {
    store?.close();
  }
}

export async function runsCommand(argv: string[], io: Io): Promise<number> {
  const usage = 'genesis runs [<pipeline.yaml>] [--state-dir DIR] [--limit N] [--json]';
  const { values, positionals } = parse(argv, { json: { type: 'boolean' }, 'state-dir': { type: 'string' }, limit: { type: 'string', default: '20' } }, usage);
  let stateDir = values['state-dir'];
  let file: string | undefined;
  if (positionals[0]) {
    const a = await loadAnalyzed(positionals[0]);
    stateDir = stateDirFor(a, stateDir);
    file = a.pipeline.file;
  }
  const store = openExistingState(stateDir ?? '.genesis');
  if (!store) {
    io.stdout(values.json ? '[]' : 'no runs yet');
    return 0;
  }
  try {
    const rows = store.db
      .prepare(
        `SELECT r.id, r.pipeline_name AS pipeline, r.status, r.started_at AS startedAt, r.finished_at AS finishedAt,
          SUM(s.status = 'ran') AS ran, SUM(s.status = 'cached') AS cached, SUM(s.status = 'failed') AS failed
         FROM runs r LEFT JOIN step_runs s ON s.run_id = r.id ${file ? 'WHERE r.pipeline_file = ?' : ''}
         GROUP BY r.id ORDER BY r.started_at DESC, r.rowid DESC LIMIT ?`,
      )
      .all(...(file ? [file] : []), intOption(values.limit, 'limit', 1) ?? 20) as Array<Record<string, string | number | null>>;
    if (values.json) io.stdout(JSON.stringify(rows, null, 2));
    else if (!rows.length) io.stdout('no runs yet');
    else {
      io.stdout('run                     pipeline          status       ran cached failed  took');
      for (const r of rows) {
        const took = r.finishedAt ? duration(Date.parse(String(r.finishedAt)) - Date.parse(String(r.startedAt))) : '-';
        io.stdout(`${String(r.id).padEnd(23)} ${String(r.pipeline).padEnd(17)} ${String(r.status).padEnd(12)} ${String(r.ran ?? 0).padStart(3)} ${String(r.cached ?? 0).padStart(6)} ${String(r.failed ?? 0).padStart(6)}  ${took}`);
      }
    }
    return 0;
  } finally {
    store.close();
  }
}

function short(v: unknown): string {
  const s = JSON.stringify(v) ?? 'none';
  return s.length > 80 ? s.slice(0, 77) + '…' : s;
}
