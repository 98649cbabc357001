// `genesis run`: load, analyze, then execute (or plan, with --dry-run) under the state lock.
import { join } from 'node:path';
import { ExitCode, InputError } from '../../util/errors.js';
import { environmentFault, isEnvironmentFault } from '../../util/env-faults.js';
import { DB_FILE } from '../../store/db.js';
import { abortError } from '../../util/abort.js';
import type { Reporter, RunReport } from '../../runner/events.js';
import { intOption, listOption, parse, requireFile } from '../args.js';
import type { Io } from '../io.js';
import { loadAnalyzedCached, stateDirFor, openExistingState } from '../pipeline-state.js';
import { plainReporter } from '../reporters/plain.js';
import { jsonEventsReporter } from '../reporters/json-events.js';
import { runSummary } from '../reporters/format.js';
import { printDiagnostics } from '../print-diagnostics.js';

const USAGE = 'genesis run <pipeline.yaml> [--only <step>]… [--until <step>] [--force [<step>…]] [--dry-run] [--json | --json-events] [--concurrency N] [--retry-failed] [--state-dir DIR] [--lock-timeout SECONDS]';

export async function runCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(
    argv,
    {
      only: { type: 'string', multiple: true },
      until: { type: 'string' },
      force: { type: 'boolean' },
      'dry-run': { type: 'boolean' },
      json: { type: 'boolean' },
      'json-events': { type: 'boolean' },
      concurrency: { type: 'string' },
      'retry-failed': { type: 'boolean' },
      'state-dir': { type: 'string' },
      'lock-timeout': { type: 'string' },
      quiet: { type: 'boolean', short: 'q' },
    },
    USAGE,
  );
  const file = requireFile(positionals, USAGE);
  const extra = positionals.slice(1);
  if (extra.length && !values.force) {
    throw new InputError(`unexpected argument "${extra[0]}" (step names after the file are only taken by --force)\nusage: ${USAGE}`);
  }
  if (values.json && values['json-events']) throw new InputError(`--json and --json-events both claim stdout: choose one\nusage: ${USAGE}`);
  const force = values.force ? (extra.length ? extra : true) : undefined;
  const only = listOption(values.only);
  const concurrency = intOption(values.concurrency, 'concurrency', 1);
  const lockTimeoutS = intOption(values['lock-timeout'], 'lock-timeout', 0) ?? 60;

  const { analyzed, remember } = await loadAnalyzedCached(file, values['state-dir']);
  printDiagnostics(analyzed.warnings, io);
  const stateDir = stateDirFor(analyzed, values['state-dir']);

  if (values['dry-run']) {
    const { dryRun } = await import('./dry-run.js');
    return dryRun(analyzed, openExistingState(stateDir), { only, until: values.until, force }, io, Boolean(values.json));
  }

  const { StateStore } = await import('../../store/state.js');
  const { acquireLock } = await import('../../store/lock.js');
  const { execute } = await import('../../runner/execute.js');

  // A read-only or full state folder is the environment's fault: name the path (exit 74), not "internal error".
  const named = (e: unknown) => environmentFault(e, join(stateDir, DB_FILE)) ?? e;
  const lock = await acquireLock(stateDir, {
    command: `genesis run ${file}`,
    timeoutMs: lockTimeoutS * 1000,
    onWait: (h) => io.stderr(`genesis: waiting for pid ${h.pid} (${h.command}) to release ${stateDir}/lock…`),
  }).catch((e: unknown) => {
    throw named(e);
  });
  let store: InstanceType<typeof StateStore>;
  try {
    store = StateStore.open(stateDir);
  } catch (e) {
    lock.release(); // e.g. a database newer than this genesis: leave no lock behind
    throw named(e);
  }
  try {
    remember();
  } catch (e) {
    // The pipeline cache only saves start-up time: a full or read-only disk surfaces (named) when the run writes.
    if (!isEnvironmentFault(e)) throw e;
  }
  const controller = new AbortController();
  let interrupts = 0;
  const onSignal = (sig: NodeJS.Signals) => {
    interrupts++;
    if (interrupts === 1) {
      io.stderr(`\ngenesis: ${sig}: stopping — finished items are kept (press Ctrl-C again to quit now)`);
      controller.abort(abortError(`interrupted by ${sig}`, sig));
    } else {
      lock.release();
      process.exit(ExitCode.interrupted);
    }
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  const started = performance.now();
  let reporter: Reporter;
  let finishReporter = async () => {};
  if (values.json) reporter = () => {};
  // One JSON object per line, as the executor emits them: what `genesis serve` reads from the runs it starts.
  else if (values['json-events']) reporter = jsonEventsReporter(io);
  // listr2 only where it can draw (colour on a terminal); otherwise labelled lines, which NO_COLOR and -q expect.
  else if (io.isTTY && io.color && !values.quiet) {
    const { listrReporter } = await import('../reporters/listr.js');
    const l = await listrReporter(io);
    reporter = l.reporter;
    finishReporter = l.done;
  } else reporter = plainReporter(io, { quiet: values.quiet });

  let report: RunReport;
  try {
    report = await execute(analyzed, store, { only, until: values.until, force, concurrency, retryFailed: values['retry-failed'], signal: controller.signal, reporter });
  } catch (e) {
    throw named(e); // e.g. the run could not even be recorded as started
  } finally {
    await finishReporter();
    try {
      store.close();
    } catch {
      // Only buffered history is lost; the run's status was written (or is marked interrupted by the next run).
    }
    lock.release();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  if (values.json) {
    const noCost = { inputTokens: 0, outputTokens: 0, usd: 0, requests: 0 };
    const steps = report.steps.map(({ id, uses, status, durationMs, outputHash, outputDir, summary, error, metrics }) => ({
      id, uses, status, durationMs: Math.round(durationMs), outputHash,
      // Where the step's files are (absolute); null when the step made no output this run.
      output: outputHash && outputDir ? outputDir : null,
      cost: (metrics?.cost as typeof noCost | undefined) ?? noCost,
      summary, error, metrics,
    }));
    io.stdout(JSON.stringify({ pipeline: report.pipeline, runId: report.runId, status: report.status, resumable: report.resumable, cost: report.cost ?? noCost, steps }, null, 2));
  } else {
    io.stderr(runSummary(report, performance.now() - started));
    for (const s of report.steps) if (s.status === 'ran' && s.outputDir && !values.quiet) io.stderr(`  ${s.id} → ${s.outputDir}`);
  }
  if (report.fault) throw environmentFault(report.fault, join(stateDir, DB_FILE)) ?? report.fault;
  if (controller.signal.aborted) return ExitCode.interrupted;
  if (report.status === 'failed') return ExitCode.failed;
  if (report.resumable) return ExitCode.resumable;
  return report.status === 'succeeded' ? ExitCode.ok : ExitCode.failed;
}
