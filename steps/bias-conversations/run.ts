// The heavy half of bias/conversations: one streaming pass of counts, then the tests.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StepContext, StepResult } from '../contract.js';
import { coverageFinding, crosstabFinding, distributionFinding, severityRank, type Finding, type Severity } from '../../metrics/bias.js';
import { loadCatalogue } from '../../metrics/catalogue.js';
import { locateDataset, readDataset, readGenerationTargets } from '../shared/dataset-source.js';
import { enforceGates, evaluateGates } from '../../metrics/gates.js';
import { resolveTargets } from '../../metrics/targets.js';
import { normalizeIntent } from '../../metrics/text-profile.js';
import { canonicalJson } from '../../util/canonical-json.js';
import { DEFAULT_CROSSTABS, DEFAULT_FIELDS, type BiasConversationsParams } from './params.js';
import { renderBiasMarkdown } from './report.js';

const DESCRIPTIVE = new Set(['resolution_status', 'turn_count', 'emotion_arc']);

function valueOf(c: Record<string, unknown>, field: string): string {
  const v = c[field];
  if (field === 'intent' && typeof v === 'string') return normalizeIntent(v);
  return v === undefined || v === null ? '(missing)' : String(v);
}

export async function runBiasConversations(ctx: StepContext<BiasConversationsParams>): Promise<StepResult> {
  const p = ctx.params;
  const fields = p.fields ?? DEFAULT_FIELDS;
  const crosstabs = p.crosstabs ?? DEFAULT_CROSSTABS;
  const source = locateDataset(ctx, 'conversations.jsonl');
  const catalogue = loadCatalogue();
  const { targets, sources } = resolveTargets(readGenerationTargets(ctx, source), p.targets);

  const counts = new Map<string, Record<string, number>>(fields.map((f) => [f, {}]));
  const joint = crosstabs.map(() => new Map<string, number>());
  let n = 0;
  for await (const c of readDataset(ctx, source.path, 'conversation')) {
    n++;
    for (const f of fields) {
      const m = counts.get(f) as Record<string, number>;
      const v = valueOf(c, f);
      m[v] = (m[v] ?? 0) + 1;
    }
    crosstabs.forEach(([a, b], i) => {
      const k = `${valueOf(c, a)}\u0000${valueOf(c, b)}`;
      const m = joint[i] as Map<string, number>;
      m.set(k, (m.get(k) ?? 0) + 1);
    });
    // Often enough that the count moves every second on a loaded machine; reporters throttle what they print.
    if (n % 2_000 === 0) {
      ctx.progress(n, undefined, 'conversations read');
      if (ctx.signal.aborted) throw ctx.signal.reason ?? new Error('aborted');
    }
  }

  const intentTargets = targets.intent ? Object.fromEntries(Object.entries(targets.intent).map(([k, v]) => [normalizeIntent(k), v])) : undefined;
  const findings: Finding[] = [];
  for (const f of fields) {
    const observed = counts.get(f) as Record<string, number>;
    let expected: Record<string, number> | null = null;
    let from = 'none';
    if (f === 'intent' && intentTargets) ((expected = intentTargets), (from = sources.intent ?? 'targets'));
    else if (targets[f]) ((expected = targets[f] as Record<string, number>), (from = sources[f] ?? 'targets'));
    else if (f === 'category' && catalogue) {
      // Categories hold different numbers of intents: their expected mix follows from the intent mix.
      expected = {};
      const weights = intentTargets ?? Object.fromEntries(catalogue.intents.map((i) => [normalizeIntent(i), 1]));
      for (const [intent, w] of Object.entries(weights)) {
        const cat = catalogue.intentCategory.get(intent);
        if (cat) expected[cat] = (expected[cat] ?? 0) + w;
      }
      from = intentTargets ? 'intent targets via the catalogue' : 'uniform intents via the catalogue';
    } else if (f === 'intent' && catalogue) {
      expected = Object.fromEntries(catalogue.intents.map((i) => [normalizeIntent(i), 1]));
      from = 'uniform over the intent catalogue';
    } else if (!DESCRIPTIVE.has(f)) {
      expected = Object.fromEntries(Object.keys(observed).map((k) => [k, 1]));
      from = 'uniform over observed values';
    }
    findings.push(distributionFinding(f, observed, expected, from));
    if (f === 'intent') {
      const expectedIntents = intentTargets
        ? Object.keys(intentTargets).filter((k) => (intentTargets[k] as number) > 0)
        : catalogue
          ? catalogue.intents.map(normalizeIntent)
          : [];
      if (expectedIntents.length > 0) findings.push(coverageFinding('intent', observed, expectedIntents));
    }
  }
  crosstabs.forEach(([a, b], i) => findings.push(crosstabFinding(a, b, joint[i] as Map<string, number>)));

  const worst = findings.reduce<Severity>((w, f) => (severityRank(f.severity) > severityRank(w) ? f.severity : w), 'none');
  const coverage = findings.find((f) => f.kind === 'coverage');
  const gates = evaluateGates(p.gates?.coverage_min !== undefined ? { coverage_min: p.gates.coverage_min } : {}, {
    coverage: coverage && coverage.kind === 'coverage' ? coverage.coverage : null,
  }, { coverage: fields.includes('intent') ? 'no expected intents (no `targets.intent`, generation.json targets or intent catalogue)' : '`intent` is not among `fields`' });
  const extra: Array<{ message: string; metric: string; value: number; threshold: number; op: string }> = [];
  const maxSev = p.gates?.max_severity;
  if (maxSev && severityRank(worst) > severityRank(maxSev)) {
    const over = findings.filter((f) => severityRank(f.severity) > severityRank(maxSev));
    extra.push({
      message: `max severity ${worst} > max_severity ${maxSev} (${over.map((f) => `${f.severity}: ${f.reason}`).join('; ')})`,
      metric: 'max_severity',
      value: severityRank(worst),
      threshold: severityRank(maxSev),
      op: '<=',
    });
  }
  const report = {
    type: 'bias/conversations',
    documents: n,
    max_severity: worst,
    findings,
    gates: [
      ...gates,
      ...(maxSev ? [{ gate: 'max_severity', metric: 'max_severity', op: '<=', threshold: maxSev, value: worst, passed: extra.length === 0 }] : []),
    ],
  };
  writeFileSync(join(ctx.outDir, 'bias.json'), canonicalJson(report, 2) + '\n');
  writeFileSync(join(ctx.outDir, 'bias.md'), renderBiasMarkdown(n, worst, findings, report.gates));
  enforceGates(gates, extra);
  const flagged = findings.filter((f) => f.severity !== 'none').length;
  return { summary: `${n} conversations: ${flagged} bias finding(s), worst ${worst}`, metrics: { max_severity: worst, findings: flagged } };
}
