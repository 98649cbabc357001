// Batch mode: missing items as Bedrock batch jobs, re-attached across reruns, collected into item checkpoints.
import type { ChatRequest } from '../contract.js';
import type { BatchInference } from '../batch-contract.js';
import type { ItemCost, ItemStore } from '../../steps/contract.js';
import type { BatchJobRecord, BatchJobStore } from '../../store/batch-jobs.js';
import { ResumableStop } from '../../util/errors.js';
import { sleep } from '../../util/abort.js';
import { answerOutcomes, type AnswerReader } from './answer-outcomes.js';

export interface Tally {
  generated: number;
  failed: number;
  retriedInvalid: number;
  requests: number;
  wastedReplies: number;
}

export interface BatchPhaseInput<S, R> {
  /** Items not yet done, without duplicates. */
  items: Array<{ key: string; spec: S }>;
  batch: BatchInference;
  jobs: BatchJobStore;
  store: ItemStore;
  ledger?: ItemStore;
  render: (specs: S[]) => ChatRequest;
  reader: AnswerReader<S, R>;
  signal: AbortSignal;
  onItemDone?: () => void;
  onStatus?: (message: string) => void;
  /** What the provider has spent on-demand so far in this run (the budget covers both modes). */
  spentUsd: () => number;
  /** Sends items through the on-demand path (below min_records, error records, answers that failed their check). */
  onDemand: (items: Array<{ key: string; spec: S }>) => Promise<Tally>;
}

/**
 * 1. re-attach to uncollected jobs holding any of these items (a rerun after Ctrl-C, SIGKILL or a reboot);
 * 2. group the other items into jobs of at most max_records, each recorded before and after it is created — a group
 *    below min_records goes on-demand instead; 3. run the on-demand items while the jobs run; 4. wait up to wait_s,
 *    collecting each job as it ends, else stop resumably (exit 75); 5. ask again on-demand what a job did not answer.
 */
