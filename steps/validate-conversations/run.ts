// The heavy half of validate/conversations, loaded only when the step actually runs.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StepContext, StepResult } from '../contract.js';
import { loadCatalogue } from '../../metrics/catalogue.js';
import { ConversationQualityAccumulator, DEFAULT_WEIGHTS, overallScore } from '../../metrics/conversation-quality.js';
import { CoherenceAccumulator } from '../../metrics/coherence/accumulator.js';
import { locateDataset, readDataset, readGenerationTargets } from '../shared/dataset-source.js';
import { enforceGates, evaluateGates } from '../../metrics/gates.js';
import { loadReferenceProfile } from '../../metrics/reference-profile.js';
import { resolveTargets } from '../../metrics/targets.js';
import { canonicalJson } from '../../util/canonical-json.js';
import type { ValidateConversationsParams } from './params.js';
import { renderQualityMarkdown } from './report.js';

export async function runValidateConversations(ctx: StepContext<ValidateConversationsParams>): Promise<StepResult> {
  const p = ctx.params;
  const source = locateDataset(ctx, 'conversations.jsonl');
  const reference = await loadReferenceProfile(p.reference === undefined ? undefined : ctx.resolvePath(p.reference));
  const catalogue = loadCatalogue();
  const { targets, sources } = resolveTargets(readGenerationTargets(ctx, source), p.targets);
  let intentTargets = targets.intent;
  let distributionSource: string = sources.intent ?? 'none';
  if (!intentTargets && catalogue) {
    intentTargets = Object.fromEntries(catalogue.intents.map((i) => [i, 1]));
    distributionSource = 'uniform over the intent catalogue';
  }
  const acc = new ConversationQualityAccumulator({
    reference,
    intentTargets,
    catalogue: catalogue?.intentCategory,
    rng: ctx.rng('validate-conversations'),
    sampleSize: p.sample_size ?? 500,
    compressionSample: p.compression_sample ?? 5000,
    nearDuplicateThreshold: p.near_duplicate_threshold ?? 0.9,
  });
  const coherence = new CoherenceAccumulator();
  let n = 0;
  for await (const rec of readDataset(ctx, source.path, 'conversation')) {
    acc.add(rec);
    coherence.add(rec);
    // Often enough that the count moves every second on a loaded machine; reporters throttle what they print.
    if (++n % 2_000 === 0) {
      ctx.progress(n, undefined, 'conversations read');
      if (ctx.signal.aborted) throw ctx.signal.reason ?? new Error('aborted');
    }
  }
  const q = acc.finish();
  const coh = coherence.finish();
  const weights = { ...DEFAULT_WEIGHTS, ...(p.weights ?? {}) };
  const scores = {
    completeness: q.completeness,
    consistency: q.consistency.score,
    realism: q.realism.compared_documents > 0 ? q.realism.score : null,
    diversity: q.diversity.score,
    distribution: q.distribution_vs_target.score,
  };
  const overall = overallScore(scores, weights);
  const gates = evaluateGates((p.gates ?? {}) as Record<string, number>, {
    ...scores,
    overall,
    duplicates: q.diversity.duplicates.rate,
    near_duplicates: q.diversity.near_duplicates.rate,
    self_bleu: q.diversity.self_bleu,
    foreign_followup: coh.checks.foreign_followup.rate,
    locale_mismatch: coh.checks.locale_mismatch.rate,
    register_switch: coh.checks.register_switch.rate,
    positive_reply_to_negative: coh.checks.positive_reply_to_negative.rate,
    positive_label_unsaid: coh.checks.positive_label_unsaid.rate,
    dialect_leak: coh.checks.dialect_leak.rate,
    gender_flip: coh.checks.gender_flip.rate,
    unfounded_closing: coh.checks.unfounded_closing.rate,
    fact_clash: coh.checks.fact_clash.rate,
    // Closings are only measured when the data has agent turns: on customer texts alone a closing gate fails, saying why.
    top_closing_share: coh.closings.conversations > 0 ? coh.closings.top_share : null,
    distinct_closings: coh.closings.conversations > 0 ? coh.closings.distinct_rate : null,
  }, coh.closings.conversations > 0 ? q.unmeasured : { ...q.unmeasured, top_closing_share: 'no agent turns in the data', distinct_closings: 'no agent turns in the data' });
  const report = {
    type: 'validate/conversations',
    documents: q.documents,
    overall,
    scores,
    weights,
    completeness: q.completeness,
    consistency: q.consistency,
    realism: q.realism,
    diversity: q.diversity,
    coherence: coh,
    distribution_vs_target: { ...q.distribution_vs_target, source: distributionSource },
    gates,
  };
  // Canonical key order keeps the report byte-identical for the same data and seed.
  writeFileSync(join(ctx.outDir, 'quality.json'), canonicalJson(report, 2) + '\n');
  writeFileSync(join(ctx.outDir, 'quality.md'), renderQualityMarkdown(report));
  enforceGates(gates);
  return {
    summary: `${q.documents} conversations: overall ${overall.toFixed(3)}, consistency ${q.consistency.score.toFixed(3)}, duplicates ${q.diversity.duplicates.rate.toFixed(3)}`,
    metrics: { overall, ...scores, duplicates: q.diversity.duplicates.rate, near_duplicates: q.diversity.near_duplicates.rate },
  };
}
