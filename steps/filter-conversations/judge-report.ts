// filter.json's `judge` section: how the scores are distributed, per criterion, and the records kept just above the bar.
import { range, type Range } from '../../metrics/series-stats.js';
import type { JudgeParams } from './judge-items.js';
import type { Verdict } from './judge.js';

export interface JudgeReport {
  provider: string;
  threshold: number;
  criteria: string[];
  judged: number;
  scored: number;
  unscored: number;
  below_threshold: number;
  /** Five-number range of the overall score (mean of the criteria); null when nothing was scored. */
  score: (Range & { mean: number }) | null;
  /** Overall scores in tenths: [0, 0.1), …, [0.9, 1.0]. */
  histogram: number[];
  per_criterion: Record<string, (Range & { mean: number }) | null>;
  /** The lowest-scored conversations that were kept: where the threshold bites next. */
  kept_closest: string[];
}

const round = (x: number) => Math.round(x * 1000) / 1000;
const summary = (xs: number[]) => {
  if (xs.length === 0) return null;
  const r = range(xs);
  return { min: round(r.min), p10: round(r.p10), median: round(r.median), p90: round(r.p90), max: round(r.max), mean: round(xs.reduce((a, b) => a + b, 0) / xs.length) };
};

export function judgeReport(verdicts: readonly Verdict[], p: JudgeParams, ids: readonly string[]): JudgeReport {
  const scored = verdicts.flatMap((v, k) => (v.ok ? [{ v, id: ids[k] as string }] : []));
  const histogram = new Array<number>(10).fill(0);
  for (const { v } of scored) histogram[Math.min(9, Math.floor(v.score * 10))]!++;
  const kept = scored.filter(({ v }) => v.score >= p.threshold).sort((a, b) => a.v.score - b.v.score);
  return {
    provider: p.provider,
    threshold: p.threshold,
    criteria: [...p.criteria],
    judged: verdicts.length,
    scored: scored.length,
    unscored: verdicts.length - scored.length,
    below_threshold: scored.length - kept.length,
    score: summary(scored.map(({ v }) => v.score)),
    histogram,
    per_criterion: Object.fromEntries(p.criteria.map((c) => [c, summary(scored.map(({ v }) => v.scores[c] ?? 0))])),
    kept_closest: kept.slice(0, 3).map(({ v, id }) => `${id}: score ${v.score.toFixed(2)}${v.reason ? `: ${v.reason}` : ''}`),
  };
}

/** The Markdown section of filter.md. */
export function renderJudgeMarkdown(j: JudgeReport): string[] {
  const f = (x: number | undefined) => (x === undefined ? 'n/a' : x.toFixed(2));
  const lines = ['', `## LLM judge (${j.provider}, threshold ${j.threshold})`, '', `${j.scored} of ${j.judged} conversations scored, ${j.below_threshold} below the threshold, ${j.unscored} unscored.`, ''];
  lines.push('| criterion | mean | p10 | median | p90 |', '| --- | --- | --- | --- | --- |');
  for (const [c, s] of [['score (mean of criteria)', j.score] as const, ...Object.entries(j.per_criterion)]) lines.push(`| ${c} | ${f(s?.mean)} | ${f(s?.p10)} | ${f(s?.median)} | ${f(s?.p90)} |`);
  lines.push('', `Scores by tenth (0.0–0.1 … 0.9–1.0): ${j.histogram.join(' · ')}`);
  if (j.kept_closest.length > 0) lines.push('', 'Kept closest to the threshold:', '', ...j.kept_closest.map((e) => `- ${e.replace(/\n/g, ' ')}`));
  return lines;
}
