// The LLM-judge prompt for a batch of records, built from data/prompts/judge.json: a rubric score per criterion.
import type { ChatRequest } from '../contract.js';
import { canonicalJson } from '../../util/canonical-json.js';
import { loadData } from '../../util/paths.js';

export const JUDGE_CRITERIA = ['realism', 'intent_fidelity', 'language'] as const;
export type JudgeCriterion = (typeof JUDGE_CRITERIA)[number];

interface JudgeTemplate {
  version: string;
  system: string;
  criteria: Record<JudgeCriterion, string>;
  instructions: string;
  output: string;
  item: string;
}

/** What the judge is shown of one record: its id (to pair the answer), the intended intent, language and turns. */
export interface JudgeSpec {
  id: string;
  intent: string;
  language: string;
  turns: Array<{ speaker: string; text: string }>;
}

const template = (): JudgeTemplate => loadData<JudgeTemplate>('prompts', 'judge.json');

/** Sampling settings sent with every batch: a judge should answer the same text the same way. */
export const JUDGE_INFERENCE = { temperature: 0 } as const;

function rubric(t: JudgeTemplate, criteria: readonly JudgeCriterion[]): string {
  return ['Criteria:', ...criteria.map((c) => `- ${t.criteria[c]}`)].join('\n');
}

const itemLine = (t: JudgeTemplate, spec: JudgeSpec) =>
  t.item.replace('{record}', canonicalJson({ record_id: spec.id, intent: spec.intent, language: spec.language, turns: spec.turns }));

/**
 * Everything in the request that shapes one record's scores: template version, system text, the rubric of the chosen
 * criteria, instructions and the record's own line. Hashed into its checkpoint key (with the provider identity and
 * JUDGE_INFERENCE), so a changed rubric re-asks, and a changed threshold re-asks nothing.
 */
export function judgeItemPrompt(spec: JudgeSpec, criteria: readonly JudgeCriterion[]): string {
  const t = template();
  return [`v${t.version}`, t.system, rubric(t, criteria), t.instructions, t.output, itemLine(t, spec)].join('\n');
}

/** Output budget: an object of scores and one sentence is well under 80 tokens. */
export function judgeMaxTokens(specs: readonly JudgeSpec[]): number {
  return Math.max(256, specs.length * 80);
}

export function renderJudgeBatch(specs: readonly JudgeSpec[], criteria: readonly JudgeCriterion[]): ChatRequest {
  const t = template();
  const count = String(specs.length);
  const parts = [rubric(t, criteria), t.instructions.replace('{count}', count), t.output.replace('{count}', count), ...specs.map((s) => itemLine(t, s))];
  return { system: t.system, messages: [{ role: 'user', text: parts.join('\n\n') }], maxTokens: judgeMaxTokens(specs), ...JUDGE_INFERENCE };
}
