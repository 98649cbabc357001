// Read-only commands: validate, graph, status, why, runs.
import { intOption, parse, requireFile } from '../args.js';
import type { Io } from '../io.js';
import { loadAnalyzed, openExistingState, stateDirFor } from '../pipeline-state.js';
import { planRun } from '../../runner/plan.js';
import { listRuns } from '../../store/history.js';
import { InputError } from '../../util/errors.js';
import { didYouMean } from '../../util/suggest.js';
import { duration } from '../reporters/format.js';
import { findStateDir, show } from '../find-state.js';
import { printDiagnostics } from '../print-diagnostics.js';

export async function validateCommand(argv: string[], io: Io): Promise<number> {
  const usage = 'genesis validate <pipeline.yaml> [--json]';
  const { values, positionals } = parse(argv, { json: { type: 'boolean' } }, usage);
  const a = await loadAnalyzed(requireFile(positionals, usage));
  printDiagnostics(a.warnings, io);
  if (values.json) io.stdout(JSON.stringify({ valid: true, pipeline: a.pipeline.name, steps: a.order, warnings: a.warnings }));
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
    const plans = planRun(a, store);
    const plan = plans.find((p) => p.id === stepId)!;
    // A changed input hash says little by itself: name the upstream step and the runs that made each output.
    const changes = plan.changes.map((c) => {
      const input = /^inputs\[(\d+)\]\.output$/.exec(c.field);
      const step = input ? plan.fingerprint?.inputs[Number(input[1])]?.step : undefined;
      if (!step) return c;
      const made = (h: unknown) => (typeof h === 'string' ? store?.producedBy(step, h) ?? null : null);
      return { ...c, upstream: { step, was: made(c.before), now: made(c.after) } };
    });
    // Waiting on upstream steps that will run: what changed there.
    const upstream = plan.state !== 'pending' ? [] : a.pipeline.steps.find((s) => s.id === stepId)!.needs.map((n) => plans.find((p) => p.id === n)!).filter((up) => up.state !== 'fresh');
    if (values.json) {
      const waitingOn = upstream.map((up) => ({ step: up.id, reason: up.reason, changes: up.changes }));
      io.stdout(JSON.stringify({ step: plan.id, state: plan.state, reason: plan.reason, changes, waitingOn, fingerprint: plan.fingerprint ?? null, previous: plan.previous ?? null }, null, 2));
      return 0;
    }
    io.stdout(`${plan.id}: ${plan.state === 'fresh' ? 'fresh (cached output matches)' : plan.reason}`);
    for (const up of upstream) {
      io.stdout(`  ${up.id} runs first: ${up.reason}`);
      for (const c of up.changes) io.stdout(`    ${c.field}: ${short(c.before)} → ${short(c.after)}`);
    }
    for (const c of changes) {
      if (!('upstream' in c)) {
        // env values are recorded as hashes only: say which variable changed, not two meaningless digests.
        if (c.field.startsWith('env.')) io.stdout(`  ${c.field} ${c.before === undefined ? 'added' : c.after === undefined ? 'removed' : 'changed'}`);
        else if (c.field === 'version') io.stdout(`  version: ${short(c.before)} → ${short(c.after)} (the step's code, a module it imports or a data file it reads changed)`);
        else io.stdout(`  ${c.field}: ${short(c.before)} → ${short(c.after)}`);
        continue;
      }
      io.stdout(`  the output of ${c.upstream.step} changed: ${String(c.before).slice(0, 12)} → ${String(c.after).slice(0, 12)}`);
      for (const [label, made] of [['was', c.upstream.was], ['now', c.upstream.now]] as const) {
        io.stdout(`    ${label}: ${made ? `made by run ${made.runId} (${made.startedAt.slice(0, 19).replace('T', ' ')})${made.summary ? `: ${made.summary}` : ''}` : 'no run of it is recorded'}`);
      }
    }
    return 0;
  } finally {
    store?.close();
  }
}

export async function runsCommand(argv: string[], io: Io): Promise<number> {
  const usage = 'genesis runs [<pipeline.yaml>] [--state-dir DIR] [--limit N] [--json]';
  const { values, positionals } = parse(argv, { json: { type: 'boolean' }, 'state-dir': { type: 'string' }, limit: { type: 'string', default: '20' } }, usage);
  let stateDir: string;
  let file: string | undefined;
  if (positionals[0]) {
    const a = await loadAnalyzed(positionals[0]);
    stateDir = stateDirFor(a, values['state-dir']);
    file = a.pipeline.file;
  } else {
    const found = findStateDir(values['state-dir']);
    if (found.note && !values.json) io.stderr(`genesis: ${found.note}`);
    stateDir = found.dir;
  }
  const store = openExistingState(stateDir);
  const where = `in ${show(stateDir)}`;
  if (!store) {
    io.stdout(values.json ? '[]' : `no runs yet ${where}${positionals[0] ? '' : ' (name a pipeline file, or use --state-dir DIR)'}`);
    return 0;
  }
  try {
    const rows = listRuns(store.db, { file, limit: intOption(values.limit, 'limit', 1) ?? 20 }).map(({ pipelineFile: _f, ...r }) => r);
    if (values.json) io.stdout(JSON.stringify(rows, null, 2));
    else if (!rows.length) io.stdout(`no runs yet ${where}`);
    else {
      io.stdout('run                     pipeline          status       ran cached failed  took');
      for (const r of rows) {
        const took = r.finishedAt ? duration(Date.parse(String(r.finishedAt)) - Date.parse(String(r.startedAt))) : '-';
        io.stdout(`${String(r.id).padEnd(23)} ${String(r.pipeline).padEnd(17)} ${String(r.status).padEnd(12)} ${String(r.ran ?? 0).padStart(3)} ${String(r.cached ?? 0).padStart(6)} ${String(r.failed ?? 0).padStart(6)}  ${took}`);
      }
      io.stdout(`(runs ${where})`);
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
