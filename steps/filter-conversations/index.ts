// filter/conversations: drops duplicates, bad records, incoherent and off-intent conversations; reports what went.
import { CHECKS } from '../../metrics/conversation-checks.js';
import { COHERENCE_CHECKS } from '../../metrics/coherence/accumulator.js';
import { ON_INVALID_SCHEMA } from '../shared/on-invalid.js';
import type { StepDefinition } from '../contract.js';
import type { FilterConversationsParams } from './params.js';
import { JUDGE_CRITERIA } from '../../providers/llm/judge-prompt.js';

const filterConversations: StepDefinition<FilterConversationsParams> = {
  type: 'filter/conversations',
  description: 'Keeps the conversations that pass the chosen rules (duplicates, record checks, coherence, intent consistency, an LLM judge) and reports what was removed.',
  pathParams: ['input', 'model'],
  // The judge's provider: its identity enters the fingerprint, and the offline generator (no chat API) is refused.
  providerPath: ['judge', 'provider'],
  needsChatProvider: true,
  // Carried over to the output so downstream steps see the generator's targets as before.
  besideFiles: { input: ['generation.json'] },
  schema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      input: { type: 'string', description: 'Conversations JSONL; default: the conversations.jsonl of a `needs` step.' },
      on_invalid: ON_INVALID_SCHEMA,
      exact_duplicates: { type: 'boolean', default: true, description: 'Drop conversations whose turns (speakers and words, case and punctuation ignored) repeat an earlier one.' },
      near_duplicates: {
        oneOf: [{ type: 'number', minimum: 0, maximum: 1 }, { const: false }],
        default: 0.9,
        description: 'Jaccard similarity (word 3-grams, MinHash) at or above which a conversation is a near-copy of an earlier one and dropped; `false` keeps near-copies.',
      },
      record_checks: {
        type: 'array',
        items: { enum: [...CHECKS] },
        uniqueItems: true,
        default: ['schema', 'customer_first', 'alternation', 'turn_count', 'language'],
        description: 'Record checks of validate/conversations a conversation must pass (`catalogue` also checks the intent against data/intents.json); [] keeps all.',
      },
      coherence: {
        type: 'array',
        items: { enum: [...COHERENCE_CHECKS] },
        uniqueItems: true,
        default: [],
        description: 'Coherence checks of validate/conversations whose flagged conversations are dropped (none by default).',
      },
      model: { type: 'string', description: 'model.json of a train/intent-classifier step (default: the model.json of a `needs` step, when one writes it): drop a conversation whose intent is not in its top_k for the first customer turn.' },
      top_k: { type: 'integer', minimum: 1, default: 3, description: 'How many of the classifier\'s most likely intents count as consistent.' },
      min_per_intent: { type: 'integer', minimum: 0, default: 0, description: 'Warn when fewer conversations than this are kept for an intent (an emptied intent always warns).' },
      judge: {
        type: 'object',
        additionalProperties: false,
        required: ['provider'],
        description: 'LLM judge, applied last (to what the other rules kept): a rubric score per conversation from an LLM provider; below `threshold` it is dropped. Scores are checkpointed per conversation and costed like generation.',
        properties: {
          provider: { type: 'string', description: 'Provider name under `providers:`; it must be an LLM provider (the offline generator cannot judge).' },
          threshold: { type: 'number', minimum: 0, maximum: 1, default: 0.7, description: 'Minimum score (mean of the criteria, each 0–1) a conversation keeps.' },
          criteria: { type: 'array', items: { enum: [...JUDGE_CRITERIA] }, minItems: 1, uniqueItems: true, default: [...JUDGE_CRITERIA], description: 'Rubric criteria scored (0–10 each, read as 0–1).' },
          batch_size: { type: 'integer', minimum: 1, maximum: 50, default: 10, description: 'Conversations judged per LLM call.' },
        },
      },
    },
  },
  async estimate(input) {
    const { estimateJudge } = await import('./judge-estimate.js');
    return estimateJudge(input);
  },
  async checkpointKeys(input) {
    const [{ judgedRecords }, { JUDGE_SCOPE, judgeItems }] = await Promise.all([import('./judge-estimate.js'), import('./judge-items.js')]);
    const judge = (input.params as unknown as FilterConversationsParams).judge;
    const config = judge && input.providers.get(judge.provider);
    const records = config ? await judgedRecords(input) : undefined;
    // Keys of every record the judge may have scored; those it never saw are simply not in the store.
    return { scope: JUDGE_SCOPE, keys: judge && config && records ? judgeItems(records, judge.criteria, config).map((it) => it.key) : [] };
  },
  async run(ctx) {
    const { runFilterConversations } = await import('./run.js');
    return runFilterConversations(ctx);
  },
};

export default filterConversations;
