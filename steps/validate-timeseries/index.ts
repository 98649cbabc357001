// validate/timeseries: validity per series and type, realism of load series vs real electricity data, gates.
import { ON_INVALID_SCHEMA } from '../shared/on-invalid.js';
import type { StepDefinition } from '../contract.js';
import type { ValidateTimeseriesParams } from './params.js';

const num = (description: string) => ({ type: 'number', minimum: 0, maximum: 1, description });

const validateTimeseries: StepDefinition<ValidateTimeseriesParams> = {
  type: 'validate/timeseries',
  description: 'Checks time series (lengths, gaps, NaN, physical bounds), scores electricity-load realism against real data, and compares an LLM\'s series with the offline generator\'s.',
  pathParams: ['input', 'reference'],
  schema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      input: { type: 'string', description: 'Dataset path (series JSONL); default: the series.jsonl of a `needs` step.' },
      on_invalid: ON_INVALID_SCHEMA,
      reference: {
        type: 'string',
        description: 'Real hourly data as a wide CSV (timestamp,mt_000,…) for KS and classifier realism; default: the shipped electricity profile (ranges only).',
      },
      max_compared_series: { type: 'integer', minimum: 1, default: 1000, description: 'Seeded sample of load series compared for realism.' },
      gates: {
        type: 'object',
        additionalProperties: false,
        default: {},
        description: 'Thresholds that fail the step: plain names are minimums, *_max names are maximums; a gate on a metric that could not be measured fails, saying why.',
        properties: {
          consistency: num('Minimum share of series passing every validity check.'),
          realism: num('Minimum realism of electricity-load series.'),
          discriminative: num('Minimum classifier score (1 = real and synthetic indistinguishable); needs a CSV reference.'),
          peak_hour: num('Minimum peak-hour similarity (1 − JSD).'),
          non_finite_max: num('Maximum share of NaN/Infinity/missing values.'),
        },
      },
    },
  },
  async run(ctx) {
    const { runValidateTimeseries } = await import('./run.js');
    return runValidateTimeseries(ctx);
  },
};

export default validateTimeseries;
