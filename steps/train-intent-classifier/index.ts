// train/intent-classifier: fits a TF-IDF + softmax intent classifier on conversations or a CSV/JSONL file.
import type { StepDefinition } from '../contract.js';
import type { IntentClassifierParams } from './params.js';

const step: StepDefinition<IntentClassifierParams> = {
  type: 'train/intent-classifier',
  description: 'Trains an intent classifier (TF-IDF word + char n-grams, softmax regression) and reports held-out accuracy.',
  pathParams: ['input', 'evaluate_on'],
  schema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      input: { type: 'string', description: 'CSV or JSONL file of labelled texts; when omitted, the upstream step\'s conversations.jsonl is used.' },
      text_column: { type: 'string', default: 'text', description: 'Column (CSV) or field (JSONL) holding the text, for `input` and `evaluate_on` files.' },
      label_column: { type: 'string', default: 'intent', description: 'Column or field holding the label in files (Banking77\'s CSV calls it "category").' },
      text_from: {
        enum: ['customer_turns', 'first_customer_turn', 'all_turns'],
        default: 'customer_turns',
        description: 'For conversations: which turns make up the text to classify.',
      },
      label: { enum: ['intent', 'category'], default: 'intent', description: 'For conversations: which field is the label.' },
      test_fraction: { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1, default: 0.2, description: 'Share of rows held out (stratified by label) to measure accuracy.' },
      seed: { type: 'integer', description: 'Seed of the held-out split; defaults to the pipeline seed.' },
      C: { type: 'number', exclusiveMinimum: 0, default: 10, description: 'Inverse L2 regularisation strength (as scikit-learn\'s C).' },
      max_iter: { type: 'integer', minimum: 1, maximum: 10000, default: 100, description: 'Most L-BFGS iterations.' },
      tol: { type: 'number', minimum: 0, default: 0.0005, description: 'Stop when the loss falls by less than this share per iteration.' },
      class_weight: { enum: ['balanced', null], default: null, description: '"balanced" weighs classes inversely to their frequency.' },
      word_ngrams: {
        type: ['array', 'null'],
        items: { type: 'integer', minimum: 1, maximum: 5 },
        minItems: 2,
        maxItems: 2,
        default: [1, 2],
        description: 'Word n-gram range [min, max]; null turns word features off.',
      },
      char_ngrams: {
        type: ['array', 'null'],
        items: { type: 'integer', minimum: 1, maximum: 8 },
        minItems: 2,
        maxItems: 2,
        default: [2, 5],
        description: 'Character n-gram range [min, max] within word boundaries; null turns them off.',
      },
      min_df: { type: 'integer', minimum: 1, default: 1, description: 'Keep n-grams found in at least this many training texts.' },
      evaluate_on: { type: 'string', description: 'Extra labelled CSV/JSONL (e.g. real Banking77) to test on: train-on-synthetic, test-on-real.' },
    },
  },
  async run(ctx) {
    const { runIntentClassifier } = await import('./run.js');
    return runIntentClassifier(ctx);
  },
};

export default step;
