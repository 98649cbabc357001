// Fills missing series from an LLM provider: batched prompts, robust parsing, checks, retries, per-item checkpoints.
import type { ItemStore, StepContext } from '../contract.js';
import { llmStepHooks } from '../shared/llm-step-hooks.js';
import type { SeriesSpec } from '../../util/records.js';
import { providerIdentity } from '../../providers/identity.js';
import { SERIES_SCOPE } from './checkpoint-keys.js';
import type { TimeseriesParams } from './params.js';

export async function llmSeriesFill(ctx: StepContext<TimeseriesParams>, params: TimeseriesParams) {
  const [{ runLlmItems }, prompts, { parseSeriesItem }, { cacheNote, batchNote }] = await Promise.all([
    import('../../providers/llm/batch-runner.js'),
    import('../../providers/llm/series-prompt.js'),
    import('../../providers/llm/series-parse.js'),
    import('../shared/llm-notes.js'),
  ]);
  const config = ctx.providerConfig(params.provider);
  const generator = `${config.type}/${String(providerIdentity(config).model ?? '')}`;
  let cache: string | undefined;
  return {
    generator,
    /** What prompt caching saved this run, for the step summary (undefined when it did nothing). */
    cacheNote: () => cache,
    fill: async (missing: Array<{ key: string; spec: SeriesSpec }>, store: ItemStore) => {
      const provider = await ctx.provider(params.provider);
      const limit = config.type === 'bedrock' ? (await import('../../providers/bedrock/options.js')).resolveBedrockOptions(config).maxOutputTokens : Infinity;
      const need = prompts.seriesOutputTokens(params.length) * Math.min(params.batch_size, missing.length);
      if (need > limit) {
        ctx.log.warn(
          `a batch of ${Math.min(params.batch_size, missing.length)} series × ${params.length} points needs ~${need} output tokens, more than the model's ${limit}: replies will be cut and their tail series asked again; lower batch_size${params.batch_size > 1 ? '' : ' or length'}`,
        );
      }
      const r = await runLlmItems({
        items: missing,
        provider,
        store,
        batchSize: params.batch_size,
        render: (specs) => prompts.renderSeriesBatch(specs),
        parse: (obj, spec) => parseSeriesItem(obj, spec, generator),
        // A renumbered or omitted id is paired by the type an answer states, never by a guess across types.
        traitsOf: (spec) => ({ series_type: spec.series_type }),
        ...llmStepHooks(ctx, SERIES_SCOPE, missing.length, 'generated'),
      });
      const s = provider.stats();
      const b = batchNote(provider);
      if (b) ctx.log.info(b);
      ctx.log.info(`${r.requests} paid replies (${r.wastedReplies} kept no series), ${s.throttles ?? 0} throttled, ${r.retriedInvalid} series asked again, ${r.failed} failed`);
      cache = cacheNote(s);
      if (cache) ctx.log.info(cache);
    },
  };
}
