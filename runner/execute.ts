// Execute: schedule ready steps (bounded), reuse cached outputs, run the rest, store what they make.
import { existsSync, mkdirSync, rmdirSync, rmSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { GateError, GenesisError, InputError, ResumableStop } from '../util/errors.js';
import type { StepInput } from '../steps/contract.js';
import type { ChatProvider } from '../providers/contract.js';
import { providerTotals } from './provider-totals.js';
import { dbCheckpoints } from '../store/checkpoints.js';
import type { FileHasher } from '../store/file-hashes.js';
import { CorruptObjectError } from '../store/objects.js';
import { assertOurs, ForeignFolderError, storeOutputs, syncOutput, type Manifest, type SyncReport } from '../store/outputs.js';
import type { StateStore } from '../store/state.js';
import { claimRunTmp, reclaimTmp, tmpRoot } from '../store/tmp-space.js';
import type { AnalyzedPipeline } from './analyze.js';
import type { Reporter, RunReport, StepReport, StepStatus } from './events.js';
import { ancestorsOf, computeFingerprint, diffFingerprints, staleReason } from './fingerprint.js';
import type { StepDef, StepId } from './pipeline.js';
import { forcedSteps, selectSteps } from './select.js';
import { buildContext } from './step-context.js';
import { keepFailedReport } from './failed-report.js';
import { StepDeadline } from './step-deadline.js';
import { environmentFault, isEnvironmentFault } from '../util/env-faults.js';
import { DB_FILE } from '../store/db.js';
import { Semaphore } from '../util/semaphore.js';

export interface ExecuteOptions {
  only?: string[];
  until?: string;
  force?: true | string[];
  concurrency?: number;
  retryFailed?: boolean;
  signal: AbortSignal;
  reporter: Reporter;
}

interface Outcome {
  ok: boolean;
  outputHash?: string;
  manifest?: Manifest;
  dir?: string;
  why?: string;
}

export function newRunId(): string {
  const t = new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14);
  return `${t}-${randomBytes(3).toString('hex')}`;
}

export function outputDirOf(a: AnalyzedPipeline, id: string): string {
  return join(a.pipeline.outputsDir, a.pipeline.name, id);
}

