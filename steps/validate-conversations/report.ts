// Renders quality.json as a short Markdown summary a person reads first.
import type { GateResult } from '../../metrics/gates.js';
import { describeFailure } from '../../metrics/gates.js';
import type { CoherenceReport } from '../../metrics/coherence/accumulator.js';

// Examples are free text: keep them from breaking the Markdown table.
const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const f = (v: number | null | undefined) => (v === null || v === undefined ? 'n/a' : v.toFixed(3));

export function renderQualityMarkdown(r: {
  documents: number;
  overall: number;
  scores: Record<string, number | null>;
  consistency: { checks: Record<string, { applied: number; failed: number; rate: number; examples: string[] }> };
  realism: { reference: string; compared_documents: number; turn_length: number; first_turn_length: number; vocabulary: number; structure: number; intents_vs_reference: number };
  diversity: { distinct_1: number; distinct_2: number; distinct_3: number; self_bleu: number; self_bleu_sample: number; compression_ratio: number; duplicates: { rate: number }; near_duplicates: { rate: number } };
  coherence: CoherenceReport;
  distribution_vs_target: { source: string };
  gates: GateResult[];
}): string {
  const lines = [`# Quality report: ${r.documents} conversations`, '', `**Overall ${f(r.overall)}**`, '', '| part | score |', '| --- | --- |'];
  for (const [k, v] of Object.entries(r.scores)) lines.push(`| ${k} | ${f(v)} |`);
  lines.push('', '## Consistency checks', '', '| check | failed | rate | examples |', '| --- | --- | --- | --- |');
  for (const [k, c] of Object.entries(r.consistency.checks)) lines.push(`| ${k} | ${c.failed}/${c.applied} | ${f(c.rate)} | ${c.examples.join(', ')} |`);
  lines.push('', '## Coherence', '', '| check | failed | rate | examples |', '| --- | --- | --- | --- |');
  for (const [k, c] of Object.entries(r.coherence.checks)) lines.push(`| ${k} | ${c.failed}/${c.applied} | ${f(c.rate)} | ${c.examples.map(cell).join('<br>')} |`);
  const cl = r.coherence.closings;
  lines.push('', `Final agent turns: ${cl.distinct} distinct in ${cl.conversations} (${f(cl.distinct_rate)}); most frequent ${f(cl.top_share)}${cl.top[0] ? `: "${cell(cl.top[0].text)}" ×${cl.top[0].count}` : ''}`);
  const re = r.realism;
  lines.push(
    '',
    `## Realism vs ${re.reference} (${re.compared_documents} conversations compared)`,
    '',
    `turn length ${f(re.turn_length)} · first turn ${f(re.first_turn_length)} · vocabulary ${f(re.vocabulary)} · structure ${f(re.structure)} · intent mix vs reference ${f(re.intents_vs_reference)} (not scored; distribution target: ${r.distribution_vs_target.source})`,
    '',
    '## Diversity',
    '',
    `distinct-1/2/3 ${f(r.diversity.distinct_1)} / ${f(r.diversity.distinct_2)} / ${f(r.diversity.distinct_3)} · self-BLEU ${f(r.diversity.self_bleu)} (sample ${r.diversity.self_bleu_sample}) · compression ${f(r.diversity.compression_ratio)} · duplicates ${f(r.diversity.duplicates.rate)} · near-duplicates ${f(r.diversity.near_duplicates.rate)}`,
    '',
    '## Gates',
    '',
  );
  if (r.gates.length === 0) lines.push('No gates configured.');
  for (const g of r.gates) lines.push(g.passed ? `- passed: ${g.metric} ${f(g.value)} ${g.op} ${g.threshold}` : `- **FAILED**: ${describeFailure(g)}`);
  return lines.join('\n') + '\n';
}
