// Amazon Bedrock provider entry point: validates options now, loads the AWS SDK only on the first call.
import type { ChatProvider, ProviderConfig } from '../contract.js';
import { resolveBedrockOptions } from './options.js';
import { BedrockProvider } from './provider.js';

export { resolveBedrockOptions, lookupModel } from './options.js';
export type { BedrockOptions } from './options.js';

export function createBedrockProvider(config: ProviderConfig): ChatProvider {
  const opts = resolveBedrockOptions(config);
  return new BedrockProvider(config, opts, async () => {
    const { createConverseClient } = await import('./client.js');
    return createConverseClient(opts.region, opts.endpoint);
  });
}
