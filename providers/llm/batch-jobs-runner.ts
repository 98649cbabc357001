// Batch mode: missing items as Bedrock batch jobs, re-attached across reruns, collected into item checkpoints.
import type { ChatRequest } from '../contract.js';
import type { BatchInference } from '../batch-contract.js';
import type { ItemCost, ItemStore } from '../../steps/contract.js';
import type { BatchJobRecord, BatchJobStore } from '../../store/batch-jobs.js';
import { ResumableStop } from '../../util/errors.js';
import { sleep } from '../../util/abort.js';
import { answerOutcomes, type AnswerReader } from './answer-outcomes.js';
import { groupKeys, itemsPerRecord, recordIdOf } from './batch-records.js';
import { costShares, noDebt } from './cost-shares.js';

export interface Tally {
  generated: number;
  failed: number;
  retriedInvalid: number;
  /** Paid on-demand replies. */
  requests: number;
  /** Batch records read back with an answer (each billed at the batch price). */
  batchRecords: number;
  wastedReplies: number;
}

export interface BatchPhaseInput<S, R> {
  /** Items not yet done, without duplicates. */
  items: Array<{ key: string; spec: S }>;
  batch: BatchInference;
  /** Items per record at most (the step's batch_size): the static prefix is paid per record, not per item. */
  batchSize: number;
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
 * 2. group the other items into records of up to batch_size items (fewer when that would leave a job below
 *    min_records), and the records into jobs of at most max_records, each recorded before and after it is created — a
 *    job below min_records goes on-demand instead; 3. run the on-demand items while the jobs run; 4. wait up to wait_s,
 *    collecting each job as it ends, else stop resumably (exit 75); 5. ask again on-demand what a job did not answer.
 */
export async function runBatchPhase<S, R>(p: BatchPhaseInput<S, R>): Promise<Tally> {
  const { batch, jobs, store } = p;
  const todo = new Map(p.items.map((it) => [it.key, it]));
  const tally: Tally = { generated: 0, failed: 0, retriedInvalid: 0, requests: 0, batchRecords: 0, wastedReplies: 0 };
  const add = (t: Tally) => {
    for (const k of Object.keys(tally) as Array<keyof Tally>) tally[k] += t[k];
  };
  const say = (m: string) => p.onStatus?.(m);
  /** A job's records: its keys grouped as the job store keeps them, each rendered from the items still to do. */
  const recordsOf = (keys: readonly string[], count: number) =>
    groupKeys(keys, count).flatMap((g) => {
      const specs = g.filter((k) => todo.has(k)).map((k) => (todo.get(k) as { spec: S }).spec);
      return specs.length ? [{ recordId: recordIdOf(g), request: p.render(specs) }] : [];
    });

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
  const per = itemsPerRecord(free.length, p.batchSize, batch.minRecords);
  const perJob = batch.maxRecords * per;
  for (let i = 0; i < free.length; i += perJob) {
    const group = free.slice(i, i + perJob);
    const recordCount = Math.ceil(group.length / per);
    if (recordCount < batch.minRecords) {
      below.push(...group);
      continue;
    }
    const keys = group.map((it) => it.key);
    // A name already used by a collected job (its failures asked again with --retry-failed) takes the next generation.
    let generation = 0;
    let name = batch.jobName(keys, generation);
    while (jobs.get(name)) name = batch.jobName(keys, ++generation);
    const records = recordsOf(keys, recordCount);
    const worst = records.reduce((a, r) => a + batch.worstUsd(r.request), 0);
    if (p.spentUsd() + reservedUsd + worst > batch.budgetUsd) {
      throw new ResumableStop(
        `budget of $${batch.budgetUsd} would not cover batch job ${name}: ${records.length} records may cost up to $${worst.toFixed(4)} at the batch price; raise budget.usd or lower the count`,
        todo.size - tally.generated,
      );
    }
    reservedUsd += worst;
    const where = batch.locate(name);
    jobs.putCreating({ name, model: batch.model, ...where, keys, records: records.length });
    const arn = await batch.submit({ name, ...where, records });
    jobs.putArn(name, arn);
    say(`batch job ${name}: created, ${records.length} records${per > 1 ? ` of up to ${per} items (${group.length} items)` : ''}`);
    attached.push(jobs.get(name) as BatchJobRecord);
  }

  // Recorded as creating but never as created: the process died around CreateModelInvocationJob. The name finds it.
  for (const job of attached) {
    if (job.arn) continue;
    let arn = await batch.find(job.name);
    if (arn) say(`batch job ${job.name}: found by name after an interrupted create`);
    else {
      const records = recordsOf(job.keys, job.records);
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
    for (const keys of groupKeys(job.keys, job.records)) {
      const mine = keys.filter((k) => todo.has(k) && store.get(k)?.status !== 'done').map((k) => todo.get(k) as { key: string; spec: S });
      if (!mine.length) continue;
      const r = results.get(recordIdOf(keys));
      if (!r?.response) {
        errors++;
        retry.push(...mine);
        continue;
      }
      tally.batchRecords++;
      // The same parse/match path as an on-demand reply: items missing from a partial answer are asked again.
      const outcomes = answerOutcomes(
        mine.map((it) => it.spec),
        r.response.text,
        p.reader,
      );
      const ok = outcomes.filter((o) => o.ok).length;
      const debt = noDebt();
      const shares = costShares(r.response, ok, debt, 'batchRecords');
      if (ok === 0) {
        // Paid for and unusable: its cost still counts, in the ledger.
        p.ledger?.putDone('unattributed-replies', 'null', { ...debt }, false);
        tally.wastedReplies++;
      }
      let s = 0;
      mine.forEach((it, i) => {
        const outcome = outcomes[i];
        if (outcome?.ok) {
          // Not durable one by one: until the job is marked collected, a rerun reads the same output again.
          store.putDone(it.key, JSON.stringify(outcome.record), shares[s++] as ItemCost, false);
          tally.generated++;
          kept++;
          p.onItemDone?.();
        } else {
          tally.retriedInvalid++;
          retry.push(it);
        }
      });
    }
    store.flush();
    p.ledger?.flush();
    jobs.markCollected(job.name, status);
    say(`batch job ${job.name}: ${status}, ${kept} items kept${errors ? `, ${errors} records without an answer (their items asked again)` : ''}`);
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
