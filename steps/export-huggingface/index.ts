// export/huggingface: writes a registered dataset in the layout the Hub and the `datasets` library read, with its card.
import type { ParamProblem, StepDefinition } from '../contract.js';

export interface ExportParams {
  format: 'parquet' | 'jsonl';
  splits: Record<string, number>;
  seed?: number;
  license: string;
}

const step: StepDefinition<ExportParams> = {
  type: 'export/huggingface',
  description:
    'Writes the dataset registered by the register/dataset step in `needs` as data/<split>-00000-of-00001.parquet (stratified by intent or series type, seeded) and a README.md dataset card, the layout `datasets.load_dataset` and the Hugging Face Hub expect.',
  schema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      format: { enum: ['parquet', 'jsonl'], default: 'parquet', description: 'File format of the splits.' },
      splits: {
        type: 'object',
        minProperties: 1,
        propertyNames: { pattern: '^[A-Za-z][A-Za-z0-9_]*$' },
        additionalProperties: { type: 'number', exclusiveMinimum: 0, maximum: 1 },
        default: { train: 0.9, test: 0.1 },
        description: 'Split names and the share of records in each (they add up to 1); every intent is in every split when it has enough records.',
      },
      seed: { type: 'integer', minimum: 0, description: 'Seed of the split (default: the seed the dataset was generated with).' },
      license: { type: 'string', minLength: 1, default: 'mit', description: 'License id for the card (https://hf.co/docs/hub/repositories-licenses).' },
    },
  },
  check(params): ParamProblem[] {
    const sum = Object.values(params.splits ?? {}).reduce((a, v) => a + v, 0);
    return params.splits && Math.abs(sum - 1) > 1e-6 ? [{ path: ['splits'], message: `the split fractions add up to ${+sum.toFixed(6)}, not 1` }] : [];
  },
  async run(ctx) {
    const { runExport } = await import('./run.js');
    return runExport(ctx);
  },
};

export default step;
