// The checkpoint key of every series a generate/timeseries step produces: for its run, dry-run estimates and `genesis clean`.
import { hashJson } from '../../util/hash.js';
import { codeVersion } from '../../util/code-versions.js';
import { providerIdentity } from '../../providers/identity.js';
import type { ProviderConfig } from '../../providers/contract.js';
import type { SeriesSpec } from '../../util/records.js';
import type { TimeseriesParams } from './params.js';

/** Checkpoint family the step writes into. */
export const SERIES_SCOPE = 'timeseries';

/**
 * What identifies one series for this provider: the one definition the run, the dry-run estimate and `genesis clean`
 * share. Offline: the generator's and this step's derived versions, the seed and the plan (series are cheap to
 * remake). LLM: exactly the request — who answers (type, model, any non-AWS endpoint), the item's rendered prompt and
 * the inference parameters, and the plan — never code hashes, so a refactor re-buys nothing.
 */
export async function seriesKeyOf(seed: number, config: ProviderConfig): Promise<(spec: SeriesSpec) => unknown> {
  if (config.type === 'offline') {
    return (spec) => ({ generator: codeVersion('offline/timeseries'), step: codeVersion('step:generate/timeseries'), seed, spec });
  }
  const prompts = await import('../../providers/llm/series-prompt.js');
  const identity = providerIdentity(config);
  return (spec) => ({ provider: identity, prompt: prompts.seriesItemPrompt(spec), inference: prompts.SERIES_INFERENCE, spec });
}

/** Items 0..count-1 with their keys, exactly as the step's run computes them for this provider. */
export async function seriesItems(params: TimeseriesParams, seed: number, config: ProviderConfig): Promise<Array<{ spec: SeriesSpec; key: string }>> {
  const { planSeries } = await import('./plan.js');
  const keyOf = await seriesKeyOf(seed, config);
  return Array.from({ length: params.count }, (_, i) => {
    const spec = planSeries(params, seed, i);
    return { spec, key: hashJson(keyOf(spec)) };
  });
}
