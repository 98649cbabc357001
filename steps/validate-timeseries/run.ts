// The heavy half of validate/timeseries: one streaming pass of checks, then realism on a seeded sample.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StepContext, StepResult } from '../contract.js';
import { locateDataset, readDataset } from '../shared/dataset-source.js';
import { enforceGates, evaluateGates, describeFailure } from '../../metrics/gates.js';
import { Reservoir } from '../../metrics/reservoir.js';
import { checkSeries, ELECTRICITY_TYPES, frequencyHours, SERIES_CHECKS } from '../../metrics/series-checks.js';
import { compareSeries, readWideCsv, type ElectricityProfile, type HourlySeries } from '../../metrics/series-realism.js';
import { canonicalJson } from '../../util/canonical-json.js';
import { loadData } from '../../util/paths.js';
import type { ValidateTimeseriesParams } from './params.js';
import { OfflineComparison, renderComparison } from './offline-comparison.js';

type Counts = { series: number; passed: number; checks: Record<string, { applied: number; failed: number; examples: string[] }> };
const newCounts = (): Counts => ({ series: 0, passed: 0, checks: Object.fromEntries(SERIES_CHECKS.map((c) => [c, { applied: 0, failed: 0, examples: [] }])) });

export async function runValidateTimeseries(ctx: StepContext<ValidateTimeseriesParams>): Promise<StepResult> {
  const p = ctx.params;
  const source = locateDataset(ctx, 'series.jsonl');
  const all = newCounts();
  const byType = new Map<string, Counts>();
  const sample = new Reservoir<HourlySeries>(p.max_compared_series ?? 1000, ctx.rng('validate-timeseries', 'sample'));
  const vsOffline = new OfflineComparison(p.max_compared_series ?? 1000, ctx.rng('validate-timeseries', 'vs-offline'), (id) => ctx.rng('validate-timeseries', 'offline-twin', id));
  let points = 0;
  let nonFinite = 0;
  for await (const s of readDataset(ctx, source.path, 'series')) {
    const type = String(s.series_type ?? '(missing)');
    const res = checkSeries(s);
    const id = String(s.series_id ?? `#${all.series + 1}`);
    for (const c of [all, byType.get(type) ?? (byType.set(type, newCounts()), byType.get(type) as Counts)]) {
      c.series++;
      if (res.failed.length === 0) c.passed++;
      for (const a of res.applied) (c.checks[a] as { applied: number }).applied++;
      for (const f of res.failed) {
        const e = c.checks[f] as { failed: number; examples: string[] };
        e.failed++;
        if (e.examples.length < 5) e.examples.push(id);
      }
    }
    const target = Array.isArray(s.target) ? (s.target as unknown[]) : [];
    points += target.length;
    nonFinite += res.nonFinite;
    vsOffline.offer(s, res.nonFinite === 0);
    if (ELECTRICITY_TYPES.has(type) && frequencyHours(s.frequency) === 1 && res.nonFinite === 0 && typeof s.start === 'string')
      sample.offer(() => ({ values: target as number[], start: s.start as string }));
  }
  const reference = p.reference
    ? { series: await readWideCsv(ctx.resolvePath(p.reference)) }
    : { profile: loadData<ElectricityProfile>('electricity-profile.json') };
  const realism = sample.items.length > 0 ? compareSeries(sample.items, reference, ctx.rng('validate-timeseries', 'classifier')) : null;
  const referenceName = p.reference ? 'csv' : 'data/electricity-profile.json';
  const generators = vsOffline.report(reference, ctx.rng('validate-timeseries', 'vs-offline-classifier'));
  const consistency = all.series === 0 ? 0 : all.passed / all.series;
  const values = {
    consistency,
    realism: realism?.score ?? null,
    discriminative: realism?.discriminative ?? null,
    peak_hour: realism?.peak_hour ?? null,
    non_finite: points === 0 ? 0 : nonFinite / points,
  };
  const noSample = `no hourly electricity series with finite values to compare (${all.series} series of types ${[...byType.keys()].sort().join(', ') || 'none'})`;
  const unmeasured: Record<string, string> = realism
    ? { discriminative: p.reference ? 'fewer than 10 week-long windows of real or synthetic series to train the real-vs-synthetic classifier' : 'needs a real CSV `reference:` (the shipped profile holds ranges only)' }
    : { realism: noSample, discriminative: noSample, peak_hour: noSample };
  const gates = evaluateGates((p.gates ?? {}) as Record<string, number>, values, unmeasured);
  const report = {
    type: 'validate/timeseries',
    series: all.series,
    points,
    scores: values,
    checks: all.checks,
    by_type: Object.fromEntries([...byType.keys()].sort().map((k) => [k, byType.get(k)])),
    realism: realism && { ...realism, reference: referenceName },
    // Only for series a provider made (an LLM): how they compare with the offline generator's for the same specs.
    ...(generators ? { generators } : {}),
    gates,
  };
  writeFileSync(join(ctx.outDir, 'quality.json'), canonicalJson(report, 2) + '\n');
  writeFileSync(join(ctx.outDir, 'quality.md'), renderMarkdown(report, gates, generators && renderComparison(generators, p.reference ? `the reference CSV (${p.reference.split('/').pop()})` : 'the shipped electricity profile')));
  enforceGates(gates);
  return {
    summary: `${all.series} series: consistency ${consistency.toFixed(3)}, realism ${realism ? realism.score.toFixed(3) : 'n/a'}`,
    metrics: values,
  };
}

const f = (v: number | null | undefined) => (v === null || v === undefined ? 'n/a' : v.toFixed(3));

function renderMarkdown(
  r: { series: number; scores: Record<string, number | null>; by_type: Record<string, Counts | undefined>; realism: ReturnType<typeof compareSeries> | null },
  gates: ReturnType<typeof evaluateGates>,
  comparison: string[] | null,
): string {
  const lines = [`# Time-series quality: ${r.series} series`, '', '| score | value |', '| --- | --- |'];
  for (const [k, v] of Object.entries(r.scores)) lines.push(`| ${k} | ${f(v)} |`);
  lines.push('', '## Checks by type', '', `| type | series | passed | ${SERIES_CHECKS.join(' | ')} |`, `| --- | --- | --- |${SERIES_CHECKS.map(() => ' --- |').join('')}`);
  for (const [t, c] of Object.entries(r.by_type)) if (c) lines.push(`| ${t} | ${c.series} | ${c.passed} | ${SERIES_CHECKS.map((k) => `${c.checks[k]?.failed ?? 0}/${c.checks[k]?.applied ?? 0}`).join(' | ')} |`);
  if (r.realism) {
    const re = r.realism;
    lines.push('', `## Realism of ${re.compared_series} load series (${re.statistics_method})`, '', Object.entries(re.statistics).map(([k, v]) => `${k} ${f(v)}`).join(' · '), '', `peak hour ${f(re.peak_hour)} · discriminative ${f(re.discriminative)} (classifier accuracy ${f(re.classifier_accuracy)})`);
  } else lines.push('', 'No hourly electricity-load series to compare with real data.');
  if (comparison) lines.push('', ...comparison);
  lines.push('', '## Gates', '');
  if (gates.length === 0) lines.push('No gates configured.');
  for (const g of gates) lines.push(g.passed ? `- passed: ${g.metric} ${f(g.value)} ${g.op} ${g.threshold}` : `- **FAILED**: ${describeFailure(g)}`);
  return lines.join('\n') + '\n';
}
