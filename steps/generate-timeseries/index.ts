// generate/timeseries: series of 16 types over 4 domains, resumable item by item, written to series.jsonl.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../../util/errors.js';
import { codeVersion } from '../../util/code-versions.js';
import type { StepDefinition } from '../contract.js';
import { normalizeTimeseriesParams, timeseriesParamsSchema, type TimeseriesParams } from './params.js';

const SERIES_SCOPE = 'timeseries';

/** What identifies one series in the checkpoint store: the generator's and this step's derived versions, the seed and the item's plan. */
function seriesItemKey(seed: number, spec: unknown): unknown {
  // The step's own code (plan, the per-item stream) makes the item too: its derived version is in the key.
  return { generator: codeVersion('offline/timeseries'), step: codeVersion('step:generate/timeseries'), seed, spec };
}

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
  async checkpointKeys(input) {
    const [{ planSeries }, { hashJson }] = await Promise.all([import('./plan.js'), import('../../util/hash.js')]);
    const params = normalizeTimeseriesParams(input.params as unknown as TimeseriesParams);
    return { scope: SERIES_SCOPE, keys: Array.from({ length: params.count }, (_, i) => hashJson(seriesItemKey(input.seed, planSeries(params, input.seed, i)))) };
  },
  async run(ctx) {
    const params = normalizeTimeseriesParams(ctx.params);
    const provider = ctx.providerConfig(params.provider);
    if (provider.type !== 'offline') throw new InputError(`generate/timeseries: provider "${provider.name}" is ${provider.type}; time series are generated offline only`);
    const [{ generateSeries }, { planSeries, seriesRng }, { buildItemDataset, describeCounts }] = await Promise.all([
      import('../../providers/offline/timeseries/index.js'),
      import('./plan.js'),
      import('../shared/item-dataset.js'),
    ]);
    const result = await buildItemDataset({
      ctx,
      count: params.count,
      scope: SERIES_SCOPE,
      file: 'series.jsonl',
      plan: (i) => planSeries(params, ctx.seed, i),
      keyOf: (spec) => seriesItemKey(ctx.seed, spec),
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
