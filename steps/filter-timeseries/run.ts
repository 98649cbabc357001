// The heavy half of filter/timeseries: reads the series once, applies the rules in order, writes what is kept.
import { copyFileSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StepContext, StepResult } from '../contract.js';
import { checkSeries, ELECTRICITY_TYPES, frequencyHours } from '../../metrics/series-checks.js';
import { range } from '../../metrics/series-stats.js';
import { canonicalJson } from '../../util/canonical-json.js';
import { GENERATION_FILE, locateDataset } from '../shared/dataset-source.js';
import { filterLedger, pauser, readAllRecords } from '../shared/filter-ledger.js';
import { renderFilterMarkdown } from '../shared/filter-report.js';
import { exactSeriesDuplicateOf, nearSeriesDuplicateOf } from './duplicates.js';
import type { FilterTimeseriesParams } from './params.js';

/** Rules in the order they are applied: a series removed by one is counted there only. */
export const SERIES_RULES = ['record_checks', 'exact_duplicates', 'near_duplicates', 'realism'] as const;

export async function runFilterTimeseries(ctx: StepContext<FilterTimeseriesParams>): Promise<StepResult> {
  const p = ctx.params;
  const source = locateDataset(ctx, 'series.jsonl');
  const records = await readAllRecords(ctx, source.path, 'series', 'series');
  const n = records.length;
  const { reports, idOf, drop, alive } = filterLedger(SERIES_RULES, records, 'series_id');
  // A series is ~700 values: yield more often than per conversation.
  const pause = pauser(ctx, 256);
  const valuesOf = (i: number) => (Array.isArray(records[i]?.target) ? (records[i]!.target as unknown[]).map((v) => (typeof v === 'number' ? v : Number.NaN)) : []);

  if (p.record_checks.length > 0) {
    reports.record_checks.enabled = true;
    const wanted = new Set<string>(p.record_checks);
    for (const [i, rec] of records.entries()) {
      await pause(i, n, 'series checks');
      const res = checkSeries(rec);
      const failed = res.failed.filter((c) => wanted.has(c));
      const detail = [res.nonFinite ? `${res.nonFinite} non-finite value(s)` : '', res.outOfBounds ? `${res.outOfBounds} value(s) out of physical bounds` : ''].filter(Boolean).join(', ');
      if (failed.length > 0) drop(i, 'record_checks', `failed ${failed.join(', ')}${detail ? ` (${detail})` : ''}`);
    }
  }

  if (p.exact_duplicates || p.near_duplicates !== false) {
    // Among the survivors only: a copy of a series another rule removed is kept as the first of its kind.
    let ids = alive();
    const series = () => ids.map((i) => ({ frequency: String(records[i]?.frequency ?? ''), values: valuesOf(i) }));
    if (p.exact_duplicates) {
      reports.exact_duplicates.enabled = true;
      const of = exactSeriesDuplicateOf(series());
      ids.forEach((i, k) => {
        if ((of[k] as number) >= 0) drop(i, 'exact_duplicates', `copy of ${idOf(ids[of[k] as number] as number)}`);
      });
      ids = alive();
    }
    if (p.near_duplicates !== false) {
      reports.near_duplicates.enabled = true;
      const of = nearSeriesDuplicateOf(series(), p.near_duplicates);
      ids.forEach((i, k) => {
        if ((of[k] as number) >= 0) drop(i, 'near_duplicates', `near-copy of ${idOf(ids[of[k] as number] as number)} (correlation ≥ ${p.near_duplicates})`);
      });
    }
  }

  let realism: { threshold: number; reference: string; scored: number; not_scored: number; score: ReturnType<typeof range> | null } | null = null;
  if (p.realism !== false) {
    reports.realism.enabled = true;
    const { realismProfile, seriesRealism } = await import('./realism.js');
    const profile = await realismProfile(p.reference);
    const ids = alive();
    // Only hourly load series have a real reference; the others are neither scored nor dropped.
    const scored = ids.filter((i) => ELECTRICITY_TYPES.has(String(records[i]?.series_type)) && frequencyHours(records[i]?.frequency) === 1 && typeof records[i]?.start === 'string');
    const scores: number[] = [];
    for (const [k, i] of scored.entries()) {
      await pause(k, scored.length, 'realism');
      scores.push(seriesRealism({ values: valuesOf(i), start: records[i]!.start as string }, profile));
    }
    scored.forEach((i, k) => {
      const s = scores[k] as number;
      if (s < (p.realism as number)) drop(i, 'realism', `realism ${s.toFixed(3)} < ${p.realism}`);
    });
    realism = { threshold: p.realism, reference: p.reference ? 'csv' : 'data/electricity-profile.json', scored: scored.length, not_scored: ids.length - scored.length, score: scores.length ? range(scores) : null };
  }

  const kept = alive();
  writeFileSync(join(ctx.outDir, 'series.jsonl'), kept.map((i) => JSON.stringify(records[i]) + '\n').join(''));
  const generation = join(source.dir, GENERATION_FILE);
  if (existsSync(generation)) copyFileSync(generation, join(ctx.outDir, GENERATION_FILE));

  const types: Record<string, { before: number; after: number; removed: number }> = {};
  const typeOf = (i: number) => String(records[i]?.series_type ?? '(missing)');
  for (let i = 0; i < n; i++) (types[typeOf(i)] ??= { before: 0, after: 0, removed: 0 }).before++;
  for (const i of kept) types[typeOf(i)]!.after++;
  for (const t of Object.values(types)) t.removed = t.before - t.after;
  const emptied = Object.keys(types).filter((k) => types[k]!.after === 0).sort();
  const warnings: string[] = [];
  if (emptied.length > 0) warnings.push(`filtering emptied ${emptied.length} series type(s): ${emptied.join(', ')}; raise \`count\` on the generate step and rerun: only the missing items are generated`);
  for (const w of warnings) ctx.log.warn(w);
  const sortedTypes = Object.fromEntries(Object.keys(types).sort().map((k) => [k, types[k]!]));
  const report = {
    type: 'filter/timeseries',
    input: n,
    kept: kept.length,
    removed: n - kept.length,
    rules: reports,
    params: { record_checks: p.record_checks, near_duplicates: p.near_duplicates, realism: p.realism },
    series_types: sortedTypes,
    emptied_types: emptied,
    realism,
    warnings,
  };
  writeFileSync(join(ctx.outDir, 'filter.json'), canonicalJson(report, 2) + '\n');
  writeFileSync(join(ctx.outDir, 'filter.md'), renderFilterMarkdown({ ...report, intents: sortedTypes }, { noun: 'series', group: 'series type' }));
  ctx.services.recordStats({ kept: kept.length, removed: n - kept.length });
  const parts = SERIES_RULES.filter((r) => reports[r].enabled).map((r) => `${reports[r].removed} ${r.replace(/_/g, ' ')}`);
  return {
    summary: `${kept.length} of ${n} series kept (removed: ${parts.join(', ') || 'no rule enabled'})`,
    metrics: { input: n, kept: kept.length, ...Object.fromEntries(SERIES_RULES.map((r) => [`removed_${r}`, reports[r].removed])) },
  };
}