export async function execute(a: AnalyzedPipeline, store: StateStore, opts: ExecuteOptions): Promise<RunReport> {
  const { pipeline } = a;
  const { selected, external } = selectSteps(pipeline, opts);
  const forced = forcedSteps(pipeline, opts.force);
  // --retry-failed reruns the steps whose last run left items failed; their finished items are reused.
  if (opts.retryFailed) for (const s of pipeline.steps) if (store.lastFailedItems(pipeline.file, s.id) > 0) forced.add(s.id);
  const runId = newRunId();
  const hasher = store.files;
  const sem = new Semaphore(opts.concurrency ?? pipeline.concurrency ?? Math.max(1, cpus().length));
  const providers = new Map<string, Promise<ChatProvider>>();
  const reports = new Map<StepId, StepReport>();
  const outcomes = new Map<StepId, Promise<Outcome>>();
  const byId = new Map(pipeline.steps.map((s) => [s.id, s]));
  let resumable = false;
  let cost: NonNullable<RunReport['cost']> = { inputTokens: 0, outputTokens: 0, usd: 0, requests: 0 };

  // Under the state lock no other run is alive here, so what tmp/ holds is a killed run's debris.
  reclaimTmp(store.dir);
  let runTmp: string | undefined;
  store.startRun({ id: runId, pipelineFile: pipeline.file, pipelineName: pipeline.name, pipelineHash: pipeline.fileHash, options: { only: opts.only, until: opts.until, force: opts.force } });
  opts.reporter({ kind: 'run-start', runId, pipeline: pipeline.name, steps: a.order.filter((id) => selected.has(id)).map((id) => ({ id, uses: byId.get(id)!.uses })) });

  // A failure to write history (disk full, read-only state) must not cost the user the summary or the run's status:
  // it is kept, the run carries on recording what it can, and the CLI reports it after the summary (exit 74).
  const dbPath = join(store.dir, DB_FILE);
  let fault: unknown;
  const recording = (write: () => void): void => {
    try {
      write();
    } catch (e) {
      fault ??= e;
    }
  };
  const finish = (step: StepDef, r: Omit<StepReport, 'id' | 'uses'>, fingerprintHash?: string): void => {
    const report: StepReport = { id: step.id, uses: step.uses, ...r };
    reports.set(step.id, report);
    recording(() => store.recordStepRun({ runId, stepId: step.id, uses: step.uses, status: r.status, fingerprintHash, outputHash: r.outputHash, durationMs: r.durationMs, summary: r.summary, metrics: r.metrics, error: r.error }));
    opts.reporter({ kind: 'step-finish', report });
  };

  /** Brings a step's out/ folder (and a command's declared outputs) in line with its stored output, saying what it changed. */
  const sync = (step: StepDef, outputHash: string, manifest: Manifest, dir: string): { ok: true } | { ok: false; corrupt?: string; error?: string } => {
    try {
      say(step, dir, syncOutput(store.objects, hasher, manifest, outputHash, dir), true);
      const restored = restoreCommandOutputs(store, step, manifest, pipeline.dir, hasher);
      if (restored.length) opts.reporter({ kind: 'step-log', id: step.id, level: 'warn', message: `restored ${list(restored)} from the cache (changed or deleted since this step wrote them)` });
      return { ok: true };
    } catch (e) {
      if (e instanceof CorruptObjectError) return { ok: false, corrupt: e.message };
      if (e instanceof ForeignFolderError) return { ok: false, error: e.message };
      throw e;
    }
  };
  const say = (step: StepDef, dir: string, r: SyncReport, cached = false) => {
    const where = relative(pipeline.dir, dir) || dir;
    const warn = (message: string) => opts.reporter({ kind: 'step-log', id: step.id, level: 'warn', message });
    if (r.replaced && cached) opts.reporter({ kind: 'step-log', id: step.id, level: 'info', message: `${where}: put in place from the cache` });
    if (r.restored.length) warn(`${where}: restored ${list(r.restored)} from the cache (changed or deleted since genesis wrote it)`);
    if (r.removed.length) warn(`${where}: removed ${list(r.removed)} (not part of this step's output)`);
    if (r.repaired.length) warn(`stored object(s) behind ${where}/${list(r.repaired)} were corrupt or missing; stored again from the intact copy`);
  };

  const process1 = async (step: StepDef): Promise<Outcome> => {
    const deps = await Promise.all(step.needs.map((n) => outcomes.get(n)!));
    const isSelected = selected.has(step.id);
    if (!isSelected && !external.has(step.id)) return { ok: false, why: 'not selected' };
    const failedDep = step.needs.find((_, i) => !deps[i]!.ok);
    if (failedDep !== undefined) {
      const why = `needs "${failedDep}", which ${deps[step.needs.indexOf(failedDep)]!.why ?? 'did not finish'}`;
      if (isSelected) finish(step, { status: 'skipped', durationMs: 0, outputHash: null, reason: why });
      return { ok: false, why: 'was skipped' };
    }
    if (opts.signal.aborted) {
      if (isSelected) finish(step, { status: 'skipped', durationMs: 0, outputHash: null, reason: 'run interrupted' });
      return { ok: false, why: 'was interrupted' };
    }
    const type = a.types.get(step.id)!;
    const upstream = new Map(step.needs.map((n, i) => [n as string, deps[i]!.outputHash!]));
    if (type.readsLineage) for (const n of ancestorsOf(pipeline, step)) upstream.set(n, lineage.get(n)?.outputHash ?? 'unknown');
    const { fingerprint, hash } = computeFingerprint(pipeline, step, type, upstream, hasher);
    const outDir = outputDirOf(a, step.id);

    if (!isSelected) {
      // Outside --only: use its cached output, or the last one it made.
      const hit = store.lookup(hash) ?? lastOutput(store, pipeline.file, step.id);
      if (!hit) return { ok: false, why: 'has no output yet (run it first, or drop --only)' };
      const s = sync(step, hit.outputHash, hit.manifest, outDir);
      return s.ok ? { ok: true, ...hit, dir: outDir } : { ok: false, why: s.error ? `cannot be put in place (${s.error})` : 'has a corrupt cached output (run it again without --only)' };
    }

    const started = performance.now();
    let corrupt: string | undefined;
    if (!forced.has(step.id)) {
      const hit = store.lookup(hash);
      if (hit) {
        const s = sync(step, hit.outputHash, hit.manifest, outDir);
        if (s.ok) {
          if (store.lastFingerprintHash(pipeline.file, step.id) !== hash) store.commitStep({ pipelineFile: pipeline.file, stepId: step.id, uses: step.uses, fingerprintHash: hash, fingerprint, outputHash: hit.outputHash });
          finish(step, { status: 'cached', durationMs: performance.now() - started, outputHash: hit.outputHash, summary: store.producedBy(step.id, hit.outputHash)?.summary ?? undefined, outputDir: outDir }, hash);
          return { ok: true, outputHash: hit.outputHash, manifest: hit.manifest, dir: outDir };
        }
        if (s.error) {
          finish(step, { status: 'failed', durationMs: performance.now() - started, outputHash: null, error: s.error }, hash);
          return { ok: false, why: 'failed' };
        }
        // A damaged object: never serve it; recompute now (the cache entry goes, the object is rewritten).
        store.forget(hash);
        corrupt = s.corrupt;
        opts.reporter({ kind: 'step-log', id: step.id, level: 'warn', message: `cached output is damaged (${corrupt}) and its materialized copy was changed too: running the step again` });
      }
    }

    const reason = forced.has(step.id) ? (opts.retryFailed && !opts.force ? 'retrying failed items' : 'forced') : corrupt ? 'cached output damaged' : whyStale(store, pipeline.file, step.id, fingerprint);
    const release = await sem.acquire();
    runTmp ??= claimRunTmp(store.dir, runId);
    const work = join(runTmp, step.id);
    const checkpoints = dbCheckpoints(store.db, opts.retryFailed ?? false);
    const stats: Record<string, number> = {};
    const deadline = new StepDeadline(opts.signal, step.timeoutMs);
    try {
      if (opts.signal.aborted) {
        finish(step, { status: 'skipped', durationMs: 0, outputHash: null, reason: 'run interrupted' });
        return { ok: false, why: 'was interrupted' };
      }
      opts.reporter({ kind: 'step-start', id: step.id, reason });
      // Upstream folders were brought in line with their outputs when their steps finished or were found cached.
      const inputs: StepInput[] = step.needs.map((n, i) => {
        const d = deps[i]!;
        return { stepId: n, uses: byId.get(n)!.uses, dir: d.dir!, files: d.manifest!.files.map((f) => f.path), outputHash: d.outputHash!, needs: lineage.get(n)?.needs ?? [] };
      });
      assertOurs(outDir); // fail before the work, not after, when out/ holds a folder genesis must not replace
      rmSync(work, { recursive: true, force: true });
      mkdirSync(work, { recursive: true });
      const ctx = buildContext({ pipeline, step, type, inputs, outDir: work, signal: deadline.signal, checkpoints, store, runId, fingerprint: fingerprint as unknown as Record<string, unknown>, report: opts.reporter, providers, stats });
      store.flushStepRuns(); // steps may read earlier steps' history (register/dataset sums their cost)
      const result = (await type.run(ctx)) ?? {};
      checkpoints.flushAll();
      if (opts.signal.aborted) throw opts.signal.reason ?? new Error('interrupted');
      if (deadline.timedOut) throw deadline.failure(undefined);
      const { manifest, hash: outputHash } = storeOutputs(store.objects, work);
      store.commitStep({ pipelineFile: pipeline.file, stepId: step.id, uses: step.uses, fingerprintHash: hash, fingerprint, outputHash, manifest });
      say(step, outDir, syncOutput(store.objects, hasher, manifest, outputHash, outDir));
      const spent = checkpoints.totals();
      addCost(spent);
      const metrics = { ...(result.metrics ?? {}), ...(Object.keys(stats).length ? { counts: stats } : {}), ...costMetric(spent) };
      finish(step, { status: 'ran', durationMs: performance.now() - started, outputHash, summary: result.summary, reason, metrics: Object.keys(metrics).length ? metrics : undefined, outputDir: outDir }, hash);
      return { ok: true, outputHash, manifest, dir: outDir };
    } catch (thrown) {
      const err = deadline.failure(thrown);
      if (isEnvironmentFault(err)) fault ??= err;
      recording(() => checkpoints.flushAll());
      const spent = checkpoints.totals();
      addCost(spent);
      const status: StepStatus = opts.signal.aborted || err instanceof ResumableStop ? 'interrupted' : 'failed';
      if (err instanceof ResumableStop) resumable = true;
      let error = describeError(err, opts.signal, dbPath);
      if (err instanceof GateError && !opts.signal.aborted) error += keepFailedReport(work, outDir, error, runId);
      // What an interrupted or failed attempt paid for is recorded too: a resumed run pays only for the rest.
      const metrics = { ...(Object.keys(stats).length ? { counts: stats } : {}), ...costMetric(spent) };
      finish(step, { status, durationMs: performance.now() - started, outputHash: null, error, reason, metrics: Object.keys(metrics).length ? metrics : undefined }, hash);
      return { ok: false, why: status === 'failed' ? 'failed' : 'was interrupted' };
    } finally {
      deadline.dispose();
      release();
      rmSync(work, { recursive: true, force: true });
    }
  };

  let batchRecords = 0;
  const addCost = (c: { inputTokens: number; outputTokens: number; usd: number; requests: number; batchRecords: number }) => {
    cost = { inputTokens: cost.inputTokens + c.inputTokens, outputTokens: cost.outputTokens + c.outputTokens, usd: cost.usd + c.usd, requests: cost.requests + c.requests };
    batchRecords += c.batchRecords;
  };

  // What each finished step made, with what it was made from: dependants see their inputs' lineage.
  const lineage = new Map<string, StepInput>();
  // Whatever escapes a step (a bug, a fault while recording) fails that step alone; the run still ends recorded.
  const settle = (step: StepDef) =>
    process1(step).catch((err: unknown): Outcome => {
      if (isEnvironmentFault(err)) fault ??= err;
      if (!reports.has(step.id)) finish(step, { status: 'failed', durationMs: 0, outputHash: null, error: describeError(err, opts.signal, dbPath) });
      return { ok: false, why: 'failed' };
    });
  for (const id of a.order) {
    const step = byId.get(id)!;
    outcomes.set(
      id,
      settle(step).then((o) => {
        if (o.ok) lineage.set(id, { stepId: id, uses: step.uses, dir: o.dir!, files: o.manifest!.files.map((f) => f.path), outputHash: o.outputHash!, needs: step.needs.flatMap((n) => lineage.get(n) ?? []) });
        return o;
      }),
    );
  }
  await Promise.all(outcomes.values());
  const paid = cost.requests > 0 || batchRecords > 0;
  const extra = await providerTotals(providers.values());
  if (paid) {
    const round = (v: number) => Math.round(v * 1e6) / 1e6;
    // Item costs carry on-demand requests and batch records apart; the summary tells them apart too.
    cost = {
      ...cost,
      ...(batchRecords || extra.batchJobs ? { batchRecords, batchJobs: extra.batchJobs } : {}),
      ...(extra.cacheReadTokens > 0 ? { cacheSavedUsd: round(extra.cacheSavedUsd) } : {}),
    };
  }
  for (const p of providers.values()) await p.then((x) => x.close?.()).catch(() => undefined);
  if (runTmp) rmSync(runTmp, { recursive: true, force: true });
  try {
    rmdirSync(tmpRoot(store.dir)); // only when empty: leaves nothing behind after a finished run
  } catch {
    // not empty (a live process's file) or not there
  }

  const steps = a.order.filter((id) => reports.has(id)).map((id) => reports.get(id)!);
  const anyFailed = steps.some((s) => s.status === 'failed');
  const anyInterrupted = steps.some((s) => s.status === 'interrupted') || opts.signal.aborted;
  const status = anyFailed ? 'failed' : anyInterrupted ? 'interrupted' : 'succeeded';
  recording(() => store.finishRun(runId, status));
  const report: RunReport = { pipeline: pipeline.name, runId, status, steps, resumable, ...(paid ? { cost } : {}), ...(fault ? { fault } : {}) };
  opts.reporter({ kind: 'run-finish', report });
  return report;
}

