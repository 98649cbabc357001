// generate/timeseries: series of 16 types over 4 domains, offline or via an LLM, resumable item by item, written to series.jsonl.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../../util/errors.js';
import type { StepDefinition } from '../contract.js';
import { normalizeTimeseriesParams, timeseriesParamsSchema, type TimeseriesParams } from './params.js';
import { SERIES_SCOPE, seriesKeyOf } from './checkpoint-keys.js';

const step: StepDefinition<TimeseriesParams> = {
  type: 'generate/timeseries',
  description: 'Generates time series (electricity, energy, sensors, financial) with type-specific physics or from an LLM, resumable item by item.',
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
  async estimate(input) {
    const { estimateTimeseries } = await import('./estimate.js');
    return estimateTimeseries(input);
  },
  async checkpointKeys(input) {
    const { seriesItems } = await import('./checkpoint-keys.js');
    const params = normalizeTimeseriesParams(input.params as unknown as TimeseriesParams);
    const config = input.providers.get(params.provider);
    return { scope: SERIES_SCOPE, keys: config ? (await seriesItems(params, input.seed, config)).map((it) => it.key) : [] };
  },
  async run(ctx) {
    const params = normalizeTimeseriesParams(ctx.params);
    const provider = ctx.providerConfig(params.provider);
    const [{ planSeries, seriesRng }, { buildItemDataset, describeCounts }] = await Promise.all([import('./plan.js'), import('../shared/item-dataset.js')]);
    const common = { ctx, count: params.count, scope: SERIES_SCOPE, file: 'series.jsonl', plan: (i: number) => planSeries(params, ctx.seed, i), keyOf: await seriesKeyOf(ctx.seed, provider) };
    let result;
    let generator = 'offline';
    let cacheSummary: string | undefined;
    if (provider.type === 'offline') {
      const { generateSeries } = await import('../../providers/offline/timeseries/index.js');
      result = await buildItemDataset({ ...common, make: (spec) => ({ ok: true, json: JSON.stringify(generateSeries(spec, seriesRng(ctx.seed, spec))) }) });
    } else {
      const { llmSeriesFill } = await import('./llm-fill.js');
      const llm = await llmSeriesFill(ctx, params);
      generator = llm.generator;
      result = await buildItemDataset({ ...common, fill: llm.fill });
      cacheSummary = llm.cacheNote();
    }
    // batch_size only says how requests were grouped, not what the data was asked to be.
    const { batch_size: _batch, ...asked } = params;
    writeFileSync(
      join(ctx.outDir, 'generation.json'),
      JSON.stringify({ type: 'generate/timeseries', count: params.count, seed: ctx.seed, generator, params: asked, targets: { domain: params.domains, types: params.types ?? null } }, null, 2) + '\n',
    );
    ctx.services.recordStats({ generated: result.generated, reused: result.reused, failed: result.failed });
    return { summary: [describeCounts('series', result), cacheSummary].filter(Boolean).join('; '), metrics: { items: result } };
  },
};

export default step;
