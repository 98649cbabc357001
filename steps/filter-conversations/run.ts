// The heavy half of filter/conversations: reads the dataset once, applies the rules in order, writes what is kept.
import { copyFileSync, existsSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { InputError } from '../../util/errors.js';
import type { StepContext, StepResult } from '../contract.js';
import { checkConversation } from '../../metrics/conversation-checks.js';
import { loadCatalogue } from '../../metrics/catalogue.js';
import { coherenceProblems } from '../../metrics/coherence/accumulator.js';
import { coherenceInput } from '../../metrics/coherence/input.js';
import { loadTopics } from '../../util/conversation-topics.js';
import { canonicalJson } from '../../util/canonical-json.js';
import { filesNamed, GENERATION_FILE, locateDataset } from '../shared/dataset-source.js';
import { filterLedger, pauser, readAllRecords } from '../shared/filter-ledger.js';
import { exactDuplicateOf, nearDuplicateOf, turnsOf } from './duplicates.js';
import { firstCustomerText, offIntent } from './intent-consistency.js';
import { intentShift, type IntentShift } from './intent-shift.js';
import type { FilterConversationsParams } from './params.js';
import { renderFilterMarkdown } from '../shared/filter-report.js';
import { judgeReport, renderJudgeMarkdown, type JudgeReport } from './judge-report.js';

/** Rules in the order they are applied: a conversation removed by one is counted there only. The paid judge goes last, on what is left. */
export const RULES = ['record_checks', 'coherence', 'intent_consistency', 'exact_duplicates', 'near_duplicates', 'judge'] as const;
export type RuleName = (typeof RULES)[number];

export async function runFilterConversations(ctx: StepContext<FilterConversationsParams>): Promise<StepResult> {
  const p = ctx.params;
  const source = locateDataset(ctx, 'conversations.jsonl');
  // Its output is conversations.jsonl; CSV rows (text,category) have no turns to filter on.
  if (extname(source.path).toLowerCase() === '.csv') throw new InputError(`${source.path}: error: filter/conversations reads conversations JSONL, not CSV`);
  const records = await readAllRecords(ctx, source.path, 'conversation', 'conversations');
  const n = records.length;
  const { removedBy, reports, idOf, drop, alive } = filterLedger(RULES, records, 'conversation_id');
  const step = pauser(ctx, 1024);
  const pause = (i: number, note: string) => step(i, n, note);

  if (p.record_checks.length > 0) {
    reports.record_checks.enabled = true;
    const wanted = new Set<string>(p.record_checks);
    const catalogue = wanted.has('catalogue') ? loadCatalogue()?.intentCategory : undefined;
    for (const [i, rec] of records.entries()) {
      await pause(i, 'record checks');
      const failed = checkConversation(rec, catalogue).failed.filter((c) => wanted.has(c));
      if (failed.length > 0) drop(i, 'record_checks', `failed ${failed.join(', ')}`);
    }
  }

  if (p.coherence.length > 0) {
    reports.coherence.enabled = true;
    const wanted = new Set<string>(p.coherence);
    const topics = loadTopics();
    for (const i of alive()) {
      await pause(i, 'coherence checks');
      const c = coherenceInput(records[i] as Record<string, unknown>);
      if (!c) continue;
      const flagged = coherenceProblems(c, topics).filter(([check, problem]) => problem !== undefined && wanted.has(check));
      if (flagged.length > 0) drop(i, 'coherence', flagged.map(([check, problem]) => `${check}: ${problem}`).join('; '));
    }
  }

  let unknownIntents: string[] = [];
  // A classifier trained in the same pipeline comes through `needs` (its output is only there once it has run).
  const modelPath = p.model ?? filesNamed(ctx.inputs, 'model.json')[0];
  if (modelPath !== undefined) {
    reports.intent_consistency.enabled = true;
    // Conversations without a customer turn give the classifier nothing to judge: the record checks are for them.
    const judged = alive().filter((i) => firstCustomerText(records[i] as Record<string, unknown>).trim() !== '');
    const texts = judged.map((i) => firstCustomerText(records[i] as Record<string, unknown>));
    const intents = judged.map((i) => String(records[i]?.intent ?? ''));
    const { verdicts, unknown } = await offIntent(modelPath, texts, intents, p.top_k);
    unknownIntents = unknown;
    judged.forEach((i, k) => {
      const why = verdicts[k];
      if (why !== undefined) drop(i, 'intent_consistency', why);
    });
  }

  if (p.exact_duplicates || p.near_duplicates !== false) {
    // Among the survivors only: a copy of a record another rule removed is kept as the first of its kind.
    let ids = alive();
    const turns = ids.map((i) => turnsOf(records[i] as Record<string, unknown>));
    if (p.exact_duplicates) {
      reports.exact_duplicates.enabled = true;
      const of = exactDuplicateOf(turns);
      ids.forEach((i, k) => {
        const first = of[k] as number;
        if (first >= 0) drop(i, 'exact_duplicates', `copy of ${idOf(ids[first] as number)}`);
      });
    }
    if (p.near_duplicates !== false) {
      reports.near_duplicates.enabled = true;
      const keep = ids.map((i, k) => [i, k] as const).filter(([i]) => removedBy[i] === undefined);
      const of = nearDuplicateOf(keep.map(([, k]) => turns[k] as ReturnType<typeof turnsOf>), p.near_duplicates);
      ids = keep.map(([i]) => i);
      ids.forEach((i, k) => {
        const first = of[k] as number;
        if (first >= 0) drop(i, 'near_duplicates', `near-copy of ${idOf(ids[first] as number)} (Jaccard ≥ ${p.near_duplicates})`);
      });
    }
  }

  let judged: JudgeReport | undefined;
  if (p.judge) {
    reports.judge.enabled = true;
    const judge = p.judge;
    const ids = alive();
    const { judgeRecords } = await import('./judge.js');
    const { verdicts } = await judgeRecords(ctx, ids.map((i) => ({ rec: records[i] as Record<string, unknown>, index: i })));
    judged = judgeReport(verdicts, judge, ids.map(idOf));
    // Lowest first, so the examples show what the judge objected to most.
    const order = ids.map((i, k) => [i, verdicts[k]!] as const).sort((a, b) => (a[1].ok ? a[1].score : -1) - (b[1].ok ? b[1].score : -1));
    for (const [i, v] of order) {
      if (!v.ok) drop(i, 'judge', `not scored: ${v.error}`);
      else if (v.score < judge.threshold) drop(i, 'judge', `score ${v.score.toFixed(2)} < ${judge.threshold} (${judge.criteria.map((c) => `${c} ${(v.scores[c] ?? 0).toFixed(1)}`).join(', ')})${v.reason ? `: ${v.reason}` : ''}`);
    }
    // Unscored records count as failed items: `--retry-failed` reruns the step and asks for just those.
    if (judged.unscored > 0) ctx.services.recordStats({ failed: judged.unscored });
  }

  const kept = alive();
  writeFileSync(join(ctx.outDir, 'conversations.jsonl'), kept.map((i) => JSON.stringify(records[i]) + '\n').join(''));
  // The generator's targets stay what was asked for: downstream distribution checks compare against them as before.
  const generation = join(source.dir, GENERATION_FILE);
  if (existsSync(generation)) copyFileSync(generation, join(ctx.outDir, GENERATION_FILE));

  const shift: IntentShift = intentShift(records.map((r) => String(r.intent ?? '')), kept.map((i) => String(records[i]?.intent ?? '')), p.min_per_intent);
  const warnings = [...shift.warnings];
  if (judged && judged.unscored > 0) warnings.push(`the judge could not score ${judged.unscored} conversation(s), dropped: \`genesis run --retry-failed\` asks for them again`);
  if (unknownIntents.length > 0) warnings.push(`the classifier does not know ${unknownIntents.length} intent(s), so all their conversations are off-intent: ${unknownIntents.slice(0, 10).join(', ')}`);
  for (const w of warnings) ctx.log.warn(w);
  const report = {
    type: 'filter/conversations',
    input: n,
    kept: kept.length,
    removed: n - kept.length,
    rules: reports,
    params: { near_duplicates: p.near_duplicates, record_checks: p.record_checks, coherence: p.coherence, top_k: modelPath === undefined ? null : p.top_k, min_per_intent: p.min_per_intent },
    judge: judged ?? null,
    intents: shift.intents,
    emptied_intents: shift.emptied,
    below_min_per_intent: shift.belowMin,
    warnings,
  };
  writeFileSync(join(ctx.outDir, 'filter.json'), canonicalJson(report, 2) + '\n');
  writeFileSync(join(ctx.outDir, 'filter.md'), renderFilterMarkdown(report, { sections: judged ? renderJudgeMarkdown(judged) : [] }));
  ctx.services.recordStats({ kept: kept.length, removed: n - kept.length });
  const parts = RULES.filter((r) => reports[r].enabled).map((r) => `${reports[r].removed} ${r.replace(/_/g, ' ')}`);
  return {
    summary: `${kept.length} of ${n} conversations kept (removed: ${parts.join(', ') || 'no rule enabled'})`,
    metrics: { input: n, kept: kept.length, ...Object.fromEntries(RULES.map((r) => [`removed_${r}`, reports[r].removed])) },
  };
}
