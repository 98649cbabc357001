// bias/conversations: distributions vs targets, intent coverage and cross-tab dependence, with severity gates.
import { ON_INVALID_SCHEMA } from '../shared/on-invalid.js';
import type { StepDefinition } from '../contract.js';
import { DEFAULT_CROSSTABS, DEFAULT_FIELDS, type BiasConversationsParams } from './params.js';

const biasConversations: StepDefinition<BiasConversationsParams> = {
  type: 'bias/conversations',
  description: 'Checks a conversation dataset for skewed distributions, missing intents and dependent attributes (e.g. sentiment by language).',
  pathParams: ['input'],
  // The generator's targets beside a `with: input:` file (dataset-source reads it and checks this declaration).
  besideFiles: { input: ['generation.json'] },
  schema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      input: { type: 'string', description: 'Dataset path (JSONL conversations); default: the conversations.jsonl of a `needs` step.' },
      on_invalid: ON_INVALID_SCHEMA,
      targets: {
        type: 'object',
        description: 'Expected distribution per field (weights), e.g. language: {en: 0.5, es: 0.5}; overrides generation.json.',
        additionalProperties: { type: 'object', additionalProperties: { type: 'number', minimum: 0 } },
      },
      fields: {
        type: 'array',
        items: { type: 'string' },
        default: DEFAULT_FIELDS,
        description: 'Fields whose distributions are reported (observed vs expected, chi-square goodness of fit).',
      },
      crosstabs: {
        type: 'array',
        items: { type: 'array', items: { type: 'string' }, minItems: 2, maxItems: 2 },
        default: DEFAULT_CROSSTABS,
        description: 'Pairs of fields tested for independence (chi-square, Cramér\'s V), e.g. [language, sentiment].',
      },
      gates: {
        type: 'object',
        additionalProperties: false,
        default: {},
        description: 'Thresholds that fail the step.',
        properties: {
          max_severity: { enum: ['none', 'low', 'medium', 'high'], description: 'Highest finding severity allowed.' },
          coverage_min: { type: 'number', minimum: 0, maximum: 1, description: 'Minimum share of expected intents present (1.0 = all).' },
        },
      },
    },
  },
  async run(ctx) {
    const { runBiasConversations } = await import('./run.js');
    return runBiasConversations(ctx);
  },
};

export default biasConversations;
