// train/forecaster: fits a global ridge forecaster on series.jsonl or a wide hourly CSV and scores it against seasonal naive.
import type { StepDefinition } from '../contract.js';
import type { ForecasterParams } from './run.js';

const step: StepDefinition<ForecasterParams> = {
  type: 'train/forecaster',
  description: 'Trains a forecaster on time series and reports MASE and sMAPE on the last `horizon` points, next to seasonal naive.',
  pathParams: ['input'],
  schema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      input: { type: 'string', description: 'Wide CSV (`timestamp,series1,series2,…`); when omitted, the upstream step\'s series.jsonl is used.' },
      horizon: { type: 'integer', minimum: 1, maximum: 168, default: 24, description: 'Points forecast ahead; the last `horizon` points of each series are held out to score.' },
      model: { enum: ['ridge', 'seasonal_naive'], default: 'ridge', description: 'Global ridge regression on lags and calendar features, or the seasonal-naive baseline alone.' },
      season: { type: 'integer', minimum: 1, default: 24, description: 'Seasonal period in points (24 for hourly data): the baseline lag and the MASE scale.' },
      lags: { type: 'integer', minimum: 1, maximum: 336, default: 48, description: 'Recent points used as features.' },
      weekly_lag: { type: 'integer', minimum: 0, default: 168, description: 'Also use the point this far before each target (one week of hours); 0 turns it off.' },
      alpha: { type: 'number', minimum: 0, default: 1, description: 'Ridge penalty on the normalised features.' },
    },
  },
  async run(ctx) {
    const { runForecaster } = await import('./run.js');
    return runForecaster(ctx);
  },
};

export default step;
