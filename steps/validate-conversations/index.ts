// validate/conversations: quality report (completeness, consistency, realism, diversity) with gates.
import { ON_INVALID_SCHEMA } from '../shared/on-invalid.js';
import type { StepDefinition } from '../contract.js';
import type { ValidateConversationsParams } from './params.js';

const num = (description: string, extra: Record<string, unknown> = {}) => ({ type: 'number', minimum: 0, maximum: 1, description, ...extra });

const validateConversations: StepDefinition<ValidateConversationsParams> = {
  type: 'validate/conversations',
  description: 'Scores a conversation dataset (completeness, consistency, coherence, realism vs a reference, diversity) and enforces gates.',
  pathParams: ['input', 'reference'],
  // The generator's targets beside a `with: input:` file (dataset-source reads it and checks this declaration).
  besideFiles: { input: ['generation.json'] },
  schema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      input: { type: 'string', description: 'Dataset path (JSONL conversations or CSV text,category); default: the conversations.jsonl of a `needs` step.' },
      on_invalid: ON_INVALID_SCHEMA,
      reference: {
        type: 'string',
        description: 'Reference for realism: a profile JSON, a CSV (text,category) or conversations JSONL. Default: the shipped Banking77 profile.',
      },
      targets: {
        type: 'object',
        description: 'Expected distributions per field (e.g. intent: {card_arrival: 1, …}); overrides generation.json targets.',
        additionalProperties: { type: 'object', additionalProperties: { type: 'number', minimum: 0 } },
      },
      sample_size: { type: 'integer', minimum: 2, default: 500, description: 'Seeded sample size for self-BLEU (quadratic).' },
      compression_sample: { type: 'integer', minimum: 1, default: 5000, description: 'Seeded sample size for the zlib compression ratio.' },
      near_duplicate_threshold: num('Jaccard similarity (word 3-grams, MinHash) at or above which two conversations are near-duplicates.', { default: 0.9 }),
      weights: {
        type: 'object',
        additionalProperties: false,
        description: 'Weights of the overall score (renormalised over the parts that could be measured).',
        default: {},
        properties: {
          completeness: { type: 'number', minimum: 0, default: 0.2, description: 'Weight of completeness.' },
          consistency: { type: 'number', minimum: 0, default: 0.25, description: 'Weight of consistency.' },
          realism: { type: 'number', minimum: 0, default: 0.2, description: 'Weight of realism vs the reference.' },
          diversity: { type: 'number', minimum: 0, default: 0.2, description: 'Weight of diversity.' },
          distribution: { type: 'number', minimum: 0, default: 0.15, description: 'Weight of the intent distribution vs target.' },
        },
      },
      gates: {
        type: 'object',
        additionalProperties: false,
        default: {},
        description: 'Thresholds that fail the step: plain names are minimums, *_max names are maximums; a gate on a metric that could not be measured fails, saying why.',
        properties: {
          overall: num('Minimum overall score.'),
          completeness: num('Minimum completeness.'),
          consistency: num('Minimum consistency (share of conversations passing every check).'),
          realism: num('Minimum realism vs the reference.'),
          diversity: num('Minimum diversity.'),
          distribution: num('Minimum intent distribution vs target (1 − JSD).'),
          duplicates_max: num('Maximum exact-duplicate rate.'),
          near_duplicates_max: num('Maximum near-duplicate rate.'),
          self_bleu_max: num('Maximum self-BLEU on the sample.'),
          foreign_followup_max: num('Maximum share of conversations where the agent asks for a fact the intent has no use for (an amount for a PIN problem).'),
          locale_mismatch_max: num("Maximum share of conversations whose currency or country contradicts the locale ('$6,786 pesos' from Spain)."),
          register_switch_max: num('Maximum share of Spanish conversations where the agent switches between tú and usted.'),
          positive_reply_to_negative_max: num('Maximum share of conversations where the agent answers a complaint or an upset customer with delight.'),
          positive_label_unsaid_max: num('Maximum share of positive-labelled conversations whose customer sounds irritated ("Why on earth…?") or says nothing warm.'),
          dialect_leak_max: num("Maximum share of conversations with a form of the other variety (es-MX 'vale', es-ES 'sin costo', en-US 'cash machine')."),
          gender_flip_max: num("Maximum share of Spanish conversations where the customer's gender changes ('nerviosa' then the agent's 'Tranquilo')."),
          unfounded_closing_max: num("Maximum share of conversations whose closing claims what did not happen (a notification with nothing started, 'taking too long' with no wait given)."),
          fact_clash_max: num("Maximum share of conversations that break a fact they fixed: two times of day, cash abroad in the home currency, an amount implausible for the merchant, two merchants for one payment, a sentence against the intent ('I withdrew £620' when it was declined), an odd residence for the dialect."),
          top_closing_share_max: num('Maximum share of conversations ending on the single most frequent final agent turn.'),
          distinct_closings: num('Minimum distinct final agent turns per conversation (600 per 1,000 = 0.6).'),
        },
      },
    },
  },
  async run(ctx) {
    const { runValidateConversations } = await import('./run.js');
    return runValidateConversations(ctx);
  },
};

export default validateConversations;
