// Amazon Bedrock provider entry point: validates options now, loads the AWS SDK only on the first call.
import type { ChatProvider, ProviderConfig } from '../contract.js';
import { resolveBedrockOptions } from './options.js';
import { BedrockProvider } from './provider.js';
import { BedrockBatch } from './batch.js';

export { resolveBedrockOptions, lookupModel } from './options.js';
export type { BedrockOptions } from './options.js';

export function createBedrockProvider(config: ProviderConfig): ChatProvider {
  const opts = resolveBedrockOptions(config);
  const batchOpts = opts.batch;
  const batch =
    opts.mode === 'batch' && batchOpts && opts.batchPrices
      ? new BedrockBatch(opts.model, batchOpts, opts.batchPrices, opts.maxOutputTokens, opts.budgetUsd, async () => {
          const { createBatchClient } = await import('./batch-client.js');
          return createBatchClient(opts.region, batchOpts.endpoints);
        })
      : undefined;
  return new BedrockProvider(
    config,
    opts,
    async () => {
      const { createConverseClient } = await import('./client.js');
      return createConverseClient(opts.region, opts.endpoint);
    },
    batch,
  );
}
