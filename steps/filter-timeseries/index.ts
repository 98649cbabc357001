// filter/timeseries: drops invalid, duplicate and (optionally) unrealistic series; writes the rest as series.jsonl.
import { SERIES_CHECKS } from '../../metrics/series-checks.js';
import { ON_INVALID_SCHEMA } from '../shared/on-invalid.js';
import type { StepDefinition } from '../contract.js';
import type { FilterTimeseriesParams } from './params.js';

const filterTimeseries: StepDefinition<FilterTimeseriesParams> = {
  type: 'filter/timeseries',
  description: 'Keeps the series that pass the chosen rules (series checks, exact and near duplicates, realism) and reports what was removed.',
  pathParams: ['input', 'reference'],
  // Carried over to the output so downstream steps see the generator's targets as before.
  besideFiles: { input: ['generation.json'] },
  schema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      input: { type: 'string', description: 'Series JSONL; default: the series.jsonl of a `needs` step.' },
      on_invalid: ON_INVALID_SCHEMA,
      record_checks: {
        type: 'array',
        items: { enum: [...SERIES_CHECKS] },
        uniqueItems: true,
        default: [...SERIES_CHECKS],
        description: 'Series checks of validate/timeseries a series must pass (length, frequency, start, finite values, physical bounds, solar darkness at night); [] keeps all.',
      },
      exact_duplicates: { type: 'boolean', default: true, description: 'Drop series whose frequency and values repeat an earlier one exactly.' },
      near_duplicates: {
        oneOf: [{ type: 'number', minimum: 0, maximum: 1 }, { const: false }],
        default: 0.995,
        description: 'Correlation (Pearson, same length and frequency) at or above which a series is a near-copy of an earlier one (shifted or rescaled copies included) and dropped; `false` keeps near-copies.',
      },
      realism: {
        oneOf: [{ type: 'number', minimum: 0, maximum: 1 }, { const: false }],
        default: false,
        description: 'Minimum realism of each hourly electricity-load series against `reference`: the mean placement of its cv, autocorrelations at 1, 24 and 168 hours and weekend ratio among the real series (1 inside their p10–p90, 0.5 at their min or max, 0 a band width beyond); other series are not scored. `false` (default) skips the rule.',
      },
      reference: { type: 'string', description: 'Real hourly data as a wide CSV (timestamp,mt_000,…) for the realism rule; default: the shipped electricity profile.' },
    },
  },
  async run(ctx) {
    const { runFilterTimeseries } = await import('./run.js');
    return runFilterTimeseries(ctx);
  },
};

export default filterTimeseries;