export async function runBatchPhase<S, R>(p: BatchPhaseInput<S, R>): Promise<Tally> {
  const { batch, jobs, store } = p;
  const todo = new Map(p.items.map((it) => [it.key, it]));
  const tally: Tally = { generated: 0, failed: 0, retriedInvalid: 0, requests: 0, wastedReplies: 0 };
  const add = (t: Tally) => {
    for (const k of Object.keys(tally) as Array<keyof Tally>) tally[k] += t[k];
  };
  const say = (m: string) => p.onStatus?.(m);

  const attached: BatchJobRecord[] = [];
  const claimed = new Set<string>();
  for (const job of jobs.open()) {
    if (job.model !== batch.model) continue;
    const mine = job.keys.filter((k) => todo.has(k));
    if (!mine.length) continue;
    attached.push(job);
    for (const k of mine) claimed.add(k);
    say(`batch job ${job.name}: re-attached (${job.status}, ${mine.length} items)`);
  }

  const free = p.items.filter((it) => !claimed.has(it.key));
  const below: Array<{ key: string; spec: S }> = [];
  let reservedUsd = 0;
  for (let i = 0; i < free.length; i += batch.maxRecords) {
    const group = free.slice(i, i + batch.maxRecords);
    if (group.length < batch.minRecords) {
      below.push(...group);
      continue;
    }
    const keys = group.map((it) => it.key);
    // A name already used by a collected job (its failures asked again with --retry-failed) takes the next generation.
    let generation = 0;
    let name = batch.jobName(keys, generation);
    while (jobs.get(name)) name = batch.jobName(keys, ++generation);
    const records = group.map((it) => ({ recordId: it.key, request: p.render([it.spec]) }));
    const worst = records.reduce((a, r) => a + batch.worstUsd(r.request), 0);
    if (p.spentUsd() + reservedUsd + worst > batch.budgetUsd) {
      throw new ResumableStop(
        `budget of $${batch.budgetUsd} would not cover batch job ${name}: ${group.length} records may cost up to $${worst.toFixed(4)} at the batch price; raise budget.usd or lower the count`,
        todo.size - tally.generated,
      );
    }
    reservedUsd += worst;
    const where = batch.locate(name);
    jobs.putCreating({ name, model: batch.model, ...where, keys });
    const arn = await batch.submit({ name, ...where, records });
    jobs.putArn(name, arn);
    say(`batch job ${name}: created, ${group.length} records`);
    attached.push(jobs.get(name) as BatchJobRecord);
  }

  // Recorded as creating but never as created: the process died around CreateModelInvocationJob. The name finds it.
  for (const job of attached) {
    if (job.arn) continue;
    let arn = await batch.find(job.name);
    if (arn) say(`batch job ${job.name}: found by name after an interrupted create`);
    else {
      const records = job.keys.filter((k) => todo.has(k)).map((k) => ({ recordId: k, request: p.render([(todo.get(k) as { spec: S }).spec]) }));
      arn = await batch.submit({ name: job.name, inputUri: job.inputUri, outputUri: job.outputUri, records });
      say(`batch job ${job.name}: created, ${records.length} records`);
    }
    jobs.putArn(job.name, arn);
    job.arn = arn;
  }

  if (below.length) {
    say(`${below.length} items are fewer than a batch job's min_records (${batch.minRecords}): asked on-demand`);
    add(await p.onDemand(below));
  }

  const retry: Array<{ key: string; spec: S }> = [];
  const collect = async (job: BatchJobRecord, status: string) => {
    const results = new Map((await batch.results(job.arn as string)).map((r) => [r.recordId, r]));
    let kept = 0;
    let errors = 0;
    for (const key of job.keys) {
      const it = todo.get(key);
      if (!it || store.get(key)?.status === 'done') continue;
      const r = results.get(key);
      if (!r?.response) {
        errors++;
        retry.push(it);
        continue;
      }
      tally.requests++;
      const cost: ItemCost = { inputTokens: r.response.usage.inputTokens, outputTokens: r.response.usage.outputTokens, usd: r.response.costUsd, requests: 1 };
      const [outcome] = answerOutcomes([it.spec], r.response.text, p.reader);
      if (outcome?.ok) {
        // Not durable one by one: until the job is marked collected, a rerun reads the same output again.
        store.putDone(key, JSON.stringify(outcome.record), cost, false);
        tally.generated++;
        kept++;
        p.onItemDone?.();
      } else {
        // Paid for and unusable: its cost still counts, in the ledger.
        p.ledger?.putDone('unattributed-replies', 'null', cost, false);
        tally.wastedReplies++;
        tally.retriedInvalid++;
        retry.push(it);
      }
    }
    store.flush();
    p.ledger?.flush();
    jobs.markCollected(job.name, status);
    say(`batch job ${job.name}: ${status}, ${kept} items kept${errors ? `, ${errors} records without an answer asked again` : ''}`);
  };

  const deadline = Date.now() + batch.waitMs;
  const shown = new Map<string, string>();
  let pending = attached;
  while (pending.length) {
    const still: Array<{ job: BatchJobRecord; line: string }> = [];
    for (const job of pending) {
      const pr = await batch.progress(job.arn as string);
      jobs.update(job.name, pr.status, pr.processed ?? 0, pr.message);
      if (!pr.terminal) {
        const line = `${pr.status}${pr.total ? `, ${pr.processed ?? 0}/${pr.total} records processed` : ''}`;
        if (shown.get(job.name) !== line) say(`batch job ${job.name}: ${line}`);
        shown.set(job.name, line);
        still.push({ job, line });
      } else if (pr.readable) await collect(job, pr.status);
      else {
        // Failed, Stopped or Expired: nothing to read; its items are asked on-demand rather than lost.
        const mine = job.keys.filter((k) => todo.has(k) && store.get(k)?.status !== 'done');
        say(`batch job ${job.name}: ${pr.status}${pr.message ? ` (${pr.message})` : ''}; its ${mine.length} items are asked on-demand`);
        for (const k of mine) retry.push(todo.get(k) as { key: string; spec: S });
        jobs.markCollected(job.name, pr.status, pr.message);
      }
    }
    if (!still.length) break;
    const left = deadline - Date.now();
    if (left <= 0) {
      const what = still.map((s) => `${s.job.name} (${s.line})`).join(', ');
      const items = still.reduce((a, s) => a + s.job.keys.filter((k) => todo.has(k)).length, 0);
      throw new ResumableStop(`batch job${still.length > 1 ? 's' : ''} ${what} in progress; rerun to collect (${tally.generated} items saved this run)`, items);
    }
    await sleep(Math.min(batch.pollMs, left), p.signal);
    pending = still.map((s) => s.job);
  }

  if (retry.length) {
    say(`${retry.length} items a batch job did not answer usably: asked on-demand`);
    add(await p.onDemand(retry));
  }
  return tally;
}
