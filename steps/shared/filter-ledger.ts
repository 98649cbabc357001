// What a filter step keeps track of: the dataset read whole, which rule removed each record, and each rule's report.
import type { StepContext } from '../contract.js';
import type { RecordKind } from '../../util/record-checks.js';
import type { OnInvalid } from '../../util/bad-records.js';
import { readDataset } from './dataset-source.js';
import type { RuleReport } from './filter-report.js';

const MAX_EXAMPLES = 5;

/** Every record of the dataset, in order (filters compare records with each other, so they need them all). */
export async function readAllRecords(ctx: StepContext<{ on_invalid?: OnInvalid }>, path: string, kind: RecordKind, noun: string): Promise<Array<Record<string, unknown>>> {
  const records: Array<Record<string, unknown>> = [];
  for await (const rec of readDataset(ctx, path, kind)) {
    records.push(rec);
    if (records.length % 1_000 === 0) {
      ctx.progress(records.length, undefined, `${noun} read`);
      if (ctx.signal.aborted) throw ctx.signal.reason ?? new Error('aborted');
    }
  }
  return records;
}

/**
 * The rules' ledger: a record is counted under the first rule that removes it, with up to five examples per rule
 * ("id: why"); `alive()` lists the records no rule has removed yet, in order.
 */
export function filterLedger<R extends string>(rules: readonly R[], records: ReadonlyArray<Record<string, unknown>>, idField: string) {
  const removedBy: Array<R | undefined> = new Array(records.length);
  const reports = Object.fromEntries(rules.map((r) => [r, { enabled: false, removed: 0, examples: [] as string[] }])) as Record<R, RuleReport>;
  const idOf = (i: number) => {
    const id = records[i]?.[idField];
    return typeof id === 'string' ? id : `#${i + 1}`;
  };
  const drop = (i: number, rule: R, why: string) => {
    removedBy[i] = rule;
    const r = reports[rule];
    r.removed++;
    if (r.examples.length < MAX_EXAMPLES) r.examples.push(`${idOf(i)}: ${why}`);
  };
  const alive = () => records.flatMap((_, i) => (removedBy[i] === undefined ? [i] : []));
  return { removedBy, reports, idOf, drop, alive };
}

/**
 * The checks are synchronous: without a turn of the event loop now and then, Ctrl-C and the spinner wait for the
 * end. Call with the loop index; every `every`-th call reports progress, yields and honours an abort.
 */
export function pauser(ctx: StepContext<unknown>, every: number) {
  const mask = every - 1;
  return async (i: number, total: number, note: string) => {
    if ((i & mask) !== mask) return;
    ctx.progress(i, total, note);
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (ctx.signal.aborted) throw ctx.signal.reason ?? new Error('aborted');
  };
}