function lastOutput(store: StateStore, file: string, id: string): { outputHash: string; manifest: Manifest } | undefined {
  const last = store.lastState(file, id);
  const manifest = last && store.manifest(last.outputHash);
  return last && manifest ? { outputHash: last.outputHash, manifest } : undefined;
}

/** Command steps' declared outputs live in the user's tree: put them back if missing or changed. Throws CorruptObjectError. */
function restoreCommandOutputs(store: StateStore, step: StepDef, manifest: Manifest, pipelineDir: string, hasher: FileHasher): string[] {
  if (step.uses !== 'command') return [];
  const restored: string[] = [];
  for (const f of manifest.files) {
    if (!f.path.startsWith('_outputs/')) continue;
    const rel = f.path.slice('_outputs/'.length);
    const dest = resolve(pipelineDir, rel);
    if (existsSync(dest) && hasher.hash(dest) === f.sha256) continue;
    store.objects.copyTo(f.sha256, dest);
    restored.push(rel);
  }
  return restored;
}

function list(paths: string[]): string {
  return paths.length <= 3 ? paths.join(', ') : `${paths.slice(0, 3).join(', ')} and ${paths.length - 3} more`;
}

/** One line on why a step is running: never ran, or which fingerprint fields changed. */
function whyStale(store: StateStore, file: string, id: string, fingerprint: object): string {
  const last = store.lastState(file, id);
  return staleReason(last ? diffFingerprints(last.fingerprint, fingerprint) : undefined);
}

function describeError(err: unknown, signal: AbortSignal, dbPath: string): string {
  if (signal.aborted) return 'interrupted';
  const env = environmentFault(err, dbPath);
  if (env) return env.message;
  if (err instanceof GateError || err instanceof ResumableStop || err instanceof InputError) return err.message;
  if (err instanceof GenesisError) return err.message;
  if (err instanceof Error) return process.env.GENESIS_DEBUG ? err.stack ?? err.message : `${err.message} (internal error; set GENESIS_DEBUG=1 for details)`;
  return String(err);
}

/** A step's `metrics.cost`, when it paid for anything: on-demand requests, and batch records only when there were some. */
function costMetric(spent: { inputTokens: number; outputTokens: number; usd: number; requests: number; batchRecords: number }): { cost?: Record<string, number> } {
  if (!spent.requests && !spent.batchRecords) return {};
  const { batchRecords, ...rest } = spent;
  return { cost: batchRecords ? { ...rest, batchRecords } : rest };
}
