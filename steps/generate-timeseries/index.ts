// generate/timeseries: series of 16 types over 4 domains, resumable item by item, written to series.jsonl.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../../util/errors.js';
import { codeVersion } from '../../util/code-versions.js';
import type { StepDefinition } from '../contract.js';
import { normalizeTimeseriesParams, timeseriesParamsSchema, type TimeseriesParams } from './params.js';

const step: StepDefinition<TimeseriesParams> = {
  type: 'generate/timeseries',
  description: 'Generates time series (electricity, energy, sensors, financial) with type-specific physics, resumable item by item.',
  schema: timeseriesParamsSchema as unknown as Record<string, unknown>,
  usesProvider: true,
  check(params) {
    try {
      normalizeTimeseriesParams(params);
      return [];
    } catch (e) {
      if (e instanceof InputError) return [{ path: [], message: e.message }];
      throw e;
    }
  },
  async run(ctx) {
    const params = normalizeTimeseriesParams(ctx.params);
    const provider = ctx.providerConfig(params.provider);
    if (provider.type !== 'offline') throw new InputError(`generate/timeseries: provider "${provider.name}" is ${provider.type}; time series are generated offline only`);
    const [{ generateSeries, OFFLINE_SERIES_VERSION }, { planSeries, seriesRng }, { buildItemDataset, describeCounts }] = await Promise.all([
      import('../../providers/offline/timeseries/index.js'),
      import('./plan.js'),
      import('../shared/item-dataset.js'),
    ]);
    const result = await buildItemDataset({
      ctx,
      count: params.count,
      scope: 'timeseries',
      file: 'series.jsonl',
      plan: (i) => planSeries(params, ctx.seed, i),
      // The step's own code (plan, the per-item stream) makes the item too: its derived version is in the key.
      keyOf: (spec) => ({ generator: OFFLINE_SERIES_VERSION, step: codeVersion('step:generate/timeseries'), seed: ctx.seed, spec }),
      make: (spec) => ({ ok: true, json: JSON.stringify(generateSeries(spec, seriesRng(ctx.seed, spec))) }),
    });
    writeFileSync(
      join(ctx.outDir, 'generation.json'),
      JSON.stringify({ type: 'generate/timeseries', count: params.count, seed: ctx.seed, generator: 'offline', params, targets: { domain: params.domains, types: params.types ?? null } }, null, 2) + '\n',
    );
    ctx.services.recordStats({ generated: result.generated, reused: result.reused, failed: result.failed });
    return { summary: describeCounts('series', result), metrics: { items: result } };
  },
};

export default step;
